import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const ANALYZER = resolve(__dirname, '../../../lib/network-policy-analyzer');
const LAB_CONFIG = resolve(__dirname, '../../../lib/config');

/** Every relative module an analyzer source file imports, as a path from the repository's lib folder. */
function analyzerImports(): string[] {
  return readdirSync(ANALYZER)
    .filter((file) => file.endsWith('.ts'))
    .flatMap((file) =>
      [...readFileSync(join(ANALYZER, file), 'utf8').matchAll(/from '(\.[^']+)'/g)].map((match) =>
        resolve(dirname(join(ANALYZER, file)), match[1]),
      ),
    );
}

test('the analyzer imports nothing from the lab config, so it is usable without the lab', () => {
  const fromConfig = analyzerImports().filter((path) => !relative(LAB_CONFIG, path).startsWith('..'));
  expect(fromConfig).toEqual([]);
});
