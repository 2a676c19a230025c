import type { LabExpectation } from '../../../lib/verify/lab-expectation';
import { formatLiveCheckCoverage, liveCheckCoverage } from '../../../lib/verify/live/live-check-coverage';

const expectation = (id: string, module: string, live: boolean): LabExpectation => ({
  id,
  module,
  subject: id,
  expected: 'anything',
  checkOffline: () => ({ pass: true, actual: 'offline' }),
  ...(live ? { live: { commands: () => [], interpret: () => ({ pass: true, actual: 'live' }) } } : {}),
});

describe('live check coverage', () => {
  const expectations = [
    expectation('base/a', 'base', true),
    expectation('hybrid-nodes/route', 'hybrid-nodes', false),
    expectation('base/b', 'base', true),
    expectation('hybrid-nodes/ready', 'hybrid-nodes', true),
  ];

  test('counts declared and live expectations per module, in order of first appearance', () => {
    expect(liveCheckCoverage(expectations)).toEqual([
      { module: 'base', declared: 2, live: 2, offlineOnly: [] },
      { module: 'hybrid-nodes', declared: 2, live: 1, offlineOnly: ['hybrid-nodes/route'] },
    ]);
  });

  test('formats one line per module, naming what is offline only', () => {
    expect(formatLiveCheckCoverage(liveCheckCoverage(expectations))).toEqual([
      'base: 2/2 live',
      'hybrid-nodes: 1/2 live (offline only: hybrid-nodes/route)',
    ]);
  });
});
