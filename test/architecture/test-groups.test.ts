import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { TEST_GROUPS, TEST_ROOT, testFilesIn } from '../suites/test-groups';

function allTestFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) return allTestFiles(path);
    return name.endsWith('.test.ts') ? [relative(TEST_ROOT, path)] : [];
  });
}

const groupsOfFolder = (folder: string) =>
  Object.entries(TEST_GROUPS)
    .filter(([, folders]) => folders.includes(folder))
    .map(([group]) => group);

describe('test groups (test/suites/test-groups.ts)', () => {
  test('every test file under test/ runs in exactly one group', () => {
    const files = allTestFiles(TEST_ROOT);
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
