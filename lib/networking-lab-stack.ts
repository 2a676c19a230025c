import { Annotations, Aspects, CfnOutput, Duration, Fn, Stack, type StackProps, Tags } from 'aws-cdk-lib';
import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type * as eks from 'aws-cdk-lib/aws-eks-v2';
import { App as Cdk8sApp } from 'cdk8s';
import type { Construct, IDependable } from 'constructs';
import { orderAfterFailClosedWebhooks } from './base/admission-ordering';
import { releasePrerequisites } from './base/release-prerequisites';
import { LabCluster } from './base/lab-cluster';
import { LAB_CREATED_BY, LAB_TAG_KEYS } from './base/lab-tags';
import { addLabNodeGroup } from './base/lab-node-group';
import { LAB_AZ_COUNT, LabVpc } from './base/lab-vpc';
import { RetailApp } from './base/retail-app';
import { RetailAppSecrets } from './base/retail-app-secrets';
import { UiExposure } from './base/ui-exposure';
import type { LabConfig } from './config/lab-config';
import { LAB_STATE_OUTPUT, labStateOf, OUTPUTS_FILE } from './config/deployed-lab-state';
import { HELM_CHART_TYPE, KUBERNETES_OBJECT_VALUE_TYPE } from './eks-custom-resource-types';
import type { LabFoundation } from './lab-foundation';
import { AWS_LOAD_BALANCER_CONTROLLER_PART } from './third-party/aws-load-balancer-controller-part';
import { EXTERNAL_SECRETS_PART } from './third-party/external-secrets-part';
import { helmReleaseOf } from './third-party/helm-release-of';
import type { PartContract } from './third-party/part-contract';
import { planLab, vpcCniModeOf } from './lab-plan';
import type { LabPlan, PlannedNodeGroup } from './config/lab-plan-model';
import { moduleDefinition, MODULES } from './modules/module-registry';
import { DEFAULT_NODE_GROUP } from './node-groups/planned-node-groups';
import { deployChart } from '../constructs/chart-manifest';
import { CustomResourceTimeouts } from '../constructs/custom-resource-timeouts';
import { FunctionLogGroups } from '../constructs/function-log-groups';
import { ExternalSecretsOperator } from '../constructs/external-secrets-operator';
import { VpcCniEniSweeper } from '../constructs/vpc-cni-eni-sweeper';
import { APP_SERVICE_NAMES, type AppServiceName } from '../manifests/retail-app/retail-app-components';
import { mergeRetailAppCustomizations } from '../manifests/retail-app/retail-app-customization';
import { RetailNamespacesChart } from '../manifests/retail-app/retail-namespaces-chart';
import { addWorkshopOutputs } from './base/workshop-outputs';
import type { WorkshopVariable } from './workshop/workshop-variable';

export interface NetworkingLabStackProps extends StackProps {
  readonly config: LabConfig;
}

/** Name of the ClusterSecretStore the lab's ExternalSecrets use. */
export const SECRET_STORE_NAME = 'aws-secrets-manager';

/**
 * The EKS networking lab: the base environment (VPC, cluster, add-ons, node group, retail app) plus one nested
 * stack per enabled module. Environment-agnostic: synthesizes without credentials or lookups.
 */
export class NetworkingLabStack extends Stack implements LabFoundation {
  readonly config: LabConfig;
  readonly plan: LabPlan;
  readonly vpc: ec2.Vpc;
  readonly cluster: eks.Cluster;
  readonly vpcCniAddon: eks.Addon;
  readonly defaultNodeGroup: eks.Nodegroup;
  readonly retailNamespaces: eks.KubernetesManifest;
  readonly secrets: ExternalSecretsOperator;
  readonly loadBalancerController?: eks.HelmChart;
  readonly retailApp: RetailApp;
  private readonly labCluster: LabCluster;

  constructor(scope: Construct, id: string, props: NetworkingLabStackProps) {
    super(scope, id, {
      description: 'Amazon EKS networking lab (eks-networking-lab): base environment and enabled modules',
      ...props,
    });
    this.config = props.config;
    this.plan = planLab(props.config, MODULES);
    Tags.of(this).add(LAB_TAG_KEYS.createdBy, LAB_CREATED_BY);
    Tags.of(this).add(LAB_TAG_KEYS.env, this.config.clusterName);
    for (const warning of this.config.warnings) Annotations.of(this).addWarningV2(warning.id, warning.message);

    this.vpc = new LabVpc(this, 'Network', { cidr: this.config.vpcCidr }).vpc;
    this.labCluster = new LabCluster(this, 'Eks', {
      config: this.config,
      vpc: this.vpc,
      vpcCniConfiguration: this.plan.vpcCniConfiguration,
    });
    this.cluster = this.labCluster.cluster;
    this.vpcCniAddon = this.labCluster.vpcCniAddon;

    // On deletion, after the node groups and before the subnets: interfaces the VPC CNI leaves behind would make
    // the subnet deletions fail. It needs the subnets only, not their routes or NAT gateways, so on create it is
    // built while the NAT gateways start (the cluster waits for those anyway).
    const eniSweeper = new VpcCniEniSweeper(this, 'EniSweeper', {
      vpc: this.vpc,
      clusterName: this.config.clusterName,
    });
    eniSweeper.node.addDependency(
      ...[...this.vpc.publicSubnets, ...this.vpc.privateSubnets].map(
        (subnet) => subnet.node.defaultChild as IDependable,
      ),
    );
    this.cluster.node.addDependency(eniSweeper);

    // The VPC CNI configuration must exist before the first node boots: a managed node group reads it when it
    // is created and nodes keep the networking mode they started with.
    this.defaultNodeGroup = this.addNodeGroup(this, this.nodeGroupPlan(DEFAULT_NODE_GROUP.name));
    const coreDns = this.labCluster.addCoreDns([this.defaultNodeGroup]);

    this.secrets = new ExternalSecretsOperator(this, 'ExternalSecrets', {
      cluster: this.cluster,
      chart: helmReleaseOf(EXTERNAL_SECRETS_PART),
      storeName: SECRET_STORE_NAME,
      storeNamespaces: ['catalog', 'orders'],
      after: [
        this.labCluster.podIdentityAgentAddon,
        this.defaultNodeGroup,
        coreDns,
        ...this.releasePrerequisites(this, 'ExternalSecretsRelease', EXTERNAL_SECRETS_PART),
      ],
    });

    const namespacesApp = new Cdk8sApp();
    this.retailNamespaces = deployChart(this, 'RetailNamespaces', {
      cluster: this.cluster,
      chart: new RetailNamespacesChart(namespacesApp, 'RetailNamespaces'),
    });
    const appSecrets = new RetailAppSecrets(this, 'RetailAppSecrets', {
      cluster: this.cluster,
      operator: this.secrets,
      clusterName: this.config.clusterName,
    });
    appSecrets.externalSecrets.node.addDependency(this.retailNamespaces);

    if (this.config.exposeUi) {
      const exposure = new UiExposure(this, 'UiExposure', {
        cluster: this.cluster,
        inboundCidrs: this.config.inboundCidrs,
        controllerAfter: [
          this.labCluster.podIdentityAgentAddon,
          this.defaultNodeGroup,
          coreDns,
          ...this.releasePrerequisites(this, 'LoadBalancerControllerRelease', AWS_LOAD_BALANCER_CONTROLLER_PART),
        ],
        namespaces: this.retailNamespaces,
      });
      this.loadBalancerController = exposure.controller.chart;
    }

    const results = this.config.modules.map((name) => ({ name, result: moduleDefinition(name).create(this, this) }));
    const dependencies: Partial<Record<AppServiceName, IDependable[]>> = {
      catalog: [appSecrets.externalSecrets],
      orders: [appSecrets.externalSecrets],
    };
    for (const { result } of results) {
      for (const [service, extra] of Object.entries(result.retailAppDependencies ?? {}) as [
        AppServiceName,
        IDependable[],
      ][]) {
        dependencies[service] = [...(dependencies[service] ?? []), ...extra];
      }
    }
    this.retailApp = new RetailApp(this, 'RetailApp', {
      cluster: this.cluster,
      namespaces: this.retailNamespaces,
      customization: mergeRetailAppCustomizations(
        results.flatMap(({ name, result }) =>
          result.retailApp ? [{ source: `module ${name}`, customization: result.retailApp }] : [],
        ),
      ),
      componentDependencies: dependencies,
    });
    for (const component of Object.values(this.retailApp.components)) component.node.addDependency(coreDns);
    for (const { result } of results) {
      for (const { constructs, components } of result.afterRetailApp ?? []) {
        const needed = (components ?? APP_SERVICE_NAMES).map((name) => this.retailApp.components[name]);
        for (const construct of constructs) construct.node.addDependency(...needed);
      }
    }

    // Last, once every module has added its objects: whatever a fail-closed webhook intercepts waits for its part.
    orderAfterFailClosedWebhooks(this);

    new CfnOutput(this, LAB_STATE_OUTPUT, {
      description: `What this deploy left in the account, read back from ${OUTPUTS_FILE} to refuse changes EKS cannot make`,
      value: JSON.stringify(labStateOf(this.config)),
    });
    addWorkshopOutputs(this, [
      ...this.baseWorkshopVariables(),
      ...results.flatMap(({ result }) => result.workshopVariables ?? []),
    ]);
    new CfnOutput(this, 'NodeGroupMaxPods', {
      description: 'Kubelet max pods EKS computes for each managed node group (node group name: pods)',
      value: JSON.stringify(Object.fromEntries(this.plan.nodeGroups.map((group) => [group.name, group.maxPods]))),
    });

    Aspects.of(this).add(new FunctionLogGroups({ retention: RetentionDays.ONE_WEEK }));
    Aspects.of(this).add(
      new CustomResourceTimeouts({
        byResourceType: {
          [HELM_CHART_TYPE]: Duration.minutes(20),
          [KUBERNETES_OBJECT_VALUE_TYPE]: Duration.minutes(20),
        },
        otherwise: Duration.minutes(10),
      }),
    );
  }

  /** The base lab's values of the workshop's shell variables (workshop environment and base lab outputs). */
  private baseWorkshopVariables(): WorkshopVariable[] {
    const clusterSecurityGroupId = this.cluster.clusterSecurityGroupId;
    return [
      { name: 'AWS_REGION', value: this.region, description: 'Region of the lab' },
      { name: 'EKS_CLUSTER_NAME', value: this.cluster.clusterName, description: 'the lab cluster' },
      {
        name: 'EKS_CLUSTER_VERSION',
        value: this.config.kubernetesVersion.version,
        description: 'its Kubernetes version',
      },
      { name: 'VPC_ID', value: this.vpc.vpcId, description: 'the lab VPC' },
      {
        name: 'EKS_CLUSTER_SECURITY_GROUP_ID',
        value: clusterSecurityGroupId,
        description: 'the EKS cluster security group',
      },
      {
        name: 'CLUSTER_SG',
        value: clusterSecurityGroupId,
        description: 'the EKS cluster security group (VPC Lattice lab name)',
      },
      {
        name: 'EKS_DEFAULT_MNG_NAME',
        value: this.defaultNodeGroup.nodegroupName,
        description: 'the default managed node group',
      },
      ...this.vpc.privateSubnets.map((subnet, index) => ({
        name: `PRIMARY_SUBNET_${index + 1}`,
        value: subnet.subnetId,
        description: `private subnet ${index + 1} (nodes)`,
      })),
      ...(this.config.inboundCidrs.length > 0
        ? [
            {
              name: 'INBOUND_CIDRS',
              value: this.config.inboundCidrs.join(','),
              description: 'who may reach what the lab exposes',
            },
          ]
        : []),
    ];
  }

  /**
   * Three AZs even though the stack is environment-agnostic (CDK would otherwise assume two); they resolve to
   * the first three AZs of the Region at deploy time.
   */
  override get availabilityZones(): string[] {
    return Array.from({ length: LAB_AZ_COUNT }, (_, index) => Fn.select(index, Fn.getAzs()));
  }

  nodeGroupPlan(name: string): PlannedNodeGroup {
    const plan = this.plan.nodeGroups.find((candidate) => candidate.name === name);
    if (!plan) throw new Error(`No node group named ${name} is planned`);
    return plan;
  }

  releasePrerequisites(scope: Construct, id: string, part: PartContract): IDependable[] {
    return releasePrerequisites(scope, id, { cluster: this.cluster, part, kubectlLayer: this.labCluster.kubectlLayer });
  }

  addNodeGroup(
    scope: Construct,
    plan: PlannedNodeGroup,
    options: { readonly after?: readonly Construct[] } = {},
  ): eks.Nodegroup {
    return addLabNodeGroup(scope, `${plan.name}NodeGroup`, {
      cluster: this.cluster,
      plan,
      kubernetesVersion: this.config.kubernetesVersion.version,
      vpcCniMode: vpcCniModeOf(this.plan),
      after: [this.vpcCniAddon, this.labCluster.kubeProxyAddon, ...(options.after ?? [])],
    });
  }
}
