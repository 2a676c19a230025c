import { Duration, RemovalPolicy, Tags } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as rds from 'aws-cdk-lib/aws-rds';
import { Construct } from 'constructs';
import { CATALOG_DATABASE, CATALOG_RDS_SECURITY_GROUP } from './security-groups-for-pods-facts';
import { acknowledgeFinding } from '../../../constructs/nag-acknowledgements';

export interface CatalogDatabaseProps {
  readonly vpc: ec2.IVpc;
  readonly clusterName: string;
  /** The only group whose members may connect (the catalog pod security group). */
  readonly clientSecurityGroup: ec2.ISecurityGroup;
}

/**
 * The catalog's Amazon RDS for MySQL instance, as the workshop's `preprovision/main.tf`: db.t4g.micro, MySQL 8.4,
 * 20 GiB, database `catalog`, master user `catalog_user`, private subnets, reachable on 3306 only from the client
 * group. Unlike the workshop (a Terraform random string stored in SSM), RDS generates the master password and
 * keeps it in Secrets Manager (`ManageMasterUserPassword`), so it never appears in a template. Storage is
 * encrypted. Everything goes with the stack: no final snapshot, no automated backups (retention 0, as the
 * workshop), retained backups deleted.
 */
export class CatalogDatabase extends Construct {
  readonly instance: rds.DatabaseInstance;
  readonly securityGroup: ec2.SecurityGroup;

  constructor(scope: Construct, id: string, props: CatalogDatabaseProps) {
    super(scope, id);
    this.securityGroup = new ec2.SecurityGroup(this, 'SecurityGroup', {
      vpc: props.vpc,
      description: CATALOG_RDS_SECURITY_GROUP.description,
      // The workshop's group has no egress rules. CloudFormation cannot create a VPC group without any (EC2 adds an
      // allow-all rule), so CDK declares a rule that matches no traffic instead (ICMP 252/86 to 255.255.255.255/32).
      allowAllOutbound: false,
    });
    Tags.of(this.securityGroup).add('Name', `${props.clusterName}${CATALOG_RDS_SECURITY_GROUP.nameTagSuffix}`);
    this.securityGroup.addIngressRule(
      props.clientSecurityGroup,
      ec2.Port.tcp(CATALOG_DATABASE.port),
      CATALOG_RDS_SECURITY_GROUP.mysqlRuleDescription,
    );

    this.instance = new rds.DatabaseInstance(this, 'Instance', {
      instanceIdentifier: `${props.clusterName}${CATALOG_DATABASE.identifierSuffix}`,
      // MySQL 8.4.8, the workshop's `rds_engine_version` default.
      engine: rds.DatabaseInstanceEngine.mysql({ version: rds.MysqlEngineVersion.VER_8_4_8 }),
      instanceType: ec2.InstanceType.of(ec2.InstanceClass.T4G, ec2.InstanceSize.MICRO),
      allocatedStorage: CATALOG_DATABASE.allocatedStorageGiB,
      storageType: rds.StorageType.GP3,
      storageEncrypted: true,
      databaseName: CATALOG_DATABASE.databaseName,
      port: CATALOG_DATABASE.port,
      // RDS generates the password and stores `{"username","password"}` in a secret it owns and rotates (every 7
      // days by default) and deletes with the instance (RDS user guide, rds-secrets-manager.html).
      credentials: rds.Credentials.fromUsername(CATALOG_DATABASE.username),
      manageMasterUserPassword: true,
      vpc: props.vpc,
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      securityGroups: [this.securityGroup],
      publiclyAccessible: false,
      multiAz: false,
      preferredMaintenanceWindow: CATALOG_DATABASE.maintenanceWindow,
      backupRetention: Duration.days(0),
      deleteAutomatedBackups: true,
      // DESTROY = DeletionPolicy Delete: CloudFormation deletes the instance without a final snapshot.
      removalPolicy: RemovalPolicy.DESTROY,
      deletionProtection: false,
    });

    const lab = 'Lab trade-off for a throw-away workshop database that `cdk destroy` must remove completely';
    acknowledgeFinding(
      this.instance,
      'AwsSolutions-RDS3',
      `${lab}: a single-AZ db.t4g.micro as in the workshop; Multi-AZ doubles the cost and adds nothing to what the lab teaches.`,
    );
    acknowledgeFinding(
      this.instance,
      'AwsSolutions-RDS10',
      `${lab}: deletion protection would make cdk destroy fail and leave the instance behind.`,
    );
    acknowledgeFinding(
      this.instance,
      'AwsSolutions-RDS11',
      `The catalog application and the workshop use MySQL's standard port 3306; the instance is private and only the catalog pod security group may connect to it.`,
    );
    acknowledgeFinding(
      this.instance,
      'AwsSolutions-RDS13',
      `${lab}: backup retention 0 as in the workshop, so no automated backup or snapshot outlives the stack; the catalog data is sample data the app re-creates by migration.`,
    );
  }
}
