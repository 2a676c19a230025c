import { parseQuantity, podRequest } from '../../../lib/verify/live/resource-quantity';

describe('Kubernetes quantities', () => {
  test.each([
    ['200m', 0.2],
    ['1930m', 1.93],
    ['2', 2],
    ['1.5', 1.5],
    ['7291856Ki', 7291856 * 1024],
    ['512Mi', 512 * 1024 * 1024],
    ['1G', 1e9],
    ['110', 110],
    ['1e3', 1000],
  ])('%s is %d', (text, value) => {
    expect(parseQuantity(text)).toBeCloseTo(value, 9);
  });

  test('rejects what is not a quantity', () => {
    expect(parseQuantity('two')).toBeUndefined();
    expect(parseQuantity('5Xi')).toBeUndefined();
  });
});

describe('pod requests as the scheduler counts them', () => {
  test('sums the containers', () => {
    const pod = {
      spec: {
        containers: [{ resources: { requests: { cpu: '200m' } } }, { resources: { requests: { cpu: '50m' } } }, {}],
      },
    };
    expect(podRequest(pod, 'cpu')).toBeCloseTo(0.25, 9);
    expect(podRequest(pod, 'memory')).toBe(0);
  });

  test('takes the largest init container when it asks for more than the containers together', () => {
    const pod = {
      spec: {
        containers: [{ resources: { requests: { cpu: '100m' } } }],
        initContainers: [{ resources: { requests: { cpu: '500m' } } }, { resources: { requests: { cpu: '300m' } } }],
      },
    };
    expect(podRequest(pod, 'cpu')).toBeCloseTo(0.5, 9);
  });
});
