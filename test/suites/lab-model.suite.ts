import { runTestGroup } from './run-test-group';

runTestGroup('lab-model');
