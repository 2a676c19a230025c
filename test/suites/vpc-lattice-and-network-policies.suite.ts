import { runTestGroup } from './run-test-group';

runTestGroup('vpc-lattice-and-network-policies');
