import { PROJECT_ROOT } from '../support/project-root';
import { importCycles, importGraph, type ImportEdge } from './import-graph';

/**
 * The app's layers, top to bottom: a file imports only files of its own layer or below. Composition roots assemble
 * the app (and alone import the module registry); modules build stacks; the model is config, plan and checks
 * (plain values, no stacks); primitives know nothing of the lab.
 */
const LAYERS: readonly { readonly name: string; readonly files: RegExp }[] = [
  {
    name: 'composition',
    files:
      /^(bin\/|lib\/lab-app\.ts$|lib\/networking-lab-stack\.ts$|lib\/modules\/module-registry\.ts$|lib\/lab-configurations\.ts$|lib\/verify\/(lab-expectations|verify-offline|verify-live|verify-walk)\.ts$|lib\/docs\/|lib\/cost\/cost-table\.ts$)/,
  },
  { name: 'modules', files: /^(lib\/modules\/(?!module-registry\.ts$)|lib\/base\/|lib\/lab-foundation\.ts$)/ },
  {
    name: 'model',
    files:
      /^(lib\/config\/|lib\/node-groups\/|lib\/vpc-cni\/|lib\/lab-plan\.ts$|lib\/lab-parts\.ts$|lib\/verify\/(?!(lab-expectations|verify-offline|verify-live|verify-walk)\.ts$)|lib\/plan\/|lib\/cost\/(?!cost-table\.ts$)|lib\/workshop\/|lib\/walks\/)/,
  },
  {
    name: 'primitives',
    files:
      /^(constructs\/|manifests\/|lib\/text\/|lib\/instance-types\/|lib\/third-party\/|lib\/network-policy-analyzer\/|lib\/cli\/|lib\/eks-custom-resource-types\.ts$|lib\/kubectl-layer\.ts$|lib\/lab-stack-name\.ts$|lib\/cdk-feature-flag-decisions\.ts$)/,
  },
];

const { files, edges } = importGraph(PROJECT_ROOT, ['bin', 'lib', 'constructs', 'manifests']);
const projectEdges = edges.filter((edge) => files.includes(edge.to));
const describeEdge = (edge: ImportEdge) => `${edge.from} -> ${edge.to}${edge.typeOnly ? ' (type)' : ''}`;

function layerOf(file: string): number {
  const index = LAYERS.findIndex((layer) => layer.files.test(file));
  if (index < 0) throw new Error(`${file} is in no layer: add it to LAYERS in ${__filename}`);
  return index;
}

describe('import layers', () => {
  test('every source file belongs to exactly one layer', () => {
    for (const file of files) {
      expect([file, LAYERS.filter((layer) => layer.files.test(file)).map((layer) => layer.name)]).toEqual([
        file,
        [LAYERS[layerOf(file)].name],
      ]);
    }
  });

  test('no file imports a file of a higher layer, type imports included', () => {
    const backEdges = projectEdges.filter((edge) => layerOf(edge.to) < layerOf(edge.from));
    expect(backEdges.map(describeEdge)).toEqual([]);
  });

  test('there is no import cycle, type imports included', () => {
    expect(importCycles(files, edges)).toEqual([]);
  });

  test('only composition roots import the module registry', () => {
    const importers = projectEdges.filter((edge) => edge.to === 'lib/modules/module-registry.ts');
    expect(importers.length).toBeGreaterThan(0);
    expect(importers.filter((edge) => layerOf(edge.from) !== 0).map(describeEdge)).toEqual([]);
  });

  test('constructs/ imports nothing from lib/ or bin/ (reusable constructs know no lab)', () => {
    const offending = projectEdges.filter(
      (edge) => edge.from.startsWith('constructs/') && /^(lib|bin)\//.test(edge.to),
    );
    expect(offending.map(describeEdge)).toEqual([]);
  });

  test('manifests/ imports nothing from aws-cdk-lib, lib/, constructs/ or bin/ (charts take plain values)', () => {
    const offending = edges.filter(
      (edge) => edge.from.startsWith('manifests/') && /^(aws-cdk-lib|lib\/|constructs\/|bin\/)/.test(edge.to),
    );
    expect(offending.map(describeEdge)).toEqual([]);
  });

  test('the graph is read: it sees value and type imports across the project', () => {
    expect(files.length).toBeGreaterThan(200);
    expect(projectEdges.some((edge) => edge.typeOnly)).toBe(true);
    expect(
      projectEdges.some((edge) => edge.from === 'lib/lab-app.ts' && edge.to === 'lib/modules/module-registry.ts'),
    ).toBe(true);
  });
});
