import { runTestGroup } from './run-test-group';

runTestGroup('command-line');
