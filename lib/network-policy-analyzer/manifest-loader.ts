import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { ManifestError } from './manifest-error';

const MANIFEST_FILE = /\.(ya?ml|json)$/i;

/** Objects read from manifest files, and the files they came from. */
export interface LoadedManifests {
  readonly objects: readonly unknown[];
  readonly files: readonly string[];
}

/**
 * Parses every document of a YAML (or JSON, which is YAML too) text. Empty documents are dropped; `kind: List`
 * documents are kept whole and expanded by the analysis. Throws ManifestError naming `source` and the line.
 */
export function parseManifests(text: string, source: string): unknown[] {
  const objects: unknown[] = [];
  for (const [index, document] of parseAllDocuments(text).entries()) {
    const [error] = document.errors;
    if (error !== undefined) {
      throw new ManifestError(`${source}: invalid YAML in document ${index + 1}: ${firstLine(error.message)}`);
    }
    let value: unknown;
    try {
      value = document.toJS();
    } catch (cause) {
      throw new ManifestError(`${source}: document ${index + 1} cannot be read: ${String(cause)}`);
    }
    if (value !== null && value !== undefined) objects.push(value);
  }
  return objects;
}

/**
 * Reads manifest files, and every `.yaml`, `.yml` and `.json` file under each directory (recursively, in name
 * order). Throws ManifestError for a path that does not exist or cannot be read.
 */
export function loadManifests(paths: readonly string[]): LoadedManifests {
  const files = paths.flatMap((path) => manifestFilesAt(path));
  const objects = files.flatMap((file) => parseManifests(readText(file), file));
  return { objects, files };
}

function manifestFilesAt(path: string): string[] {
  let isDirectory: boolean;
  try {
    isDirectory = statSync(path).isDirectory();
  } catch {
    throw new ManifestError(`${path}: no such file or directory`);
  }
  if (!isDirectory) return [path];
  return readdirSync(path, { withFileTypes: true })
    .map((entry) => ({ entry, full: join(path, entry.name) }))
    .sort((a, b) => (a.entry.name < b.entry.name ? -1 : a.entry.name > b.entry.name ? 1 : 0))
    .flatMap(({ entry, full }) => {
      if (entry.isDirectory()) return manifestFilesAt(full);
      return MANIFEST_FILE.test(entry.name) ? [full] : [];
    });
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (cause) {
    throw new ManifestError(`${file}: cannot be read: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}

/** The yaml package's messages end with a code excerpt; its first line already carries line and column. */
function firstLine(message: string): string {
  return message.split('\n')[0].replace(/:$/, '');
}
