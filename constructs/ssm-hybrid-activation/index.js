'use strict';
// Custom resource handler (Node.js 18 or later, AWS SDK v3 from the Lambda runtime) behind SsmHybridActivation.
// Create/Update: creates an SSM hybrid activation and writes its id and code into a Secrets Manager secret; the
// id and code are never logged, returned or put in the physical resource id. Delete: deregisters the managed
// nodes registered with the activation, then deletes the activation.
// SSM API reference: CreateActivation, DescribeActivations, DescribeInstanceInformation,
// DeregisterManagedInstance, DeleteActivation (https://docs.aws.amazon.com/systems-manager/latest/APIReference/).

const { createHash } = require('node:crypto');

/** Prefix of the physical resource id; the rest is the generation (no activation id or code in it). */
const PHYSICAL_ID_PREFIX = 'ssm-hybrid-activation:';
/** Errors that mean "already gone" on delete. */
const GONE = new Set(['InvalidInstanceId', 'InvalidActivation', 'InvalidActivationId', 'DoesNotExistException']);

function required(properties, key) {
  const value = properties[key];
  if (value === undefined || value === '') throw new Error(`SsmHybridActivation: property ${key} is required`);
  return value;
}

/** The activation's default instance name: the base name and the generation, so a generation can be found again. */
function instanceNameOf(baseName, generation) {
  return `${baseName}-${generation.slice(0, 8)}`;
}

function generationOf(physicalResourceId) {
  if (typeof physicalResourceId !== 'string' || !physicalResourceId.startsWith(PHYSICAL_ID_PREFIX)) return undefined;
  const generation = physicalResourceId.slice(PHYSICAL_ID_PREFIX.length);
  return /^[0-9a-f-]{8,}$/.test(generation) ? generation : undefined;
}

async function createGeneration(api, properties, generation) {
  const activation = await api.createActivation({
    IamRole: required(properties, 'IamRoleName'),
    RegistrationLimit: Number(required(properties, 'RegistrationLimit')),
    DefaultInstanceName: instanceNameOf(required(properties, 'DefaultInstanceName'), generation),
    Description: properties.Description,
    Tags: [...(properties.Tags ?? []), { Key: 'eks-networking-lab:activation-generation', Value: generation }],
  });
  try {
    await api.putSecretValue({
      SecretId: required(properties, 'SecretId'),
      SecretString: JSON.stringify({
        activationId: activation.ActivationId,
        activationCode: activation.ActivationCode,
      }),
    });
  } catch (error) {
    // Nothing must be left behind that no later Delete can find.
    await api.deleteActivation({ ActivationId: activation.ActivationId }).catch(() => undefined);
    throw error;
  }
  console.log(`created activation generation ${generation}`);
  return { PhysicalResourceId: `${PHYSICAL_ID_PREFIX}${generation}` };
}

async function allPages(call, input, key) {
  const items = [];
  let token;
  do {
    const page = await call({ ...input, ...(token ? { NextToken: token } : {}) });
    items.push(...(page[key] ?? []));
    token = page.NextToken;
  } while (token);
  return items;
}

async function ignoreGone(promise) {
  try {
    await promise;
  } catch (error) {
    if (!GONE.has(error && error.name)) throw error;
  }
}

async function deleteGeneration(api, properties, generation) {
  const activations = await allPages(
    (input) => api.describeActivations(input),
    {
      Filters: [
        {
          FilterKey: 'DefaultInstanceName',
          FilterValues: [instanceNameOf(required(properties, 'DefaultInstanceName'), generation)],
        },
      ],
    },
    'ActivationList',
  );
  let deregistered = 0;
  for (const activation of activations) {
    const nodes = await allPages(
      (input) => api.describeInstanceInformation(input),
      { Filters: [{ Key: 'ActivationIds', Values: [activation.ActivationId] }] },
      'InstanceInformationList',
    );
    for (const node of nodes) {
      await ignoreGone(api.deregisterManagedInstance({ InstanceId: node.InstanceId }));
      deregistered += 1;
    }
    await ignoreGone(api.deleteActivation({ ActivationId: activation.ActivationId }));
  }
  console.log(
    `deleted activation generation ${generation}: ${activations.length} activation(s), ${deregistered} managed node(s) deregistered`,
  );
}

/** The properties that define an activation: any change needs a new one (a role, a limit, a host, a secret). */
const DEFINING_PROPERTIES = ['IamRoleName', 'RegistrationLimit', 'DefaultInstanceName', 'SecretId', 'Generation'];

/**
 * The generation of an activation: a digest of its defining properties, so the same properties always name the same
 * generation. A rollback to the previous properties then finds the previous activation again instead of creating a
 * third one and orphaning the first.
 */
function generationFor(properties) {
  const defining = DEFINING_PROPERTIES.map((key) => [key, properties[key] ?? null]);
  return createHash('sha256').update(JSON.stringify(defining)).digest('hex').slice(0, 32);
}

async function generationExists(api, properties, generation) {
  const page = await api.describeActivations({
    Filters: [
      {
        FilterKey: 'DefaultInstanceName',
        FilterValues: [instanceNameOf(required(properties, 'DefaultInstanceName'), generation)],
      },
    ],
  });
  return (page.ActivationList ?? []).length > 0;
}

/**
 * The handler for the CDK custom resource provider framework, with the AWS calls injected (tests pass fakes).
 * @param {import('./index').SsmHybridActivationApi} api
 * @param {(properties: Record<string, unknown>) => string} [generationOf]
 */
function createHandler(api, generationOfProperties = generationFor) {
  return async (event) => {
    const properties = event.ResourceProperties ?? {};
    const generation = generationOfProperties(properties);
    if (event.RequestType === 'Create') return createGeneration(api, properties, generation);
    if (event.RequestType === 'Update') {
      // Only a change of what defines the activation needs a new one; a new description or tag keeps the running
      // host's registration. A new generation gets a new physical id, and CloudFormation deletes the old one
      // (deregistering the host it replaced) once the whole update succeeded.
      if (event.PhysicalResourceId === `${PHYSICAL_ID_PREFIX}${generation}`) {
        console.log(`activation generation ${generation} unchanged`);
        return { PhysicalResourceId: event.PhysicalResourceId };
      }
      if (await generationExists(api, properties, generation)) {
        // A rollback to properties whose activation still exists (CloudFormation never deleted it).
        console.log(`activation generation ${generation} still exists; reusing it`);
        return { PhysicalResourceId: `${PHYSICAL_ID_PREFIX}${generation}` };
      }
      return createGeneration(api, properties, generation);
    }
    if (event.RequestType === 'Delete') {
      const generation = generationOf(event.PhysicalResourceId);
      // A Create that failed before returning a physical id created nothing that outlived it.
      if (generation !== undefined) await deleteGeneration(api, properties, generation);
      return { PhysicalResourceId: event.PhysicalResourceId };
    }
    throw new Error(`SsmHybridActivation: unknown request type ${event.RequestType}`);
  };
}

/** The AWS SDK v3 clients of the Lambda runtime, behind the injected interface. */
function sdkApi() {
  const ssm = require('@aws-sdk/client-ssm');
  const secrets = require('@aws-sdk/client-secrets-manager');
  const ssmClient = new ssm.SSMClient({});
  const secretsClient = new secrets.SecretsManagerClient({});
  return {
    createActivation: (input) => ssmClient.send(new ssm.CreateActivationCommand(input)),
    describeActivations: (input) => ssmClient.send(new ssm.DescribeActivationsCommand(input)),
    deleteActivation: (input) => ssmClient.send(new ssm.DeleteActivationCommand(input)),
    describeInstanceInformation: (input) => ssmClient.send(new ssm.DescribeInstanceInformationCommand(input)),
    deregisterManagedInstance: (input) => ssmClient.send(new ssm.DeregisterManagedInstanceCommand(input)),
    putSecretValue: (input) => secretsClient.send(new secrets.PutSecretValueCommand(input)),
  };
}

let handlerInstance;
exports.handler = (event) => {
  handlerInstance ??= createHandler(sdkApi());
  return handlerInstance(event);
};
exports.createHandler = createHandler;
exports.generationFor = generationFor;
exports.PHYSICAL_ID_PREFIX = PHYSICAL_ID_PREFIX;
