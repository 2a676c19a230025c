import type { Template } from 'aws-cdk-lib/assertions';
import { findLiteralCredentials } from '../../../support/literal-credential-scan';
import type { CfnResourceJson } from '../../../../lib/verify/cfn-template';
import type { SynthesizedOutput } from '../../../../lib/verify/synthesized-lab';
import { Match, nestedTemplate } from '../../../support/lab-fixtures';
import { synthesizedOutputForTest } from '../../../support/synthesized-output-cache';

let lab: SynthesizedOutput;
let nested: Template;
let db: [string, CfnResourceJson];

beforeAll(() => {
  lab = synthesizedOutputForTest({ modules: 'security-groups-for-pods' });
  nested = nestedTemplate(lab, 'SecurityGroupsForPods');
  const found = Object.entries(nested.findResources('AWS::RDS::DBInstance'));
  if (found.length !== 1) throw new Error(`expected one DB instance, found ${found.length}`);
  db = found[0] as [string, CfnResourceJson];
});

describe('catalog RDS instance (workshop preprovision/main.tf)', () => {
  test('is MySQL 8.4.8 on db.t4g.micro with 20 GiB, database catalog and master user catalog_user', () => {
    expect(db[1].Properties).toMatchObject({
      DBInstanceIdentifier: 'eks-workshop-catalog',
      Engine: 'mysql',
      EngineVersion: '8.4.8',
      DBInstanceClass: 'db.t4g.micro',
      AllocatedStorage: '20',
      DBName: 'catalog',
      MasterUsername: 'catalog_user',
      Port: '3306',
      PreferredMaintenanceWindow: 'Mon:00:00-Mon:03:00',
    });
  });

  test('is private, encrypted and in the private subnets of the lab VPC', () => {
    expect(db[1].Properties).toMatchObject({ PubliclyAccessible: false, StorageEncrypted: true, MultiAZ: false });
    const subnetGroupId = (db[1].Properties?.DBSubnetGroupName as { Ref: string }).Ref;
    const subnetGroup = nested.toJSON().Resources[subnetGroupId] as CfnResourceJson;
    const subnets = subnetGroup.Properties?.SubnetIds as { Ref: string }[];
    expect(subnets).toHaveLength(3);
    for (const subnet of subnets) expect(subnet.Ref).toMatch(/PrivateSubnet\dSubnet/);
  });

  test('uses only the catalog RDS security group', () => {
    const groups = nested.findResources('AWS::EC2::SecurityGroup', {
      Properties: Match.objectLike({ GroupDescription: 'Catalog RDS security group' }),
    });
    expect(db[1].Properties?.VPCSecurityGroups).toEqual([{ 'Fn::GetAtt': [Object.keys(groups)[0], 'GroupId'] }]);
  });

  test('leaves nothing behind: deleted without final snapshot, no automated backups, none retained', () => {
    expect(db[1]).toMatchObject({ DeletionPolicy: 'Delete', UpdateReplacePolicy: 'Delete' });
    expect(db[1].Properties).toMatchObject({ BackupRetentionPeriod: 0, DeleteAutomatedBackups: true });
  });
});

describe('no literal credential', () => {
  test('RDS generates and manages the master password: ManageMasterUserPassword, no MasterUserPassword', () => {
    expect(db[1].Properties?.ManageMasterUserPassword).toBe(true);
    expect(db[1].Properties).not.toHaveProperty('MasterUserPassword');
    // Not even a dynamic reference to a generated secret: the secret is RDS's own (MasterUserSecret).
    expect(JSON.stringify(lab.templates)).not.toMatch(/resolve:secretsmanager/);
  });

  test('no template of the lab contains MasterUserPassword and no manifest is a Secret with literal data', () => {
    for (const { template } of lab.templates) {
      for (const resource of Object.values(template.Resources))
        expect(resource.Properties ?? {}).not.toHaveProperty('MasterUserPassword');
    }
    const secrets = lab.kubernetesObjects.filter(({ object }) => object.kind === 'Secret');
    expect(secrets.filter(({ object }) => object.data !== undefined || object.stringData !== undefined)).toEqual([]);
    expect(findLiteralCredentials(lab)).toEqual([]);
  });

  test('the catalog reads its credentials from the Secret ESO writes, never from the ConfigMap', () => {
    const configMap = lab.kubernetesObjects.find(
      ({ object }) => object.kind === 'ConfigMap' && object.metadata.name === 'catalog',
    )?.object;
    expect(Object.keys(configMap?.data as object).sort()).toEqual([
      'RETAIL_CATALOG_PERSISTENCE_DB_NAME',
      'RETAIL_CATALOG_PERSISTENCE_ENDPOINT',
      'RETAIL_CATALOG_PERSISTENCE_PROVIDER',
    ]);
  });

  test('the scan finds a password if one is planted (the check can fail)', () => {
    const planted = lab.templates.map(({ stackPath, template }) => ({
      stackPath,
      template: {
        ...template,
        Resources: Object.fromEntries(
          Object.entries(template.Resources).map(([id, resource]) =>
            id === db[0]
              ? [id, { ...resource, Properties: { ...resource.Properties, MasterUserPassword: 'dYmNfWV4uEvTzoFu' } }]
              : [id, resource],
          ),
        ),
      },
    }));
    expect(findLiteralCredentials({ ...lab, templates: planted }).map((finding) => finding.what)).toContain(
      'MasterUserPassword in the template',
    );
  });
});
