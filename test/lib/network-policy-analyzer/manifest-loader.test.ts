import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadManifests, ManifestError, parseManifests } from '../../../lib/network-policy-analyzer';

describe('manifest loading', () => {
  it('returns every non-empty document of a multi-document YAML text, in order', () => {
    const text = 'kind: A\n---\n---\n# only a comment\n---\nkind: B\n';
    expect(parseManifests(text, 'multi.yaml')).toEqual([{ kind: 'A' }, { kind: 'B' }]);
  });

  it('reads JSON documents as YAML', () => {
    expect(parseManifests('{"kind": "List", "items": []}', 'list.json')).toEqual([{ kind: 'List', items: [] }]);
  });

  it('fails naming the source, the document and the line on a YAML syntax error', () => {
    expect(() => parseManifests('kind: A\n---\nkind: [B\nx: 1\n', 'broken.yaml')).toThrow(
      /^broken\.yaml: invalid YAML in document 2: .* at line 4, column 1$/,
    );
  });

  it('fails on duplicate keys, which Kubernetes would reject', () => {
    expect(() => parseManifests('kind: A\nkind: B\n', 'dup.yaml')).toThrow(ManifestError);
  });

  it('reads .yaml, .yml and .json files under directories recursively in name order and skips other files', () => {
    const root = mkdtempSync(join(tmpdir(), 'connectivity-loader-'));
    mkdirSync(join(root, 'nested'));
    writeFileSync(join(root, 'b.yml'), 'kind: B\n');
    writeFileSync(join(root, 'a.yaml'), 'kind: A\n');
    writeFileSync(join(root, 'nested', 'c.json'), '{"kind": "C"}');
    writeFileSync(join(root, 'notes.md'), '# not a manifest');
    const loaded = loadManifests([root]);
    expect(loaded.objects).toEqual([{ kind: 'A' }, { kind: 'B' }, { kind: 'C' }]);
    expect(loaded.files).toEqual([join(root, 'a.yaml'), join(root, 'b.yml'), join(root, 'nested', 'c.json')]);
  });

  it('fails on a path that does not exist', () => {
    expect(() => loadManifests(['/nonexistent/manifests.yaml'])).toThrow(
      '/nonexistent/manifests.yaml: no such file or directory',
    );
  });
});
