/** Input the analyzer cannot use: unreadable files, YAML syntax errors, malformed objects. */
export class ManifestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ManifestError';
  }
}
