import * as path from 'node:path';

/**
 * The directory of the lab's Python kubectl handlers (`constructs/kubectl-handlers`): one Lambda asset shared by
 * every construct that runs kubectl as the cluster's kubectl provider role, each with its own handler module.
 */
export const KUBECTL_HANDLERS_DIR = path.join(__dirname, 'kubectl-handlers');
