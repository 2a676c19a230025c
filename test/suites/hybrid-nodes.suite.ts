import { runTestGroup } from './run-test-group';

runTestGroup('hybrid-nodes');
