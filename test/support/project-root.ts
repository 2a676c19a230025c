import { join } from 'node:path';

/** The project's root folder, where package.json and cdk.json are. */
export const PROJECT_ROOT = join(__dirname, '..', '..');
