import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { main, EXIT_FAILED, EXIT_PASSED, EXIT_REFUSED } from '../../../bin/verify';
import { contextNamesCluster } from '../../../lib/verify/live/cluster-context-check';
import type { CommandResult, LiveCommand } from '../../../lib/verify/lab-expectation';
import {
  connectivityExpectation,
  FALLBACK_CURL_IMAGE,
} from '../../../lib/verify/expectations/connectivity-expectation';
import { labExpectations } from '../../../lib/verify/lab-expectations';
import type { SynthesizeOutput } from '../../../lib/verify/synthesized-lab';
import { verifyLive } from '../../../lib/verify/verify-live';
import { synthesizedOutputForTest } from '../../support/synthesized-output-cache';

const LAB_CONTEXT = 'arn:aws:eks:us-west-2:111122223333:cluster/eks-workshop';
const lab = synthesizedOutputForTest({ modules: '' });
/** What the CLI synthesizes, from the run's cache of synthesized output. */
const synthesize: SynthesizeOutput = (options) => synthesizedOutputForTest(options.context);

const ok = (stdout: string): CommandResult => ({ exitCode: 0, stdout, stderr: '' });
/** Recorded output of a base lab's cluster (test/fixtures/live/base). */
const recorded = (name: string): CommandResult =>
  ok(readFileSync(join(__dirname, '../../fixtures/live/base', name), 'utf8'));

/** A recorded cluster: answers each command by the first matching rule. */
function recordedCluster(rules: [RegExp, CommandResult][], log: string[] = []) {
  return async (command: LiveCommand): Promise<CommandResult> => {
    const line = [command.program, ...command.args].join(' ');
    log.push(line);
    for (const [pattern, answer] of rules) if (pattern.test(line)) return answer;
    throw new Error(`unexpected command: ${line}`);
  };
}

const healthyLab: [RegExp, CommandResult][] = [
  [/cloudformation describe-stacks/, ok(JSON.stringify([{ OutputKey: 'ClusterName', OutputValue: 'eks-workshop' }]))],
  [/config current-context/, ok(LAB_CONTEXT)],
  [/curl .*(http|telnet):/, { exitCode: 0, stdout: '', stderr: '< HTTP/1.1 200 OK' }],
  // Node readiness and aws-node per node read JSON; max pods reads the allocatable pods by jsonpath.
  [/get nodes -l eks-networking-lab\/node-group=default -o json$/, recorded('nodes-default-ready.json')],
  [/get nodes -o json$/, recorded('nodes-default-ready.json')],
  [/get pods -n kube-system -l k8s-app=aws-node -o json$/, recorded('aws-node-pods-running.json')],
  [/get nodes -l eks-networking-lab\/node-group=default/, ok('29 29 29')],
  [/eks describe-addon/, ok(JSON.stringify({ addon: { status: 'ACTIVE', addonVersion: 'v1.0.0-eksbuild.1' } }))],
  [
    /get deployments -n external-secrets/,
    ok(
      JSON.stringify({
        items: [{ metadata: { name: 'external-secrets' }, spec: { replicas: 1 }, status: { readyReplicas: 1 } }],
      }),
    ),
  ],
  [/get endpointslices/, ok(JSON.stringify({ items: [{ endpoints: [{ conditions: { ready: true } }] }] }))],
];

function captureIo() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (text: string) => out.push(text), stderr: (text: string) => err.push(text) }, out, err };
}

describe('cluster context check', () => {
  test('recognises the context name update-kubeconfig writes', () => {
    expect(contextNamesCluster(LAB_CONTEXT, 'eks-workshop')).toBe(true);
    expect(contextNamesCluster('arn:aws:eks:us-west-2:111122223333:cluster/eks-workshop-2', 'eks-workshop')).toBe(
      false,
    );
  });

  test('refuses to run when the current context is another cluster, and runs no check', async () => {
    const log: string[] = [];
    const run = recordedCluster(
      [
        [/cloudformation/, { exitCode: 255, stdout: '', stderr: 'no credentials' }],
        [/current-context/, ok('arn:aws:eks:us-west-2:111122223333:cluster/production')],
        [/config view/, ok('https://PROD.gr7.us-west-2.eks.amazonaws.com')],
        [/describe-cluster/, ok('https://LAB.gr7.us-west-2.eks.amazonaws.com')],
      ],
      log,
    );
    const verification = await verifyLive(lab, run);
    expect(verification.kind).toBe('refused');
    expect(verification.kind === 'refused' && verification.message).toMatch(/not the lab cluster "eks-workshop"/);
    expect(log.some((line) => line.includes('exec'))).toBe(false);
  });

  test('accepts a renamed context whose API server is the lab cluster endpoint', async () => {
    const run = recordedCluster([
      [/current-context/, ok('my-lab')],
      [/config view/, ok('https://LAB.gr7.us-west-2.eks.amazonaws.com')],
      [/describe-cluster/, ok('https://LAB.gr7.us-west-2.eks.amazonaws.com')],
      ...healthyLab,
    ]);
    expect((await verifyLive(lab, run)).kind).toBe('ran');
  });

  test('exits 3 from the CLI when refused', async () => {
    const { io, err } = captureIo();
    const run = recordedCluster([
      [/cloudformation/, ok('[]')],
      [/current-context/, { exitCode: 1, stdout: '', stderr: 'error: current-context is not set' }],
    ]);
    expect(await main(['--modules', '', '--live'], io, run, synthesize)).toBe(EXIT_REFUSED);
    expect(err.join('\n')).toMatch(/aws eks update-kubeconfig --name eks-workshop/);
  });
});

describe('live run', () => {
  test('passes and exits 0 when every check passes, reading the cluster name from the stack output', async () => {
    const { io, out } = captureIo();
    expect(await main(['--modules', '', '--live'], io, recordedCluster(healthyLab), synthesize)).toBe(EXIT_PASSED);
    // 9 app calls, max pods and readiness of the default node group, aws-node on every node, 5 parts.
    expect(out.join('\n')).toMatch(/17 passed, 0 failed \(live\)/);
  });

  test('fails with exit 1 when a call the app needs times out, and says so in JSON', async () => {
    const { io, out } = captureIo();
    const run = recordedCluster([
      [
        /deployment\/ui -- curl .*catalog/,
        { exitCode: 28, stdout: '', stderr: 'curl: (28) Resolving timed out after 5000 milliseconds' },
      ],
      ...healthyLab,
    ]);
    expect(await main(['--modules', '', '--live', '--json'], io, run, synthesize)).toBe(EXIT_FAILED);
    const report = JSON.parse(out.join('\n')) as {
      failed: number;
      results: { id: string; pass: boolean; actual: string }[];
    };
    expect(report.failed).toBe(1);
    expect(report.results.find((result) => result.id === 'app/ui-to-catalog')).toMatchObject({
      pass: false,
      actual: expect.stringMatching(/^dns-failure/),
    });
  });

  test('fails the max-pods check when nodes run with another value', async () => {
    const { io, out } = captureIo();
    const run = recordedCluster([[/get nodes/, ok('29 110 29')], ...healthyLab]);
    expect(await main(['--modules', '', '--live'], io, run, synthesize)).toBe(EXIT_FAILED);
    expect(out.join('\n')).toMatch(/^FAIL {2}base +max-pods-default +.*29, 110, 29/m);
  });

  test('--dry-run prints the exact commands and runs none', async () => {
    const { io, out } = captureIo();
    const run = async (): Promise<CommandResult> => {
      throw new Error('must not run');
    };
    expect(await main(['--modules', '', '--live', '--dry-run'], io, run, synthesize)).toBe(EXIT_PASSED);
    const text = out.join('\n');
    expect(text).toContain('kubectl config current-context');
    expect(text).toContain(
      'kubectl exec -n ui deployment/ui -- curl -v -s -o /dev/null --connect-timeout 5 --max-time 8 http://catalog.catalog:80/health',
    );
    expect(text).toContain(
      "kubectl get nodes -l eks-networking-lab/node-group=default -o 'jsonpath={.items[*].status.allocatable.pods}'",
    );
  });
});

describe('commands per kind of expectation', () => {
  const context = { clusterName: 'eks-workshop', stackOutputs: {}, lab };

  test('a connectivity check execs curl in the source deployment with the workshop timeout', () => {
    const expectation = connectivityExpectation({
      id: 'x/ui-to-mysql',
      module: 'x',
      from: { namespace: 'ui', workload: 'ui' },
      to: { kind: 'service', namespace: 'catalog', name: 'catalog-mysql', port: 3306 },
      expect: 'blocked',
    });
    expect(expectation.live?.commands(context)).toEqual([
      {
        program: 'kubectl',
        args: [
          'exec',
          '-n',
          'ui',
          'deployment/ui',
          '--',
          'curl',
          '-v',
          '-s',
          '-o',
          '/dev/null',
          '--connect-timeout',
          '5',
          '--max-time',
          '8',
          'telnet://catalog-mysql.catalog:3306',
        ],
      },
    ]);
  });

  test('without curl in the image, falls back to an ephemeral pod with the source labels and namespace', () => {
    const [expectation] = labExpectations(lab.plan).filter(
      (candidate) => candidate.id === 'app/catalog-to-catalog-mysql',
    );
    const noCurl = { exitCode: 126, stdout: '', stderr: 'exec: "curl": executable file not found in $PATH' };
    const fallback = expectation.live?.fallback?.([noCurl], context);
    expect(fallback).toHaveLength(1);
    expect(fallback?.[0].args).toEqual(
      expect.arrayContaining([
        'run',
        '-n',
        'catalog',
        `--image=${FALLBACK_CURL_IMAGE}`,
        '--labels=app.kubernetes.io/component=service,app.kubernetes.io/created-by=eks-workshop,app.kubernetes.io/instance=catalog,app.kubernetes.io/name=catalog',
        'telnet://catalog-mysql.catalog:3306',
      ]),
    );
    expect(
      expectation.live?.fallback?.([{ exitCode: 0, stdout: '', stderr: '< HTTP/1.1 200 OK' }], context),
    ).toBeUndefined();
  });

  test('a live run reports which fallback answered', async () => {
    const run = recordedCluster([
      [
        /deployment\/catalog -- curl/,
        { exitCode: 126, stdout: '', stderr: 'exec: "curl": executable file not found in $PATH' },
      ],
      [
        /run lab-verify-app-catalog-to-catalog-mysql/,
        { exitCode: 0, stdout: '', stderr: '* Connected to catalog-mysql.catalog (172.20.1.1) port 3306' },
      ],
      ...healthyLab,
    ]);
    const verification = await verifyLive(lab, run);
    expect(verification.kind).toBe('ran');
    const result =
      verification.kind === 'ran'
        ? verification.summary.results.find((r) => r.expectation.id === 'app/catalog-to-catalog-mysql')
        : undefined;
    expect(result?.outcome.pass).toBe(true);
    expect(result?.outcome.notes?.join(' ')).toMatch(
      /answered by: kubectl run lab-verify-app-catalog-to-catalog-mysql/,
    );
  });
});
