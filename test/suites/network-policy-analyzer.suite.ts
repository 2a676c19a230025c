import { runTestGroup } from './run-test-group';

runTestGroup('network-policy-analyzer');
