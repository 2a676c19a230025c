/**
 * On-demand prices of what the lab runs, as data: one Region, the day they were checked, and where each figure comes
 * from. AWS's own pricing pages render their rate tables dynamically, so most figures come from worked examples on
 * those pages, from data generated off the AWS Price List API, or from third-party pages; `basis` says which, and a
 * figure no source gave for this exact item is an `estimate` whose note states what it rests on.
 *
 * Research behind the table: the project's price notes of 2026-12-04 (part B), checked again with the stored sources.
 */

/** How much a price can be trusted, from an AWS statement for this Region down to a lab estimate. */
export type PriceBasis =
  /** An AWS page or blog states the rate for this Region (or for every Region). */
  | 'aws-published'
  /** Generated from the AWS Price List API for this Region. */
  | 'aws-price-list'
  /** A worked example on the AWS pricing page (the note names its Region when it is not this one). */
  | 'aws-example'
  /** A third-party page quotes the rate for this Region. */
  | 'third-party'
  /** No source gives this exact figure: the note says what the estimate rests on. */
  | 'estimate';

/** What one unit of a price buys. `GB-month` and `secret-month` are prorated by the hour. */
export type PriceUnit = 'hour' | 'vCPU-hour' | 'GB-month' | 'secret-month';

export interface Price {
  /** US dollars per `unit`. */
  readonly usd: number;
  readonly unit: PriceUnit;
  readonly basis: PriceBasis;
  /** Where the figure comes from (the AWS page it describes when the figure was read from a copy of it). */
  readonly source: string;
  /** When the source stated the figure, as precisely as it says (`2026`, `2026-06`, `2026-06-13`). */
  readonly sourceDate?: string;
  readonly note?: string;
}

const EKS_EXTENDED_SUPPORT_BLOG =
  'https://aws.amazon.com/blogs/containers/amazon-eks-extended-support-for-kubernetes-versions-pricing/';
/**
 * aws/karpenter-provider-aws embeds on-demand prices generated from the AWS Price List API ("generated at
 * 2026-01-19T13:23:24Z for us-east-1"); the price notes found the same values in its 2026-07-20 generation (6fc13b5).
 */
const EC2_PRICE_LIST =
  'https://github.com/aws/karpenter-provider-aws/blob/031e72b6099630e960dacb88b48a7e9bb780945f/pkg/providers/pricing/zz_generated.pricing_aws.go';
const EC2_PRICE_LIST_DATE = '2026-01-19';
/** Transcripts of the AWS pricing pages' worked examples, read 2026-09-20 (api-evangelist `plans/*-pricing.yml`). */
const TRANSCRIPT_DATE = '2026-09-20';

function ec2OnDemand(usd: number): Price {
  return {
    usd,
    unit: 'hour',
    basis: 'aws-price-list',
    source: EC2_PRICE_LIST,
    sourceDate: EC2_PRICE_LIST_DATE,
    note: 'Linux, on-demand, shared tenancy',
  };
}

export const PRICE_TABLE = {
  region: 'us-east-1',
  currency: 'USD',
  /** The day the figures below were last checked against their sources. */
  checkedOn: '2026-12-04',
  prices: {
    eksClusterStandardSupport: {
      usd: 0.1,
      unit: 'hour',
      basis: 'aws-published',
      source: EKS_EXTENDED_SUPPORT_BLOG,
      sourceDate: '2024-04',
      note: 'per cluster, Kubernetes version in standard support; all Regions',
    },
    eksClusterExtendedSupport: {
      usd: 0.6,
      unit: 'hour',
      basis: 'aws-published',
      source: EKS_EXTENDED_SUPPORT_BLOG,
      sourceDate: '2024-04',
      note: 'per cluster in total (standard + $0.50), Kubernetes version in extended support; all Regions',
    },
    eksHybridNodeVcpu: {
      usd: 0.02,
      unit: 'vCPU-hour',
      basis: 'estimate',
      source: 'https://aws.amazon.com/eks/pricing/',
      note:
        'Hybrid nodes are billed per vCPU-hour while attached to the cluster, also when they run on EC2 (EKS user guide, ' +
        'https://docs.aws.amazon.com/eks/latest/userguide/hybrid-nodes-overview.html). No stored source gives the rate: ' +
        '$0.02 is the first pricing tier as recalled from the EKS pricing page; verify it there.',
    },
    natGateway: {
      usd: 0.045,
      unit: 'hour',
      basis: 'aws-example',
      source: 'https://aws.amazon.com/vpc/pricing/',
      sourceDate: TRANSCRIPT_DATE,
      note: 'per NAT gateway; the page example is for US East (Ohio); sst.dev quotes the same rate for us-east-1',
    },
    publicIpv4Address: {
      usd: 0.005,
      unit: 'hour',
      basis: 'third-party',
      source: 'https://community.aws/content/2c6cKl0W4KQZIO6dWnnDHs1tHSp/aws-to-charge-public-ipv4-addresses',
      sourceDate: '2024-02-08',
      note: 'per public IPv4 address, in use or idle, since 2024-02-01; all Regions (doit.com agrees)',
    },
    ebsGp3Storage: {
      usd: 0.08,
      unit: 'GB-month',
      basis: 'third-party',
      source: 'https://www.saisci.com/aws/gp3-throughput-explained/',
      sourceDate: '2021-01-13',
      note: 'N. Virginia, 3,000 IOPS and 125 MiB/s included; webuildup.live (2026-04) gives the same rate',
    },
    rdsGp3Storage: {
      usd: 0.115,
      unit: 'GB-month',
      basis: 'third-party',
      source: 'https://www.usage.ai/blogs/aws/reserved-instances/rds/pricing-calculator/',
      sourceDate: '2026-06',
      note: 'US East (N. Virginia); RDS bills gp2 and gp3 storage at the same rate',
    },
    transitGatewayAttachment: {
      usd: 0.05,
      unit: 'hour',
      basis: 'aws-example',
      source: 'https://aws.amazon.com/transit-gateway/pricing/',
      sourceDate: TRANSCRIPT_DATE,
      note: 'per VPC attachment (the transit gateway itself has no hourly charge); the page example is for US East (Ohio)',
    },
    applicationLoadBalancer: {
      usd: 0.0225,
      unit: 'hour',
      basis: 'aws-example',
      source: 'https://aws.amazon.com/elasticloadbalancing/pricing/',
      sourceDate: TRANSCRIPT_DATE,
      note: 'per load balancer, us-east-1 example; LCUs ($0.008 per LCU-hour) are usage and excluded',
    },
    networkLoadBalancer: {
      usd: 0.0225,
      unit: 'hour',
      basis: 'third-party',
      source: 'https://awsnegotiations.com/elastic-load-balancer-cost.html',
      sourceDate: '2026-05',
      note: 'per load balancer (clustercost.com gives the same us-east-1 rate); NLCUs ($0.006 per NLCU-hour, AWS page) are usage and excluded',
    },
    vpcLatticeService: {
      usd: 0.025,
      unit: 'hour',
      basis: 'aws-example',
      source: 'https://aws.amazon.com/vpc/lattice/pricing/',
      sourceDate: TRANSCRIPT_DATE,
      note: 'per service, us-east-1 example; data processed ($0.025/GB) and requests are usage and excluded; service network VPC associations are free',
    },
    secretsManagerSecret: {
      usd: 0.4,
      unit: 'secret-month',
      basis: 'third-party',
      source: 'https://hivebook.wiki/wiki/aws-secrets-manager-rotated-secrets-dynamic-db-credentials-kms',
      note: 'per secret; API calls ($0.05 per 10,000) are usage and excluded',
    },
  },
  /**
   * EC2 Linux on-demand, per instance-hour: the lab's defaults (`nodeInstanceType` and `hybridNodes.instanceType`
   * m5.large, `customNetworking.instanceType` t3.medium) and common alternatives. An instance type missing here is
   * reported as unpriced, never guessed.
   */
  ec2OnDemand: {
    'm5.large': ec2OnDemand(0.096),
    't3.medium': ec2OnDemand(0.0416),
    'm6i.large': ec2OnDemand(0.096),
    'm7g.large': ec2OnDemand(0.0816),
    'c5.large': ec2OnDemand(0.085),
    't3.micro': ec2OnDemand(0.0104),
  },
  /** RDS instance classes, Single-AZ, per instance-hour (Multi-AZ bills the standby too). */
  rdsSingleAz: {
    // The security-groups-for-pods catalog database (lib/modules/security-groups-for-pods/catalog-database.ts).
    'db.t4g.micro': {
      usd: 0.016,
      unit: 'hour',
      basis: 'estimate',
      source: 'https://infratally.com/articles/aws-rds-pricing-explained-2026.html',
      sourceDate: '2026',
      note: 'us-east-1 Single-AZ rate of RDS for PostgreSQL; no source gives the MySQL rate, taken as equal',
    },
  },
} as const satisfies {
  readonly region: string;
  readonly currency: string;
  readonly checkedOn: string;
  readonly prices: Readonly<Record<string, Price>>;
  readonly ec2OnDemand: Readonly<Record<string, Price>>;
  readonly rdsSingleAz: Readonly<Record<string, Price>>;
};

export type PriceName = keyof typeof PRICE_TABLE.prices;

/** The EC2 on-demand price of an instance type, if the table has it. */
export function ec2OnDemandPrice(instanceType: string): Price | undefined {
  return (PRICE_TABLE.ec2OnDemand as Readonly<Record<string, Price>>)[instanceType];
}

/** The Single-AZ price of an RDS instance class, if the table has it. */
export function rdsSingleAzPrice(instanceClass: string): Price | undefined {
  return (PRICE_TABLE.rdsSingleAz as Readonly<Record<string, Price>>)[instanceClass];
}
