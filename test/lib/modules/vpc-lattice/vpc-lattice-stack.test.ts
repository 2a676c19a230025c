import type { Template } from 'aws-cdk-lib/assertions';
import { GATEWAY_API_STANDARD_CRDS } from '../../../../lib/modules/vpc-lattice/gateway-api-crds';
import { LATTICE_CONTROLLER_CHART } from '../../../../lib/modules/vpc-lattice/lattice-controller';
import {
  annotationJsonPath,
  latticePrefixListNames,
  VPC_LATTICE_STACK_ID,
} from '../../../../lib/modules/vpc-lattice/vpc-lattice-stack';
import { type CfnTemplate, dependsOn } from '../../../../lib/verify/cfn-template';
import { DeployOrder } from '../../../../lib/verify/deploy-order';
import type { SynthesizedOutput } from '../../../../lib/verify/synthesized-lab';
import { Match, nestedStackResourceId, nestedTemplate, rootTemplate } from '../../../support/lab-fixtures';
import { synthesizedOutputForTest } from '../../../support/synthesized-output-cache';

let lab: SynthesizedOutput;
let nested: Template;
let root: Template;
let nestedJson: CfnTemplate;
let rootJson: CfnTemplate;

beforeAll(() => {
  lab = synthesizedOutputForTest({ modules: 'vpc-lattice' });
  nested = nestedTemplate(lab, VPC_LATTICE_STACK_ID);
  root = rootTemplate(lab);
  nestedJson = nested.toJSON() as CfnTemplate;
  rootJson = root.toJSON() as CfnTemplate;
});

/** Logical ids of the resources of a type (optionally with properties), in a template. */
function idsOf(template: Template, type: string, props?: Record<string, unknown>): string[] {
  return Object.keys(template.findResources(type, props ? { Properties: props } : undefined));
}

function oneIdOf(template: Template, type: string, props?: Record<string, unknown>): string {
  const ids = idsOf(template, type, props);
  if (ids.length !== 1) throw new Error(`expected one ${type}, found ${ids.length}`);
  return ids[0];
}

/** Logical id of the manifest that deploys a Kubernetes object (by kind and name). */
function manifestOf(kind: string, name: string, namespace?: string): { stackPath: string; logicalId: string } {
  const found = lab.kubernetesObjects.filter(
    ({ object }) =>
      object.kind === kind &&
      object.metadata.name === name &&
      (namespace === undefined || object.metadata.namespace === namespace),
  );
  if (found.length !== 1) throw new Error(`expected one ${kind} ${name}, found ${found.length}`);
  return { stackPath: found[0].stackPath, logicalId: found[0].logicalId };
}

function nestedDependsOn(logicalId: string): string[] {
  return dependsOn(nestedJson.Resources[logicalId]);
}

const cfn = {
  crds: () => oneIdOf(nested, 'Custom::RemoteKubernetesManifest'),
  controller: () => oneIdOf(nested, 'Custom::AWSCDK-EKS-HelmChart'),
  rules: () => idsOf(nested, 'AWS::EC2::SecurityGroupIngress'),
  association: () => oneIdOf(nested, 'AWS::VpcLattice::ServiceNetworkVpcAssociation'),
  serviceNetwork: () => oneIdOf(nested, 'AWS::VpcLattice::ServiceNetwork'),
  podIdentity: () => oneIdOf(nested, 'AWS::EKS::PodIdentityAssociation'),
  routeDns: () => oneIdOf(nested, 'Custom::AWSCDK-EKS-KubernetesObjectValue'),
  drain: () => oneIdOf(nested, 'Custom::VpcLatticeDrain'),
  gateway: () => manifestOf('Gateway', 'eks-workshop').logicalId,
  checkoutV2: () => manifestOf('Namespace', 'checkoutv2').logicalId,
  policies: () => manifestOf('TargetGroupPolicy', 'checkout-policy', 'checkoutv2').logicalId,
  route: () => manifestOf('HTTPRoute', 'checkoutroute').logicalId,
};

/** The parameter of the nested stack that carries a root value (`{ Ref: <parameter> }` in the nested template). */
function parameterFor(rootValue: unknown): { Ref: string } {
  const stackResource = Object.values(rootJson.Resources).find(
    (resource) => resource.Type === 'AWS::CloudFormation::Stack',
  )!;
  const parameters = stackResource.Properties!.Parameters as Record<string, unknown>;
  const name = Object.keys(parameters).find((key) => JSON.stringify(parameters[key]) === JSON.stringify(rootValue));
  if (!name) throw new Error(`no nested stack parameter carries ${JSON.stringify(rootValue)}`);
  return { Ref: name };
}

const clusterSecurityGroup = () =>
  parameterFor({ 'Fn::GetAtt': [oneIdOf(root, 'AWS::EKS::Cluster'), 'ClusterSecurityGroupId'] });
const labVpc = () => parameterFor({ Ref: oneIdOf(root, 'AWS::EC2::VPC') });
const clusterName = () => parameterFor({ Ref: oneIdOf(root, 'AWS::EKS::Cluster') });

describe('VPC Lattice to pods', () => {
  test('looks up the IPv4 and IPv6 VPC Lattice prefix lists of the stack Region at deploy time', () => {
    expect(latticePrefixListNames('eu-west-1')).toEqual([
      'com.amazonaws.eu-west-1.vpc-lattice',
      'com.amazonaws.eu-west-1.ipv6.vpc-lattice',
    ]);
    const calls = Object.values(nested.findResources('Custom::ManagedPrefixListLookup')).map((resource) =>
      JSON.stringify(resource.Properties.Create),
    );
    expect(calls).toHaveLength(2);
    // The call text continues right after the Region reference: `com.amazonaws.` + Region + `.vpc-lattice`.
    expect(calls.filter((call) => call.includes('{"Ref":"AWS::Region"},".vpc-lattice\\"]'))).toHaveLength(1);
    expect(calls.filter((call) => call.includes('{"Ref":"AWS::Region"},".ipv6.vpc-lattice\\"]'))).toHaveLength(1);
  });

  test('lets every protocol from both prefix lists into the cluster security group', () => {
    expect(cfn.rules()).toHaveLength(2);
    nested.allResourcesProperties('AWS::EC2::SecurityGroupIngress', {
      GroupId: clusterSecurityGroup(),
      IpProtocol: '-1',
      SourcePrefixListId: { 'Fn::GetAtt': [Match.anyValue(), 'PrefixLists.0.PrefixListId'] },
    });
  });
});

describe('service network', () => {
  test('is named after the cluster and deleted with the stack', () => {
    nested.hasResource('AWS::VpcLattice::ServiceNetwork', {
      Properties: { Name: 'eks-workshop', AuthType: 'NONE' },
      DeletionPolicy: 'Delete',
    });
  });

  test('is associated with the lab VPC, admitting clients of the cluster security group, and deleted with the stack', () => {
    nested.hasResource('AWS::VpcLattice::ServiceNetworkVpcAssociation', {
      Properties: {
        ServiceNetworkIdentifier: { 'Fn::GetAtt': [cfn.serviceNetwork(), 'Id'] },
        VpcIdentifier: labVpc(),
        SecurityGroupIds: [clusterSecurityGroup()],
      },
      DeletionPolicy: 'Delete',
    });
  });
});

describe('Gateway API CRDs', () => {
  test('installs the standard channel v1.5.1 from the official release, pinned by SHA-256, and deletes it last', () => {
    nested.hasResourceProperties('Custom::RemoteKubernetesManifest', {
      Url: 'https://github.com/kubernetes-sigs/gateway-api/releases/download/v1.5.1/standard-install.yaml',
      Sha256: GATEWAY_API_STANDARD_CRDS.sha256,
      DeleteOnRemoval: 'true',
      ClusterName: clusterName(),
    });
    expect(GATEWAY_API_STANDARD_CRDS.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  test('vendors no CRD: no Kubernetes object of the lab is a CustomResourceDefinition', () => {
    expect(lab.kubernetesObjects.filter(({ object }) => object.kind === 'CustomResourceDefinition')).toEqual([]);
  });
});

describe('AWS Gateway API controller', () => {
  test('installs chart aws-gateway-controller-chart v2.1.3 from its public OCI registry in namespace gateway-api-controller and waits for it', () => {
    nested.hasResourceProperties('Custom::AWSCDK-EKS-HelmChart', {
      Repository: 'oci://public.ecr.aws/aws-application-networking-k8s/aws-gateway-controller-chart',
      Chart: 'aws-gateway-controller-chart',
      Version: 'v2.1.3',
      Release: 'gateway-api-controller',
      Namespace: 'gateway-api-controller',
      CreateNamespace: Match.absent(),
      Wait: true,
    });
  });

  test('runs 2 replicas off hybrid nodes and is told its Region, account, VPC and cluster (nodes keep IMDS out of reach of pods)', () => {
    const release = lab.helmReleases.find((candidate) => candidate.release === 'gateway-api-controller')!;
    expect(release.values).toEqual({
      awsRegion: '${Ref:AWS::Region}',
      awsAccountId: '${Ref:AWS::AccountId}',
      clusterVpcId: `\${Ref:${labVpc().Ref}}`,
      clusterName: `\${Ref:${clusterName().Ref}}`,
      deployment: {
        replicas: 2,
        affinity: {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: {
              nodeSelectorTerms: [
                {
                  matchExpressions: [{ key: 'eks.amazonaws.com/compute-type', operator: 'NotIn', values: ['hybrid'] }],
                },
              ],
            },
          },
        },
      },
      serviceAccount: { create: true, name: 'gateway-api-controller' },
    });
  });

  test('leaves defaultServiceNetwork unset: CloudFormation owns the service network and its association', () => {
    const release = lab.helmReleases.find((candidate) => candidate.release === 'gateway-api-controller')!;
    expect(release.values).not.toHaveProperty('defaultServiceNetwork');
  });

  test('gets AWS permissions through EKS Pod Identity for its service account', () => {
    nested.hasResourceProperties('AWS::EKS::PodIdentityAssociation', {
      Namespace: LATTICE_CONTROLLER_CHART.namespace,
      ServiceAccount: 'gateway-api-controller',
      ClusterName: clusterName(),
    });
    nested.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [
          Match.objectLike({
            Action: ['sts:AssumeRole', 'sts:TagSession'],
            Principal: { Service: 'pods.eks.amazonaws.com' },
          }),
        ],
      },
    });
  });

  test('has the actions of the controller recommended policy at v2.1.3, service-linked role creation narrowed to VPC Lattice and log delivery', () => {
    const roleId = oneIdOf(nested, 'AWS::IAM::Role', {
      AssumeRolePolicyDocument: Match.objectLike({
        Statement: [Match.objectLike({ Principal: { Service: 'pods.eks.amazonaws.com' } })],
      }),
    });
    const [policy] = Object.values(
      nested.findResources('AWS::IAM::Policy', { Properties: { Roles: [{ Ref: roleId }] } }),
    );
    const statements = policy.Properties.PolicyDocument.Statement as {
      Action: string | string[];
      Resource: unknown;
      Condition?: unknown;
    }[];
    const actions = statements.flatMap((statement) => statement.Action);
    expect(new Set(actions)).toEqual(
      new Set([
        'vpc-lattice:*',
        'iam:CreateServiceLinkedRole',
        'ec2:DescribeVpcs',
        'ec2:DescribeSubnets',
        'ec2:DescribeTags',
        'ec2:DescribeSecurityGroups',
        'logs:CreateLogDelivery',
        'logs:GetLogDelivery',
        'logs:DescribeLogGroups',
        'logs:PutResourcePolicy',
        'logs:DescribeResourcePolicies',
        'logs:UpdateLogDelivery',
        'logs:DeleteLogDelivery',
        'logs:ListLogDeliveries',
        'tag:GetResources',
        // Used by pkg/aws/services/tagging.go since v1.1.7; missing from the workshop's lab policy.
        'tag:TagResources',
        'tag:UntagResources',
        'firehose:TagDeliveryStream',
        's3:GetBucketPolicy',
        's3:PutBucketPolicy',
        // Added to the recommended policy in v2.0.2 (pkg/aws/services/acm.go).
        'acm:ListCertificates',
      ]),
    );
    const serviceLinked = statements.filter((statement) => statement.Action === 'iam:CreateServiceLinkedRole');
    expect(serviceLinked.map((statement) => statement.Condition)).toEqual([
      { StringLike: { 'iam:AWSServiceName': 'vpc-lattice.amazonaws.com' } },
      { StringLike: { 'iam:AWSServiceName': 'delivery.logs.amazonaws.com' } },
    ]);
    expect(JSON.stringify(serviceLinked.map((statement) => statement.Resource))).not.toContain('"*"');
  });
});

describe('route DNS name', () => {
  test('is read from the HTTPRoute annotation the controller sets, waiting up to 10 minutes', () => {
    expect(annotationJsonPath('application-networking.k8s.aws/lattice-assigned-domain-name')).toBe(
      '.metadata.annotations.application-networking\\.k8s\\.aws/lattice-assigned-domain-name',
    );
    nested.hasResourceProperties('Custom::AWSCDK-EKS-KubernetesObjectValue', {
      ObjectType: 'httproutes.gateway.networking.k8s.io',
      ObjectName: 'checkoutroute',
      ObjectNamespace: 'checkout',
      JsonPath: '.metadata.annotations.application-networking\\.k8s\\.aws/lattice-assigned-domain-name',
      TimeoutSeconds: 600,
    });
  });

  test('gives CloudFormation more time than the read itself (the base sets ServiceTimeout 20 minutes)', () => {
    nested.hasResourceProperties('Custom::AWSCDK-EKS-KubernetesObjectValue', { ServiceTimeout: 1200 });
  });
});

describe('creation order (deletion is the reverse)', () => {
  test('all Gateway API objects and the checkoutv2 objects are deployed from this nested stack', () => {
    for (const [kind, name] of [
      ['GatewayClass', 'amazon-vpc-lattice'],
      ['Gateway', 'eks-workshop'],
      ['Namespace', 'checkoutv2'],
      ['ReferenceGrant', 'allow-checkout-routes'],
      ['HTTPRoute', 'checkoutroute'],
    ]) {
      expect(manifestOf(kind, name).stackPath).toBe(`NetworkingLabStack/${VPC_LATTICE_STACK_ID}`);
    }
  });

  test('prefix-list rules and the service network association come before the CRDs', () => {
    expect(nestedDependsOn(cfn.crds())).toEqual(
      expect.arrayContaining([...cfn.rules(), cfn.association(), cfn.serviceNetwork()]),
    );
  });

  test('the controller comes after the CRDs, the rules, the service network and its Pod Identity association', () => {
    expect(nestedDependsOn(cfn.controller())).toEqual(
      expect.arrayContaining([cfn.crds(), ...cfn.rules(), cfn.association(), cfn.podIdentity()]),
    );
  });

  test('the Lattice drain comes after the controller and watches the lab VPC and the service network', () => {
    expect(nestedDependsOn(cfn.drain())).toEqual(expect.arrayContaining([cfn.controller()]));
    nested.hasResourceProperties('Custom::VpcLatticeDrain', {
      VpcId: labVpc(),
      ServiceNetworkId: { 'Fn::GetAtt': [cfn.serviceNetwork(), 'Id'] },
    });
  });

  test('every object that makes Lattice resources comes after the drain (deleted before it waits)', () => {
    for (const id of [cfn.gateway(), cfn.policies(), cfn.route()]) expect(nestedDependsOn(id)).toContain(cfn.drain());
  });

  test('GatewayClass and Gateway come after the controller and the CRDs (so they are deleted while it runs)', () => {
    expect(manifestOf('GatewayClass', 'amazon-vpc-lattice').logicalId).toBe(cfn.gateway());
    expect(nestedDependsOn(cfn.gateway())).toEqual(expect.arrayContaining([cfn.controller(), cfn.crds()]));
  });

  test('checkoutv2 comes after the Gateway', () => {
    expect(manifestOf('Deployment', 'checkout', 'checkoutv2').logicalId).toBe(cfn.checkoutV2());
    expect(nestedDependsOn(cfn.checkoutV2())).toEqual(expect.arrayContaining([cfn.gateway()]));
  });

  test('TargetGroupPolicies and the ReferenceGrant come after checkoutv2 and the controller', () => {
    expect(manifestOf('TargetGroupPolicy', 'checkout-policy', 'checkout').logicalId).toBe(cfn.policies());
    expect(manifestOf('ReferenceGrant', 'allow-checkout-routes').logicalId).toBe(cfn.policies());
    expect(nestedDependsOn(cfn.policies())).toEqual(
      expect.arrayContaining([cfn.checkoutV2(), cfn.controller(), cfn.gateway(), cfn.crds()]),
    );
  });

  test('the HTTPRoute comes after the policies, checkoutv2, the Gateway and the controller', () => {
    expect(nestedDependsOn(cfn.route())).toEqual(
      expect.arrayContaining([cfn.policies(), cfn.checkoutV2(), cfn.gateway(), cfn.controller(), cfn.crds()]),
    );
  });

  test('the HTTPRoute and the TargetGroupPolicies come after their backend Service checkout/checkout (and go before it)', () => {
    const order = new DeployOrder(lab.templates);
    const backend = manifestOf('Service', 'checkout', 'checkout');
    expect(backend.stackPath).toBe('NetworkingLabStack');
    for (const [kind, name, namespace] of [
      ['HTTPRoute', 'checkoutroute', 'checkout'],
      ['TargetGroupPolicy', 'checkout-policy', 'checkout'],
    ] as const) {
      expect(order.createdAfter(manifestOf(kind, name, namespace), backend)).toBe(true);
    }
  });

  test('the DNS name is read after the HTTPRoute exists', () => {
    expect(nestedDependsOn(cfn.routeDns())).toEqual([cfn.route()]);
  });

  test('the nested stack waits for the retail namespaces, the nodes, CoreDNS, the Pod Identity agent and the kubectl barrier (so the controller can still resolve and authenticate while it deletes its Lattice resources)', () => {
    const stackId = nestedStackResourceId(lab, VPC_LATTICE_STACK_ID);
    expect(dependsOn(rootJson.Resources[stackId])).toEqual(
      expect.arrayContaining([
        manifestOf('Namespace', 'checkout').logicalId,
        oneIdOf(root, 'AWS::EKS::Nodegroup', {
          Labels: Match.objectLike({ 'eks-networking-lab/node-group': 'default' }),
        }),
        oneIdOf(root, 'AWS::EKS::Addon', { AddonName: 'eks-pod-identity-agent' }),
        oneIdOf(root, 'AWS::EKS::Addon', { AddonName: 'coredns' }),
        oneIdOf(root, 'AWS::SSM::Parameter', { Value: 'aws:cdk:eks:kubectl-ready' }),
      ]),
    );
  });
});
