import { runTestGroup } from './run-test-group';

runTestGroup('compliance');
