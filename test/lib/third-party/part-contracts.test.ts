import { labConfigurations } from '../../../lib/lab-configurations';
import { AWS_GATEWAY_API_CONTROLLER_PART } from '../../../lib/third-party/aws-gateway-api-controller-part';
import { AWS_LOAD_BALANCER_CONTROLLER_PART } from '../../../lib/third-party/aws-load-balancer-controller-part';
import { GATEWAY_API_CRDS_PART } from '../../../lib/third-party/gateway-api-crds-part';
import { KYVERNO_PART } from '../../../lib/third-party/kyverno-part';
import type { PartContract } from '../../../lib/third-party/part-contract';
import { THIRD_PARTY_PARTS } from '../../../lib/third-party/third-party-parts';
import type { CfnTemplate, LabTemplate } from '../../../lib/verify/cfn-template';
import { deployedParts, partObligations } from '../../../lib/verify/part-obligations';
import type { SynthesizedOutput } from '../../../lib/verify/synthesized-lab';
import { synthesizedOutputForTest } from '../../support/synthesized-output-cache';

const configurations = labConfigurations();
const labs = new Map<string, SynthesizedOutput>();
const labOf = (name: string): SynthesizedOutput => {
  const found = labs.get(name);
  if (found) return found;
  const lab = synthesizedOutputForTest(configurations.find((configuration) => configuration.name === name)!.context);
  labs.set(name, lab);
  return lab;
};
const hybrid = (lab: SynthesizedOutput) => lab.config.modules.includes('hybrid-nodes');

/** The lab with one template changed (a deep copy; the fixture stays as synthesized). */
function withTemplates(lab: SynthesizedOutput, change: (templates: LabTemplate[]) => void): SynthesizedOutput {
  const templates = JSON.parse(JSON.stringify(lab.templates)) as LabTemplate[];
  change(templates);
  return { ...lab, templates };
}

function replacePart(contracts: readonly PartContract[], replacement: PartContract): PartContract[] {
  return contracts.map((part) => (part.id === replacement.id ? replacement : part));
}

function resourceOfRelease(
  templates: LabTemplate[],
  lab: SynthesizedOutput,
  release: string,
): CfnTemplate['Resources'][string] {
  const found = lab.helmReleases.find((candidate) => candidate.release === release)!;
  return templates.find((t) => t.stackPath === found.stackPath)!.template.Resources[found.logicalId];
}

describe.each(configurations.map((configuration) => configuration.name))('configuration %s', (name) => {
  test('meets the runtime contract of every part it installs', () => {
    const lab = labOf(name);
    expect(partObligations(lab, THIRD_PARTY_PARTS, { hybridNodes: hybrid(lab) })).toEqual([]);
  });

  test('installs exactly the parts the config declares (the Kubernetes version check covers what is deployed)', () => {
    const lab = labOf(name);
    const deployed = deployedParts(lab, THIRD_PARTY_PARTS).parts.map((entry) => entry.part.id);
    const declared = lab.plan.parts
      .map((installed) => installed.part)
      .filter((part) => part.delivery.type !== 'host-download')
      .map((part) => part.id);
    expect([...new Set(deployed)].sort()).toEqual([...declared].sort());
  });
});

describe('the contract checks fail on the failure classes they guard against', () => {
  test('a part without a contract', () => {
    const lab = labOf('all-modules');
    const withoutKyverno = THIRD_PARTY_PARTS.filter((part) => part.id !== KYVERNO_PART.id);
    expect(partObligations(lab, withoutKyverno, { hybridNodes: true })).toContainEqual({
      rule: 'contract',
      message: 'Helm chart kyverno (https://kyverno.github.io/kyverno/) has no contract',
    });
  });

  test('a controller whose required CRDs no part installs before it (the v1.1.7 TLSRoute v1alpha2 crash)', () => {
    const lab = labOf('vpc-lattice');
    const v117: PartContract = {
      ...AWS_GATEWAY_API_CONTROLLER_PART,
      needs: {
        ...AWS_GATEWAY_API_CONTROLLER_PART.needs,
        crds: {
          ...AWS_GATEWAY_API_CONTROLLER_PART.needs.crds,
          value: [{ group: 'gateway.networking.k8s.io', version: 'v1alpha2', kind: 'TLSRoute' }],
        },
      },
    };
    expect(partObligations(lab, replacePart(THIRD_PARTY_PARTS, v117), { hybridNodes: false })).toEqual([
      {
        rule: 'required-crd',
        message:
          'aws-gateway-api-controller needs gateway.networking.k8s.io/v1alpha2 TLSRoute at start-up, and no part installs it before aws-gateway-api-controller',
      },
    ]);
  });

  test('objects applied before the part that installs their kind', () => {
    const lab = labOf('vpc-lattice');
    const withoutCrds = replacePart(THIRD_PARTY_PARTS, {
      ...GATEWAY_API_CRDS_PART,
      providesCrds: { ...GATEWAY_API_CRDS_PART.providesCrds, value: [] },
    });
    const rules = partObligations(lab, withoutCrds, { hybridNodes: false }).map((obligation) => obligation.rule);
    expect(rules).toContain('required-crd');
    expect(rules).toContain('object-crd');
  });

  test('a fail-closed webhook whose later objects are not ordered after it (the exposeUi race)', () => {
    const lab = labOf('expose-ui');
    const controller = lab.helmReleases.find((release) => release.release === 'aws-load-balancer-controller')!;
    const unordered = withTemplates(lab, (templates) => {
      const eso = resourceOfRelease(templates, lab, 'external-secrets') as { DependsOn?: string[] };
      eso.DependsOn = (eso.DependsOn ?? []).filter((id) => id !== controller.logicalId);
    });
    expect(partObligations(unordered, THIRD_PARTY_PARTS, { hybridNodes: false })).toContainEqual({
      rule: 'webhook-order',
      message:
        'mservice.elbv2.k8s.aws (aws-load-balancer-controller, failurePolicy Fail) intercepts external-secrets (creates Service), which is not created after aws-load-balancer-controller',
    });
  });

  test('a fail-closed webhook installed without waiting until its pods serve', () => {
    const lab = labOf('expose-ui');
    const noWait = withTemplates(lab, (templates) => {
      const release = resourceOfRelease(templates, lab, 'aws-load-balancer-controller') as {
        Properties: Record<string, unknown>;
      };
      release.Properties.Wait = false;
    });
    expect(partObligations(noWait, THIRD_PARTY_PARTS, { hybridNodes: false }).map((o) => o.rule)).toContain(
      'webhook-wait',
    );
  });

  test('a hook image on a registry that withdrew it (Kyverno 3.3.7 and bitnami/kubectl)', () => {
    const lab = labOf('all-modules');
    const chart337: PartContract = {
      ...KYVERNO_PART,
      hookImages: [{ ...KYVERNO_PART.hookImages[0], image: 'bitnami/kubectl:1.30.2' }],
    };
    expect(partObligations(lab, replacePart(THIRD_PARTY_PARTS, chart337), { hybridNodes: true })).toContainEqual({
      rule: 'hook-image',
      message: expect.stringMatching(/^kyverno's pre-delete .* hook runs bitnami\/kubectl:1\.30\.2: Bitnami stopped/),
    });
  });

  test('a part that needs Pod Identity but may land on a hybrid node', () => {
    const lab = labOf('all-modules');
    const withoutAffinity = withTemplates(lab, () => undefined);
    const release = withoutAffinity.helmReleases.find((candidate) => candidate.release === 'gateway-api-controller')!;
    const helmReleases = withoutAffinity.helmReleases.map((candidate) =>
      candidate === release ? { ...release, values: { ...release.values, deployment: { replicas: 2 } } } : candidate,
    );
    expect(partObligations({ ...withoutAffinity, helmReleases }, THIRD_PARTY_PARTS, { hybridNodes: true })).toEqual([
      {
        rule: 'placement',
        message:
          'aws-gateway-api-controller must run on cloud-nodes but its values at deployment.affinity do not require eks.amazonaws.com/compute-type NotIn [hybrid]',
      },
    ]);
    const anywhere: PartContract = {
      ...AWS_LOAD_BALANCER_CONTROLLER_PART,
      placement: { ...AWS_LOAD_BALANCER_CONTROLLER_PART.placement, required: 'anywhere' },
    };
    expect(
      partObligations(lab, replacePart(THIRD_PARTY_PARTS, anywhere), { hybridNodes: true }).map((o) => o.message),
    ).toContain('aws-load-balancer-controller needs EKS Pod Identity but may run on hybrid nodes');
  });
});

test('every contract names its sources and a checked date', () => {
  for (const part of THIRD_PARTY_PARTS) {
    expect(part.version.checkedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const webhook of part.webhooks) expect(webhook.source).toBeDefined();
    expect(part.kubernetes.basis.length).toBeGreaterThan(10);
  }
  expect(new Set(THIRD_PARTY_PARTS.map((part) => part.id)).size).toBe(THIRD_PARTY_PARTS.length);
});
