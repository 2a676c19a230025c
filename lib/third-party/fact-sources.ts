import type { FactSource } from './part-contract';

/** A file of a GitHub repository at a tag (`owner/name`, tag, path). */
export function github(repository: string, ref: string, path: string): FactSource {
  return { repository, ref, path };
}

/** A documentation page. */
export function documentation(url: string): FactSource {
  return { url };
}

/** The day the pinned versions and the newest releases were last checked. */
export const VERSIONS_CHECKED_ON = '2026-12-04';
