import {
  createHandler,
  generationFor,
  PHYSICAL_ID_PREFIX,
  type SsmHybridActivationApi,
} from '../../../constructs/ssm-hybrid-activation/index';

const ACTIVATION = { ActivationId: 'a1b2c3d4-5678-90ab-cdef-EXAMPLE11111', ActivationCode: 'Fjz3/sZfSvv78EXAMPLE' };
const GENERATION = '0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0';
const PROPERTIES = {
  IamRoleName: 'HybridNodeRole-ABC',
  RegistrationLimit: '1',
  DefaultInstanceName: 'eks-workshop-hybrid-node',
  Description: 'eks-workshop EKS hybrid node',
  Tags: [{ Key: 'EKSClusterARN', Value: 'arn:aws:eks:eu-west-1:111122223333:cluster/eks-workshop' }],
  SecretId: 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:activation-AbCdEf',
};

function fakeApi(overrides: Partial<Record<keyof SsmHybridActivationApi, jest.Mock>> = {}) {
  const api = {
    createActivation: jest.fn().mockResolvedValue(ACTIVATION),
    describeActivations: jest.fn().mockResolvedValue({ ActivationList: [] }),
    deleteActivation: jest.fn().mockResolvedValue({}),
    describeInstanceInformation: jest.fn().mockResolvedValue({ InstanceInformationList: [] }),
    deregisterManagedInstance: jest.fn().mockResolvedValue({}),
    putSecretValue: jest.fn().mockResolvedValue({}),
    ...overrides,
  };
  return api;
}

const awsError = (name: string) => Object.assign(new Error(name), { name });

let logs: string[];
beforeEach(() => {
  logs = [];
  jest.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void logs.push(args.map(String).join(' ')));
});
afterEach(() => jest.restoreAllMocks());

describe('Create', () => {
  test('creates an activation for the role with the registration limit, the scope tag and a generation tag', async () => {
    const api = fakeApi();
    await createHandler(api, () => GENERATION)({ RequestType: 'Create', ResourceProperties: PROPERTIES });
    expect(api.createActivation).toHaveBeenCalledWith({
      IamRole: 'HybridNodeRole-ABC',
      RegistrationLimit: 1,
      DefaultInstanceName: 'eks-workshop-hybrid-node-0f1e2d3c',
      Description: 'eks-workshop EKS hybrid node',
      Tags: [...PROPERTIES.Tags, { Key: 'eks-networking-lab:activation-generation', Value: GENERATION }],
    });
  });

  test('writes the id and code into the secret only', async () => {
    const api = fakeApi();
    const result = await createHandler(
      api,
      () => GENERATION,
    )({ RequestType: 'Create', ResourceProperties: PROPERTIES });
    expect(api.putSecretValue).toHaveBeenCalledWith({
      SecretId: PROPERTIES.SecretId,
      SecretString: JSON.stringify({
        activationId: ACTIVATION.ActivationId,
        activationCode: ACTIVATION.ActivationCode,
      }),
    });
    expect(result).toEqual({ PhysicalResourceId: `${PHYSICAL_ID_PREFIX}${GENERATION}` });
    const visible = JSON.stringify(result) + logs.join('\n');
    expect(visible).not.toContain(ACTIVATION.ActivationId);
    expect(visible).not.toContain(ACTIVATION.ActivationCode);
  });

  test('deletes the activation again when the secret cannot be written, and fails', async () => {
    const api = fakeApi({ putSecretValue: jest.fn().mockRejectedValue(awsError('AccessDeniedException')) });
    await expect(
      createHandler(api, () => GENERATION)({ RequestType: 'Create', ResourceProperties: PROPERTIES }),
    ).rejects.toThrow('AccessDeniedException');
    expect(api.deleteActivation).toHaveBeenCalledWith({ ActivationId: ACTIVATION.ActivationId });
  });

  test('fails when a required property is missing', async () => {
    await expect(
      createHandler(fakeApi())({ RequestType: 'Create', ResourceProperties: { ...PROPERTIES, IamRoleName: '' } }),
    ).rejects.toThrow('IamRoleName');
  });
});

describe('Update', () => {
  const current = generationFor(PROPERTIES);

  test('keeps the activation (same physical id, no new activation) when nothing that defines it changed', async () => {
    const api = fakeApi();
    const result = await createHandler(api)({
      RequestType: 'Update',
      PhysicalResourceId: `${PHYSICAL_ID_PREFIX}${current}`,
      ResourceProperties: { ...PROPERTIES, Description: 'a new description', Tags: [] },
    });
    expect(result.PhysicalResourceId).toBe(`${PHYSICAL_ID_PREFIX}${current}`);
    expect(api.createActivation).not.toHaveBeenCalled();
  });

  test('creates a new generation (a new physical id) when the host is replaced, so CloudFormation deletes the previous one', async () => {
    const api = fakeApi();
    const replaced = { ...PROPERTIES, Generation: { ImageId: 'ami-new' } };
    const result = await createHandler(api)({
      RequestType: 'Update',
      PhysicalResourceId: `${PHYSICAL_ID_PREFIX}${current}`,
      ResourceProperties: replaced,
    });
    expect(api.createActivation).toHaveBeenCalledTimes(1);
    expect(result.PhysicalResourceId).toBe(`${PHYSICAL_ID_PREFIX}${generationFor(replaced)}`);
    expect(generationFor(replaced)).not.toBe(current);
  });

  test('on a rollback to properties whose activation still exists, returns that generation instead of orphaning it', async () => {
    const api = fakeApi({
      describeActivations: jest.fn().mockResolvedValue({ ActivationList: [{ ActivationId: ACTIVATION.ActivationId }] }),
    });
    const result = await createHandler(api)({
      RequestType: 'Update',
      PhysicalResourceId: `${PHYSICAL_ID_PREFIX}${generationFor({ ...PROPERTIES, Generation: { ImageId: 'ami-new' } })}`,
      ResourceProperties: PROPERTIES,
    });
    expect(result.PhysicalResourceId).toBe(`${PHYSICAL_ID_PREFIX}${current}`);
    expect(api.createActivation).not.toHaveBeenCalled();
    expect(api.describeActivations).toHaveBeenCalledWith({
      Filters: [
        { FilterKey: 'DefaultInstanceName', FilterValues: [`eks-workshop-hybrid-node-${current.slice(0, 8)}`] },
      ],
    });
  });

  test('names the same generation for the same defining properties, whatever their order', () => {
    const reordered = Object.fromEntries(Object.entries(PROPERTIES).reverse());
    expect(generationFor(reordered)).toBe(current);
    expect(current).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe('Delete', () => {
  const deleteEvent = {
    RequestType: 'Delete' as const,
    PhysicalResourceId: `${PHYSICAL_ID_PREFIX}${GENERATION}`,
    ResourceProperties: PROPERTIES,
  };

  test('deregisters every managed node of its generation (all pages), then deletes the activation', async () => {
    const api = fakeApi({
      describeActivations: jest.fn().mockResolvedValue({ ActivationList: [{ ActivationId: ACTIVATION.ActivationId }] }),
      describeInstanceInformation: jest
        .fn()
        .mockResolvedValueOnce({ InstanceInformationList: [{ InstanceId: 'mi-0123456789abcdef0' }], NextToken: 't1' })
        .mockResolvedValueOnce({ InstanceInformationList: [{ InstanceId: 'mi-0fedcba9876543210' }] }),
    });
    const result = await createHandler(api)(deleteEvent);
    expect(api.describeActivations).toHaveBeenCalledWith({
      Filters: [{ FilterKey: 'DefaultInstanceName', FilterValues: ['eks-workshop-hybrid-node-0f1e2d3c'] }],
    });
    expect(api.describeInstanceInformation).toHaveBeenNthCalledWith(2, {
      Filters: [{ Key: 'ActivationIds', Values: [ACTIVATION.ActivationId] }],
      NextToken: 't1',
    });
    expect(api.deregisterManagedInstance.mock.calls).toEqual([
      [{ InstanceId: 'mi-0123456789abcdef0' }],
      [{ InstanceId: 'mi-0fedcba9876543210' }],
    ]);
    expect(api.deleteActivation).toHaveBeenCalledWith({ ActivationId: ACTIVATION.ActivationId });
    expect(api.deregisterManagedInstance.mock.invocationCallOrder[1]).toBeLessThan(
      api.deleteActivation.mock.invocationCallOrder[0],
    );
    expect(result).toEqual({ PhysicalResourceId: deleteEvent.PhysicalResourceId });
    expect(logs.join('\n')).not.toContain(ACTIVATION.ActivationId);
  });

  test('treats nodes and activations that are already gone as deleted', async () => {
    const api = fakeApi({
      describeActivations: jest.fn().mockResolvedValue({ ActivationList: [{ ActivationId: ACTIVATION.ActivationId }] }),
      describeInstanceInformation: jest
        .fn()
        .mockResolvedValue({ InstanceInformationList: [{ InstanceId: 'mi-0123456789abcdef0' }] }),
      deregisterManagedInstance: jest.fn().mockRejectedValue(awsError('InvalidInstanceId')),
      deleteActivation: jest.fn().mockRejectedValue(awsError('InvalidActivation')),
    });
    await expect(createHandler(api)(deleteEvent)).resolves.toEqual({
      PhysicalResourceId: deleteEvent.PhysicalResourceId,
    });
  });

  test('fails on any other error, so CloudFormation reports it', async () => {
    const api = fakeApi({
      describeActivations: jest.fn().mockResolvedValue({ ActivationList: [{ ActivationId: ACTIVATION.ActivationId }] }),
      deleteActivation: jest.fn().mockRejectedValue(awsError('AccessDeniedException')),
    });
    await expect(createHandler(api)(deleteEvent)).rejects.toThrow('AccessDeniedException');
  });

  test('does nothing for a physical id it did not return (a Create that failed early)', async () => {
    const api = fakeApi();
    await createHandler(api)({
      RequestType: 'Delete',
      PhysicalResourceId: 'some-request-id',
      ResourceProperties: PROPERTIES,
    });
    expect(api.describeActivations).not.toHaveBeenCalled();
  });
});
