import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** One import of a project file: where from, where to (a project file or a package name), and whether type-only. */
export interface ImportEdge {
  readonly from: string;
  readonly to: string;
  readonly typeOnly: boolean;
}

const IMPORT_PATTERNS = [
  /^\s*import\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]/gm,
  /^\s*export\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]/gm,
  /^\s*import\s+()['"]([^'"]+)['"]/gm,
  /import\(\s*()['"]([^'"]+)['"]\s*\)/g,
];

function sourceFiles(root: string, directory: string): string[] {
  return readdirSync(join(root, directory)).flatMap((name) => {
    const path = join(directory, name);
    if (statSync(join(root, path)).isDirectory()) return sourceFiles(root, path);
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [path] : [];
  });
}

function resolveSpecifier(root: string, from: string, specifier: string): string {
  if (!specifier.startsWith('.')) {
    const parts = specifier.split('/');
    return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
  }
  const base = resolve(root, dirname(from), specifier);
  for (const candidate of [`${base}.ts`, join(base, 'index.ts')]) {
    if (existsSync(candidate)) return relative(root, candidate);
  }
  throw new Error(`${from}: cannot resolve ${specifier}`);
}

/** Every import of the project's source folders, read from the TypeScript text (no extra tool). */
export function importGraph(root: string, folders: readonly string[]): { files: string[]; edges: ImportEdge[] } {
  const files = folders.flatMap((folder) => sourceFiles(root, folder));
  const edges: ImportEdge[] = [];
  for (const from of files) {
    // Comments may quote import lines; the graph is of code only.
    const text = readFileSync(join(root, from), 'utf8').replace(/\/\*[\s\S]*?\*\/|^\s*\/\/.*$/gm, '');
    for (const pattern of IMPORT_PATTERNS) {
      for (const match of text.matchAll(pattern)) {
        edges.push({
          from,
          to: resolveSpecifier(root, from, match[2]),
          typeOnly: match[1] !== undefined && match[1] !== '',
        });
      }
    }
  }
  return { files, edges };
}

/** Strongly connected components with more than one file (or a file importing itself): the import cycles. */
export function importCycles(files: readonly string[], edges: readonly ImportEdge[]): string[][] {
  const next = new Map<string, string[]>(files.map((file) => [file, []]));
  for (const edge of edges) if (next.has(edge.to)) next.get(edge.from)!.push(edge.to);
  let index = 0;
  const indexOf = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (file: string): void => {
    indexOf.set(file, index);
    low.set(file, index);
    index += 1;
    stack.push(file);
    onStack.add(file);
    for (const to of next.get(file)!) {
      if (!indexOf.has(to)) {
        visit(to);
        low.set(file, Math.min(low.get(file)!, low.get(to)!));
      } else if (onStack.has(to)) {
        low.set(file, Math.min(low.get(file)!, indexOf.get(to)!));
      }
    }
    if (low.get(file) === indexOf.get(file)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== file);
      if (component.length > 1 || next.get(file)!.includes(file)) cycles.push(component.sort());
    }
  };
  for (const file of files) if (!indexOf.has(file)) visit(file);
  return cycles;
}
