import * as fs from 'node:fs';
import * as path from 'node:path';
import { gunzipSync } from 'node:zlib';

/** Which properties of a resource type make CloudFormation replace the resource when they change. */
export interface ReplacementRules {
  /** Properties whose change always replaces the resource. */
  readonly always: ReadonlySet<string>;
  /** Properties whose change may replace it, depending on the value (the specification's "maybe"). */
  readonly sometimes: ReadonlySet<string>;
}

interface SpecEntity {
  readonly cloudFormationType: string;
  readonly properties: Readonly<Record<string, { readonly causesReplacement?: 'yes' | 'maybe' }>>;
}

let cache: ReadonlyMap<string, ReplacementRules> | undefined;

/**
 * The CloudFormation resource specification the CDK CLI ships (`aws-cdk/db.json.gz`, the database `cdk diff` uses to
 * say whether a change replaces a resource), reduced to the replacement rules of each resource type.
 */
export function replacementRules(): ReadonlyMap<string, ReplacementRules> {
  if (cache) return cache;
  const file = path.join(path.dirname(require.resolve('aws-cdk/package.json')), 'db.json.gz');
  const database = JSON.parse(gunzipSync(fs.readFileSync(file)).toString('utf8')) as {
    schema: { resource: { entities: readonly SpecEntity[] } };
  };
  const rules = new Map<string, ReplacementRules>();
  for (const entity of database.schema.resource.entities) {
    const always = new Set<string>();
    const sometimes = new Set<string>();
    for (const [name, property] of Object.entries(entity.properties)) {
      if (property.causesReplacement === 'yes') always.add(name);
      if (property.causesReplacement === 'maybe') sometimes.add(name);
    }
    rules.set(entity.cloudFormationType, { always, sometimes });
  }
  cache = rules;
  return rules;
}

/**
 * The property that carries the physical name of a resource type, where the lab sets one. CloudFormation refuses to
 * replace a resource whose custom name stays the same ("CloudFormation cannot update a stack when a custom-named
 * resource requires replacing"). Each is the type's name property in the CloudFormation resource reference.
 */
export const NAME_PROPERTIES: Readonly<Record<string, string>> = {
  'AWS::EKS::Cluster': 'Name',
  'AWS::EKS::Nodegroup': 'NodegroupName',
  'AWS::EKS::Addon': 'AddonName',
  'AWS::IAM::Role': 'RoleName',
  'AWS::Logs::LogGroup': 'LogGroupName',
  'AWS::RDS::DBInstance': 'DBInstanceIdentifier',
  'AWS::RDS::DBSubnetGroup': 'DBSubnetGroupName',
  'AWS::EC2::SecurityGroup': 'GroupName',
  'AWS::VpcLattice::ServiceNetwork': 'Name',
  'AWS::SecretsManager::Secret': 'Name',
  'AWS::Lambda::Function': 'FunctionName',
  'AWS::EC2::LaunchTemplate': 'LaunchTemplateName',
};
