import { costSummaryLine } from '../../../lib/cost/cost-report';
import { costTableConfigurations, costTableMarkdown } from '../../../lib/cost/cost-table';
import { estimateLabCost, partOfStack } from '../../../lib/cost/lab-cost';
import { ec2OnDemandPrice, type Price, PRICE_TABLE, rdsSingleAzPrice } from '../../../lib/cost/price-table';
import { lookupInstanceType } from '../../../lib/instance-types/instance-types';
import { MODULE_NAMES } from '../../../lib/modules/module-registry';
import type { CfnResourceJson, LabTemplate } from '../../../lib/verify/cfn-template';
import type { SynthesizedOutput, SynthesizeOutput } from '../../../lib/verify/synthesized-lab';
import { synthesizedOutputForTest } from '../../support/synthesized-output-cache';
import { TEST_DAY } from '../../support/test-day';

/** Each configuration's output is synthesized once per test run (shared through the run's cache). */
const synthesize: SynthesizeOutput = (options) => synthesizedOutputForTest(options.context);
const CONFIGURATIONS = costTableConfigurations();
const labOf = (context: Readonly<Record<string, string>>) => synthesize({ context });
const baseLab = () => labOf({});
const moduleLab = (module: string) => labOf({ modules: module });
const exposeUiContext = CONFIGURATIONS.find((configuration) => configuration.part === 'exposeUi')!.context;
const everythingContext = CONFIGURATIONS.find((configuration) => configuration.part === undefined)!.context;
const costOf = (lab: SynthesizedOutput) => estimateLabCost(lab, { day: TEST_DAY });

// Expectations below read the templates and the price table directly, not the model.
const prices = PRICE_TABLE.prices;
const HOURS_IN_30_DAYS = 30 * 24;
const perHour = (price: Price) =>
  price.unit === 'GB-month' || price.unit === 'secret-month' ? price.usd / HOURS_IN_30_DAYS : price.usd;

interface Found {
  readonly stackPath: string;
  readonly properties: Record<string, unknown>;
}

function resources(
  lab: SynthesizedOutput,
  type: string,
  inStack: (stackPath: string) => boolean = () => true,
): Found[] {
  return lab.templates
    .filter(({ stackPath }) => inStack(stackPath))
    .flatMap(({ stackPath, template }) =>
      Object.values(template.Resources)
        .filter((resource: CfnResourceJson) => resource.Type === type)
        .map((resource) => ({ stackPath, properties: (resource.Properties ?? {}) as Record<string, unknown> })),
    );
}

const inRootStack = (stackPath: string) => !stackPath.includes('/');
const inStacksOf = (stackId: string) => (stackPath: string) => stackPath.startsWith(`NetworkingLabStack/${stackId}`);

function launchTemplateVolumeGiB(templates: readonly LabTemplate[], nodeGroup: Found): number {
  const id = ((nodeGroup.properties.LaunchTemplate as { Id: { Ref: string } }).Id as { Ref: string }).Ref;
  const template = templates.find(({ stackPath }) => stackPath === nodeGroup.stackPath)!.template;
  const data = template.Resources[id].Properties!.LaunchTemplateData as {
    BlockDeviceMappings: { Ebs: { VolumeSize: number; VolumeType: string } }[];
  };
  expect(data.BlockDeviceMappings[0].Ebs.VolumeType).toBe('gp3');
  return data.BlockDeviceMappings[0].Ebs.VolumeSize;
}

/** Nodes at their desired size, each with its launch template's root volume. */
function nodeGroupsHourly(lab: SynthesizedOutput, inStack: (stackPath: string) => boolean): number {
  return resources(lab, 'AWS::EKS::Nodegroup', inStack).reduce((sum, nodeGroup) => {
    const nodes = (nodeGroup.properties.ScalingConfig as { DesiredSize: number }).DesiredSize;
    const instanceType = (nodeGroup.properties.InstanceTypes as string[])[0];
    const volumeGiB = launchTemplateVolumeGiB(lab.templates, nodeGroup);
    return sum + nodes * perHour(ec2OnDemandPrice(instanceType)!) + nodes * volumeGiB * perHour(prices.ebsGp3Storage);
  }, 0);
}

const countOf = (lab: SynthesizedOutput, type: string, inStack?: (stackPath: string) => boolean) =>
  resources(lab, type, inStack).length;

function expectedBaseHourly(lab: SynthesizedOutput): number {
  const clusters = countOf(lab, 'AWS::EKS::Cluster');
  const natGateways = countOf(lab, 'AWS::EC2::NatGateway');
  const elasticIps = countOf(lab, 'AWS::EC2::EIP');
  const secrets = countOf(lab, 'AWS::SecretsManager::Secret', inRootStack);
  expect([clusters, natGateways, elasticIps]).toEqual([1, expect.any(Number), expect.any(Number)]);
  expect(natGateways).toBeGreaterThan(0);
  return (
    clusters * perHour(prices.eksClusterStandardSupport) +
    nodeGroupsHourly(lab, inRootStack) +
    natGateways * perHour(prices.natGateway) +
    elasticIps * perHour(prices.publicIpv4Address) +
    secrets * perHour(prices.secretsManagerSecret)
  );
}

/** Distinct zones of the subnets the AWS Load Balancer Controller puts internet-facing load balancers in. */
function publicLoadBalancerZones(lab: SynthesizedOutput): number {
  const subnets = resources(lab, 'AWS::EC2::Subnet').filter((subnet) =>
    ((subnet.properties.Tags ?? []) as { Key: string; Value: string }[]).some(
      (tag) => tag.Key === 'kubernetes.io/role/elb' && tag.Value === '1',
    ),
  );
  return new Set(subnets.map((subnet) => JSON.stringify(subnet.properties.AvailabilityZone))).size;
}

const partHourly = (lab: SynthesizedOutput, part: string) =>
  costOf(lab).parts.find((candidate) => candidate.part === part)?.hourlyUsd;

describe('the base lab', () => {
  test('costs its cluster, the default node group nodes and their root volumes, its NAT gateways, Elastic IPs and secrets', () => {
    const lab = baseLab();
    const cost = costOf(lab);
    expect(cost.total.hourlyUsd).toBeCloseTo(expectedBaseHourly(lab), 10);
    expect(cost.parts.map((part) => part.part)).toEqual(['base']);
    expect(cost.unpriced).toEqual([]);
    expect(cost.region).toBe(PRICE_TABLE.region);
    expect(cost.pricesCheckedOn).toBe(PRICE_TABLE.checkedOn);
  });

  test('a day is 24 hours and a month 30 days of the hourly cost, for the total and every part', () => {
    const cost = costOf(labOf(everythingContext));
    for (const amount of [cost.total, ...cost.parts]) {
      expect(amount.dailyUsd).toBeCloseTo(amount.hourlyUsd * 24, 10);
      expect(amount.monthlyUsd).toBeCloseTo(amount.hourlyUsd * HOURS_IN_30_DAYS, 10);
    }
  });

  test('the total is the sum of the parts, and each part the sum of its priced line items', () => {
    const cost = costOf(labOf(everythingContext));
    const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
    expect(sum(cost.parts.map((part) => part.hourlyUsd))).toBeCloseTo(cost.total.hourlyUsd, 10);
    for (const part of cost.parts) {
      const items = cost.lineItems.filter((item) => item.part === part.part);
      expect(sum(items.map((item) => item.hourlyUsd ?? 0))).toBeCloseTo(part.hourlyUsd, 10);
    }
  });

  test('a cluster costs the extended-support rate from the day its version leaves standard support', () => {
    const lab = baseLab();
    const lifecycle = lab.config.kubernetesVersion;
    const lastStandardDay = new Date(Date.parse(lifecycle.endOfStandardSupport) - 86_400_000)
      .toISOString()
      .slice(0, 10);
    const standard = estimateLabCost(lab, { day: lastStandardDay });
    const extended = estimateLabCost(lab, { day: lifecycle.endOfStandardSupport });
    const extraPerCluster = prices.eksClusterExtendedSupport.usd - prices.eksClusterStandardSupport.usd;
    expect(extended.total.hourlyUsd - standard.total.hourlyUsd).toBeCloseTo(extraPerCluster, 10);
    expect(extended.lineItems[0]).toMatchObject({ item: expect.stringContaining('extended support') });
  });

  test('an instance type missing from the price table is reported as unpriced and left out of the total', () => {
    const unlisted = 'm5.xlarge';
    expect(ec2OnDemandPrice(unlisted)).toBeUndefined();
    const lab = baseLab();
    const templates = JSON.parse(JSON.stringify(lab.templates)) as LabTemplate[];
    const nodeGroups = templates.flatMap(({ template }) =>
      Object.values(template.Resources).filter((resource) => resource.Type === 'AWS::EKS::Nodegroup'),
    );
    for (const nodeGroup of nodeGroups) (nodeGroup.Properties as Record<string, unknown>).InstanceTypes = [unlisted];
    const nodes = resources(lab, 'AWS::EKS::Nodegroup').reduce(
      (sum, nodeGroup) => sum + (nodeGroup.properties.ScalingConfig as { DesiredSize: number }).DesiredSize,
      0,
    );

    const cost = estimateLabCost({ ...lab, templates }, { day: TEST_DAY });

    expect(cost.unpriced).toEqual([
      expect.objectContaining({ item: expect.stringContaining(unlisted), quantity: nodes }),
    ]);
    expect(cost.total.hourlyUsd).toBeCloseTo(
      costOf(lab).total.hourlyUsd - nodes * perHour(ec2OnDemandPrice(lab.config.nodeInstanceType.name)!),
      10,
    );
  });
});

describe('modules and exposeUi', () => {
  test.each(MODULE_NAMES)('enabling %s keeps every base item and adds items of that module only', (module) => {
    const base = costOf(baseLab());
    const withModule = costOf(moduleLab(module));
    expect(withModule.lineItems.filter((item) => item.part === 'base')).toEqual(base.lineItems);
    expect(new Set(withModule.lineItems.map((item) => item.part))).toEqual(
      new Set(withModule.lineItems.some((item) => item.part === module) ? ['base', module] : ['base']),
    );
    expect(withModule.parts.map((part) => part.part)).toEqual(['base', module]);
  });

  test('custom-networking adds its node group: nodes at their desired size and their root volumes', () => {
    const lab = moduleLab('custom-networking');
    const expected = nodeGroupsHourly(lab, inStacksOf('CustomNetworking'));
    expect(expected).toBeGreaterThan(0);
    expect(partHourly(lab, 'custom-networking')).toBeCloseTo(expected, 10);
  });

  test.each(['prefix-delegation', 'network-policies'] as const)('%s adds nothing billed by the hour', (module) => {
    expect(partHourly(moduleLab(module), module)).toBe(0);
  });

  test('security-groups-for-pods adds the catalog database, its storage and the secret RDS keeps its password in', () => {
    const lab = moduleLab('security-groups-for-pods');
    const databases = resources(lab, 'AWS::RDS::DBInstance');
    expect(databases).toHaveLength(1);
    const [database] = databases.map((found) => found.properties);
    expect(database.MultiAZ).toBe(false);
    expect(database.ManageMasterUserPassword).toBe(true);
    const expected =
      perHour(rdsSingleAzPrice(database.DBInstanceClass as string)!) +
      Number(database.AllocatedStorage) * perHour(prices.rdsGp3Storage) +
      perHour(prices.secretsManagerSecret);
    expect(partHourly(lab, 'security-groups-for-pods')).toBeCloseTo(expected, 10);
  });

  test('a Multi-AZ database also costs its standby instance and the standby storage', () => {
    const lab = moduleLab('security-groups-for-pods');
    const templates = JSON.parse(JSON.stringify(lab.templates)) as LabTemplate[];
    const databases = templates.flatMap(({ template }) =>
      Object.values(template.Resources).filter((resource) => resource.Type === 'AWS::RDS::DBInstance'),
    );
    for (const database of databases) (database.Properties as Record<string, unknown>).MultiAZ = true;
    const [database] = resources(lab, 'AWS::RDS::DBInstance').map((found) => found.properties);
    const standby =
      perHour(rdsSingleAzPrice(database.DBInstanceClass as string)!) +
      Number(database.AllocatedStorage) * perHour(prices.rdsGp3Storage);

    const multiAz = estimateLabCost({ ...lab, templates }, { day: TEST_DAY });

    expect(multiAz.total.hourlyUsd - costOf(lab).total.hourlyUsd).toBeCloseTo(standby, 10);
  });

  test('vpc-lattice adds one VPC Lattice service per HTTPRoute', () => {
    const lab = moduleLab('vpc-lattice');
    const routes = lab.kubernetesObjects.filter(({ object }) => object.kind === 'HTTPRoute');
    expect(routes.length).toBeGreaterThan(0);
    expect(partHourly(lab, 'vpc-lattice')).toBeCloseTo(routes.length * perHour(prices.vpcLatticeService), 10);
  });

  test('hybrid-nodes adds the Transit Gateway attachments and the host: instance, volume, public address, hybrid node vCPUs', () => {
    const lab = moduleLab('hybrid-nodes');
    const inModule = inStacksOf('HybridNodes');
    const attachments = countOf(lab, 'AWS::EC2::TransitGatewayAttachment', inModule);
    const [host] = resources(lab, 'AWS::EC2::Instance', inModule).map((found) => found.properties);
    const hostType = host.InstanceType as string;
    const hostVolumeGiB = (host.BlockDeviceMappings as { Ebs: { VolumeSize: number } }[])[0].Ebs.VolumeSize;
    const secrets = countOf(lab, 'AWS::SecretsManager::Secret', inModule);
    expect(attachments).toBeGreaterThan(0);
    const expected =
      attachments * perHour(prices.transitGatewayAttachment) +
      perHour(ec2OnDemandPrice(hostType)!) +
      hostVolumeGiB * perHour(prices.ebsGp3Storage) +
      perHour(prices.publicIpv4Address) + // the remote subnet maps a public address on launch
      lookupInstanceType(hostType).vcpus * perHour(prices.eksHybridNodeVcpu) +
      secrets * perHour(prices.secretsManagerSecret);
    expect(partHourly(lab, 'hybrid-nodes')).toBeCloseTo(expected, 10);
  });

  test('exposeUi adds an NLB per LoadBalancer Service, with a public address in each zone of the public subnets', () => {
    const lab = labOf(exposeUiContext);
    const services = lab.kubernetesObjects.filter(
      ({ object }) => object.kind === 'Service' && (object.spec as { type?: string }).type === 'LoadBalancer',
    );
    const zones = publicLoadBalancerZones(lab);
    expect(services).toHaveLength(1);
    expect(zones).toBeGreaterThan(1);
    const expected =
      services.length * (perHour(prices.networkLoadBalancer) + zones * perHour(prices.publicIpv4Address));
    expect(partHourly(lab, 'exposeUi')).toBeCloseTo(expected, 10);
    expect(costOf(lab).lineItems.filter((item) => item.part === 'base')).toEqual(costOf(baseLab()).lineItems);
  });

  test('with exposeUi, hybrid-nodes in stage remote-workloads also pays for the ALB its Ingress gets from the controller', () => {
    const everything = labOf({ ...everythingContext, 'hybridNodes.stage': 'remote-workloads' });
    const ingresses = everything.kubernetesObjects.filter(
      ({ object, stackPath }) => object.kind === 'Ingress' && inStacksOf('HybridNodes')(stackPath),
    );
    expect(ingresses).toHaveLength(1);
    const albWithAddresses =
      perHour(prices.applicationLoadBalancer) + publicLoadBalancerZones(everything) * perHour(prices.publicIpv4Address);
    expect(partHourly(everything, 'hybrid-nodes')).toBeCloseTo(
      partHourly(moduleLab('hybrid-nodes'), 'hybrid-nodes')! + albWithAddresses,
      10,
    );
  });

  test('every nested stack of the full lab is attributed to an enabled module', () => {
    const everything = labOf(everythingContext);
    const nested = everything.templates.map(({ stackPath }) => stackPath).filter((path) => !inRootStack(path));
    expect(nested.length).toBeGreaterThan(MODULE_NAMES.length - 1);
    for (const stackPath of nested)
      expect(everything.config.modules).toContain(partOfStack(stackPath, everything.config.modules));
  });

  test('the full lab creates no interface VPC endpoint, which the price table does not price', () => {
    expect(countOf(labOf(everythingContext), 'AWS::EC2::VPCEndpoint')).toBe(0);
  });
});

describe('the price table', () => {
  const allPrices: [string, Price][] = [
    ...Object.entries(PRICE_TABLE.prices),
    ...Object.entries(PRICE_TABLE.ec2OnDemand),
    ...Object.entries(PRICE_TABLE.rdsSingleAz),
  ];

  test.each(allPrices)('%s has a positive figure and an https source', (_, price) => {
    expect(price.usd).toBeGreaterThan(0);
    expect(price.source).toMatch(/^https:\/\//);
  });

  test('every estimate says what it rests on', () => {
    const estimates = allPrices.filter(([, price]) => price.basis === 'estimate');
    expect(estimates.length).toBeGreaterThan(0);
    for (const [, price] of estimates) expect(price.note).toEqual(expect.any(String));
  });

  test('prices the instance types and database class the lab uses by default', () => {
    const everything = labOf(everythingContext);
    const defaults = [
      everything.config.nodeInstanceType.name,
      everything.config.customNetworking.instanceType.name,
      everything.config.hybridNodes.instanceType.name,
    ];
    for (const instanceType of defaults) expect(ec2OnDemandPrice(instanceType)).toBeDefined();
    for (const database of resources(everything, 'AWS::RDS::DBInstance')) {
      expect(rdsSingleAzPrice(database.properties.DBInstanceClass as string)).toBeDefined();
    }
    expect(costOf(everything).unpriced).toEqual([]);
  });
});

describe('summary line and README table', () => {
  test('the summary line gives the hourly and daily total, the Region and the date of the prices', () => {
    const lab = baseLab();
    const hourly = expectedBaseHourly(lab);
    expect(costSummaryLine(lab, { day: TEST_DAY })).toBe(
      `Estimated cost: $${hourly.toFixed(2)}/hour, $${(hourly * 24).toFixed(2)}/day in ${PRICE_TABLE.region} ` +
        `(prices of ${PRICE_TABLE.checkedOn}; npm run cost for details)`,
    );
  });

  test('the summary line says when some items have no price', () => {
    const lab = baseLab();
    const templates = JSON.parse(JSON.stringify(lab.templates)) as LabTemplate[];
    for (const { template } of templates) {
      for (const resource of Object.values(template.Resources)) {
        if (resource.Type === 'AWS::EKS::Nodegroup')
          (resource.Properties as Record<string, unknown>).InstanceTypes = ['m5.xlarge'];
      }
    }
    expect(costSummaryLine({ ...lab, templates }, { day: TEST_DAY })).toMatch(/; 1 item not priced; npm run cost/);
  });

  test('the README table has a row per configuration with what it adds and the lab total of that configuration', () => {
    const markdown = costTableMarkdown(synthesize, { day: TEST_DAY });
    const rows = markdown
      .split('\n')
      .filter((line) => line.startsWith('| '))
      .slice(2);
    expect(rows).toHaveLength(CONFIGURATIONS.length);
    CONFIGURATIONS.forEach((configuration, index) => {
      const cells = rows[index].split(' | ');
      const total = costOf(labOf(configuration.context)).total;
      expect(cells[0]).toBe(`| ${configuration.label}`);
      expect(cells[4]).toBe(`$${total.hourlyUsd.toFixed(3)}`);
      expect(cells[5]).toBe(`$${total.dailyUsd.toFixed(2)} |`);
    });
    const row = (label: string) => rows.find((candidate) => candidate.startsWith(`| ${label} |`))!;
    expect(row('+ `prefix-delegation`')).toContain('nothing billed by the hour');
    expect(row('+ `vpc-lattice`')).toContain(`$${perHour(prices.vpcLatticeService).toFixed(3)}`);
    expect(row('+ `hybrid-nodes`')).toContain('Transit Gateway');
    expect(markdown).toContain(`checked on ${PRICE_TABLE.checkedOn}`);
  });
});
