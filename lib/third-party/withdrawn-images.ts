import { documentation } from './fact-sources';
import type { FactSource } from './part-contract';

/** Images (by repository prefix) that registries no longer serve, and since when. */
export interface WithdrawnImages {
  /** `registry/repository` prefix, registry written out (`docker.io/bitnami/`). */
  readonly prefix: string;
  readonly since: string;
  readonly why: string;
  readonly source: FactSource;
}

export const WITHDRAWN_IMAGES: readonly WithdrawnImages[] = [
  {
    prefix: 'docker.io/bitnami/',
    since: '2025-08-28',
    why: 'Bitnami stopped serving its free images from docker.io/bitnami (moved to docker.io/bitnamilegacy); pulls fail with ImagePullBackOff',
    source: documentation('https://github.com/kyverno/kyverno/issues/13683'),
  },
];

/** An image reference with its registry written out (`bitnami/kubectl:1.30.2` is `docker.io/bitnami/kubectl:1.30.2`). */
export function fullImageReference(image: string): string {
  const first = image.split('/')[0];
  const hasRegistry = image.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
  if (hasRegistry) return image;
  return image.includes('/') ? `docker.io/${image}` : `docker.io/library/${image}`;
}

/** Why an image can no longer be pulled, or undefined when no withdrawal is known. */
export function withdrawnImage(image: string): string | undefined {
  const reference = fullImageReference(image);
  const match = WITHDRAWN_IMAGES.find((entry) => reference.startsWith(entry.prefix));
  return match ? `${match.why} (since ${match.since})` : undefined;
}
