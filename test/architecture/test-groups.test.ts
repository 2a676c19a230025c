import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { TEST_GROUPS, TEST_ROOT, testFilesIn } from '../suites/test-groups';

const allTestFiles = () =>
  readdirSync(TEST_ROOT, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.test.ts'));

const groupsOfFolder = (folder: string) =>
  Object.entries(TEST_GROUPS)
    .filter(([, folders]) => folders.includes(folder))
    .map(([group]) => group);

describe('test groups (test/suites/test-groups.ts)', () => {
  test('every test file under test/ runs in exactly one group', () => {
    const files = allTestFiles();
    expect(files.length).toBeGreaterThan(100);
    const misplaced = files
      .map((file) => ({ file, groups: groupsOfFolder(dirname(file)) }))
      .filter(({ groups }) => groups.length !== 1)
      .map(({ file, groups }) => `${file} runs in ${groups.length === 0 ? 'no group' : groups.join(' and ')}`);
    expect(misplaced).toEqual([]);
  });

  test('every folder a group lists exists and has test files', () => {
    const empty = Object.values(TEST_GROUPS)
      .flat()
      .filter((folder) => !existsSync(join(TEST_ROOT, folder)) || testFilesIn(folder).length === 0);
    expect(empty).toEqual([]);
  });

  test('every group has its suite file, and every suite file is a group', () => {
    const suites = readdirSync(join(TEST_ROOT, 'suites'))
      .filter((name) => name.endsWith('.suite.ts'))
      .map((name) => name.replace(/\.suite\.ts$/, ''))
      .sort();
    expect(suites).toEqual(Object.keys(TEST_GROUPS).sort());
  });
});
