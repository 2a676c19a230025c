import * as fs from 'node:fs';
import * as path from 'node:path';
import { renderReadme } from '../../lib/docs/readme-sections';
import { BASE_KEY_SPECS } from '../../lib/config/base-context-keys';
import { MODULE_NAMES, MODULES } from '../../lib/modules/module-registry';

const readme = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');

test('the generated README blocks are up to date (run `npm run docs`)', () => {
  expect(renderReadme(readme)).toBe(readme);
});

test('README documents every context key and every module', () => {
  for (const spec of [...BASE_KEY_SPECS, ...MODULES.flatMap((module) => module.settings?.keySpecs ?? [])])
    expect(readme).toContain(`\`${spec.key}\``);
  for (const name of MODULE_NAMES) expect(readme).toContain(`### \`${name}\``);
});

test('README shows the set-up, main and test commands that CI runs', () => {
  expect(readme).toContain('npm ci');
  expect(readme).toContain('npx cdk synth');
  expect(readme).toContain('npm test');
  const ci = fs.readFileSync(path.join(__dirname, '..', '..', '.ci', 'run'), 'utf8');
  expect(ci).toMatch(/npm ci[^\n]*\nnpm test\n/);
});
