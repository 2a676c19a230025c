import * as fs from 'node:fs';
import * as path from 'node:path';
import { BASE_KEY_SPECS } from '../../lib/config/base-context-keys';
import { generatedDocuments, labGuideFile, renderGeneratedBlocks } from '../../lib/docs/generated-documents';
import { MODULE_NAMES, MODULES } from '../../lib/modules/module-registry';
import type { SynthesizeOutput } from '../../lib/verify/synthesized-lab';
import { PROJECT_ROOT } from '../support/project-root';
import { synthesizedOutputForTest } from '../support/synthesized-output-cache';

const read = (file: string) => fs.readFileSync(path.join(PROJECT_ROOT, file), 'utf8');
const readme = read('README.md');
/** The cost table's configurations, synthesized once per test run. */
const synthesize: SynthesizeOutput = (options) => synthesizedOutputForTest(options.context);

test.each(generatedDocuments(synthesize).map((document) => [document.file, document] as const))(
  'the generated blocks of %s are up to date (run `npm run docs`)',
  (file, document) => {
    const text = read(file);
    expect(renderGeneratedBlocks(text, document)).toBe(text);
  },
);

test('README documents every context key, and links every module to its lab guide, which has a walk', () => {
  for (const spec of [...BASE_KEY_SPECS, ...MODULES.flatMap((module) => module.settings?.keySpecs ?? [])])
    expect(readme).toContain(`\`${spec.key}\``);
  for (const name of MODULE_NAMES) {
    expect(readme).toContain(`](${labGuideFile(name)})`);
    expect(read(labGuideFile(name))).toContain('<!-- generated:walk -->');
  }
});

test('README shows the set-up, main and test commands that CI runs', () => {
  expect(readme).toContain('npm ci');
  expect(readme).toContain('npx cdk synth');
  expect(readme).toContain('npm test');
  const ci = read('.ci/run');
  expect(ci).toMatch(/npm ci[^\n]*\nnpm test\n/);
});

test('every relative link of README and the guides points to a file of the project', () => {
  const documents = [
    'README.md',
    ...fs
      .readdirSync(path.join(PROJECT_ROOT, 'docs'), { recursive: true })
      .map(String)
      .filter((file) => file.endsWith('.md'))
      .map((file) => `docs/${file}`),
  ];
  for (const document of documents) {
    for (const [, target] of read(document).matchAll(/\]\(((?!https?:|#)[^)#]+)(?:#[^)]*)?\)/g)) {
      expect([document, fs.existsSync(path.join(PROJECT_ROOT, path.dirname(document), target))]).toEqual([
        document,
        true,
      ]);
    }
  }
});
