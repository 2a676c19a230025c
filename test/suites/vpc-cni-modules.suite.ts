import { runTestGroup } from './run-test-group';

runTestGroup('vpc-cni-modules');
