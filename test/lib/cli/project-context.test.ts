import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contextOfPairs, readProjectContext } from '../../../lib/cli/project-context';

/** A project directory whose cdk.json is the given object. */
function directoryWith(cdkJson: unknown): string {
  const directory = mkdtempSync(join(tmpdir(), 'project-context-'));
  writeFileSync(join(directory, 'cdk.json'), JSON.stringify(cdkJson));
  return directory;
}

describe('the context cdk deploy reads before -c', () => {
  const ADMIN = 'arn:aws:iam::111122223333:role/Admin';

  test("a key set once in the user's ~/.cdk.json reaches every command", () => {
    const home = mkdtempSync(join(tmpdir(), 'home-'));
    writeFileSync(join(home, '.cdk.json'), JSON.stringify({ context: { adminPrincipalArn: ADMIN } }));
    const project = directoryWith({ app: 'node app.js', context: { '@aws-cdk/core:checkSecretUsage': true } });
    expect(readProjectContext(project, home)).toEqual({
      adminPrincipalArn: ADMIN,
      '@aws-cdk/core:checkSecretUsage': true,
    });
  });

  test("the project's cdk.json overrides ~/.cdk.json, and -c overrides both when callers spread it last", () => {
    const home = mkdtempSync(join(tmpdir(), 'home-'));
    writeFileSync(join(home, '.cdk.json'), JSON.stringify({ context: { clusterName: 'from-home' } }));
    const project = directoryWith({ context: { clusterName: 'from-project' } });
    const context = { ...readProjectContext(project, home), ...contextOfPairs(['clusterName=from-command-line']) };
    expect(readProjectContext(project, home).clusterName).toBe('from-project');
    expect(context.clusterName).toBe('from-command-line');
  });

  test('without ~/.cdk.json or a context key, the context is empty', () => {
    const home = mkdtempSync(join(tmpdir(), 'home-'));
    expect(readProjectContext(directoryWith({ app: 'node app.js' }), home)).toEqual({});
  });
});
