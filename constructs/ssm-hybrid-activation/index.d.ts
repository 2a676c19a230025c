/** Types of the custom resource handler in index.js (plain JavaScript: the Lambda runs it as is, no bundling). */

export interface Tag {
  readonly Key: string;
  readonly Value: string;
}

/** The AWS calls the handler makes; the Lambda binds them to the SDK v3 clients, tests to fakes. */
export interface SsmHybridActivationApi {
  createActivation(input: {
    IamRole: string;
    RegistrationLimit: number;
    DefaultInstanceName: string;
    Description?: string;
    Tags: Tag[];
  }): Promise<{ ActivationId?: string; ActivationCode?: string }>;
  describeActivations(input: {
    Filters: { FilterKey: string; FilterValues: string[] }[];
    NextToken?: string;
  }): Promise<{ ActivationList?: { ActivationId?: string }[]; NextToken?: string }>;
  deleteActivation(input: { ActivationId?: string }): Promise<unknown>;
  describeInstanceInformation(input: {
    Filters: { Key: string; Values: (string | undefined)[] }[];
    NextToken?: string;
  }): Promise<{ InstanceInformationList?: { InstanceId?: string }[]; NextToken?: string }>;
  deregisterManagedInstance(input: { InstanceId?: string }): Promise<unknown>;
  putSecretValue(input: { SecretId: string; SecretString: string }): Promise<unknown>;
}

export interface CustomResourceEvent {
  readonly RequestType: 'Create' | 'Update' | 'Delete';
  readonly PhysicalResourceId?: string;
  readonly ResourceProperties?: Readonly<Record<string, unknown>>;
}

export interface CustomResourceResult {
  readonly PhysicalResourceId: string;
}

export declare const PHYSICAL_ID_PREFIX: string;

export declare function createHandler(
  api: SsmHybridActivationApi,
  generationOf?: (properties: Readonly<Record<string, unknown>>) => string,
): (event: CustomResourceEvent) => Promise<CustomResourceResult>;

/** The generation of an activation: a digest of its defining properties. */
export declare function generationFor(properties: Readonly<Record<string, unknown>>): string;

export declare function handler(event: CustomResourceEvent): Promise<CustomResourceResult>;
