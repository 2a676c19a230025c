import { CLUSTER_ADDON_OBJECTS, COREDNS_SERVICE } from '../cluster-addon-models';
import {
  analyzeConnectivity,
  type ConnectivityAnalysis,
  describeRule,
  formatWarning,
  type ReachabilityVerdict,
  type ServiceReachabilityVerdict,
} from '../../network-policy-analyzer';
import type { CheckOutcome, CommandResult, LabExpectation, LiveCommand } from '../lab-expectation';
import { classifyCurl, outcomeReached } from '../live/curl-outcome';
import type { SynthesizedOutput } from '../synthesized-lab';
import { kubectl, labelSelector } from '../live/live-commands';

/** The workshop's connect timeout for every curl check. */
export const CONNECT_TIMEOUT_SECONDS = 5;

export type ConnectivityTarget =
  | {
      readonly kind: 'service';
      readonly namespace: string;
      readonly name: string;
      readonly port: number;
      readonly path?: string;
    }
  | { readonly kind: 'external'; readonly host: string; readonly address: string; readonly port: number };

export interface ConnectivityExpectationProps {
  readonly id: string;
  readonly module: string;
  /** Source workload (Deployment, StatefulSet, ...) by namespace and name. */
  readonly from: { readonly namespace: string; readonly workload: string };
  readonly to: ConnectivityTarget;
  readonly expect: 'allowed' | 'blocked';
  readonly source?: string;
}

const analyses = new WeakMap<SynthesizedOutput, ConnectivityAnalysis>();

/** The connectivity analysis of everything the lab deploys, plus the modelled cluster add-ons (CoreDNS). */
export function labConnectivity(lab: SynthesizedOutput): ConnectivityAnalysis {
  let analysis = analyses.get(lab);
  if (!analysis) {
    analysis = analyzeConnectivity([
      ...lab.kubernetesObjects.map((deployed) => deployed.object),
      ...CLUSTER_ADDON_OBJECTS,
    ]);
    analyses.set(lab, analysis);
  }
  return analysis;
}

function describeTarget(to: ConnectivityTarget): string {
  return to.kind === 'service' ? `${to.name}.${to.namespace}:${to.port}` : `${to.host}:${to.port}`;
}

function targetUrl(to: ConnectivityTarget): string {
  if (to.kind === 'external') return to.port === 80 ? `http://${to.host}` : `telnet://${to.host}:${to.port}`;
  const host = `${to.name}.${to.namespace}`;
  return to.path === undefined ? `telnet://${host}:${to.port}` : `http://${host}:${to.port}${to.path}`;
}

type AnyVerdict = ReachabilityVerdict | ServiceReachabilityVerdict;

function directionVerdicts(verdict: AnyVerdict): readonly ReachabilityVerdict[] {
  return 'backends' in verdict ? verdict.backends : [verdict];
}

/** `allowed by NetworkPolicy ui/allow-ui-egress spec.egress[0]` or `blocked: ui/ui is isolated for egress by ...`. */
function shortReason(verdict: AnyVerdict): string {
  const parts = directionVerdicts(verdict);
  if (parts.length === 0) return 'blocked: the Service has no backend on that port';
  if (verdict.allowed) {
    const rules = [
      ...new Set(
        parts.flatMap((part) => [...part.egress.allowingRules, ...part.ingress.allowingRules]).map(describeRule),
      ),
    ];
    return rules.length === 0 ? 'allowed (no NetworkPolicy isolates either end)' : `allowed by ${rules.join(', ')}`;
  }
  const denied = parts.find((part) => !part.allowed) ?? parts[0];
  const direction = denied.egress.allowed ? denied.ingress : denied.egress;
  return `blocked: ${direction.subject} is isolated for ${direction.direction} by ${direction.isolatingPolicies.join(', ')} and no rule allows it`;
}

function offlineVerdict(lab: SynthesizedOutput, props: ConnectivityExpectationProps): CheckOutcome {
  const analysis = labConnectivity(lab);
  const from = `${props.from.namespace}/${props.from.workload}`;
  const dns = analysis.canReachService(
    from,
    `${COREDNS_SERVICE.namespace}/${COREDNS_SERVICE.name}`,
    COREDNS_SERVICE.port,
    'UDP',
  );
  const verdict =
    props.to.kind === 'service'
      ? analysis.canReachService(from, `${props.to.namespace}/${props.to.name}`, props.to.port, 'TCP')
      : analysis.canReach(from, { external: props.to.address }, props.to.port, 'TCP');
  const notes = [...new Set([...dns.warnings, ...verdict.warnings].map(formatWarning))];
  if (!dns.allowed) {
    return {
      pass: props.expect === 'blocked',
      actual: `blocked at DNS (${shortReason(dns).replace(/^blocked: /, '')})`,
      notes,
    };
  }
  return { pass: verdict.allowed === (props.expect === 'allowed'), actual: shortReason(verdict), notes };
}

/** An image with curl for the fallback pod (Amazon Linux 2023 ships curl-minimal), from ECR Public (no rate limits). */
export const FALLBACK_CURL_IMAGE = 'public.ecr.aws/amazonlinux/amazonlinux:2023';

/** The workshop's probe: `curl -v` with a 5 s connect timeout, output discarded (the verbose log is classified). */
export function curlArgs(url: string): string[] {
  return [
    'curl',
    '-v',
    '-s',
    '-o',
    '/dev/null',
    '--connect-timeout',
    String(CONNECT_TIMEOUT_SECONDS),
    '--max-time',
    String(CONNECT_TIMEOUT_SECONDS + 3),
    url,
  ];
}

/** `kubectl exec` of the probe in a pod of a Deployment (optionally in one container). */
export function curlFromDeployment(
  namespace: string,
  deployment: string,
  url: string,
  container?: string,
): LiveCommand {
  return kubectl(
    'exec',
    '-n',
    namespace,
    `deployment/${deployment}`,
    ...(container ? ['-c', container] : []),
    '--',
    ...curlArgs(url),
  );
}

/** The pod template labels of the source workload, as synthesized (an ephemeral pod with them gets the same policies). */
function sourcePodLabels(lab: SynthesizedOutput, namespace: string, workload: string): Record<string, string> {
  const found = lab.kubernetesObjects
    .map((deployed) => deployed.object)
    .find(
      (object) =>
        object.metadata.name === workload &&
        (object.metadata.namespace ?? 'default') === namespace &&
        typeof object.spec === 'object',
    );
  const template = (found?.spec as { template?: { metadata?: { labels?: Record<string, string> } } } | undefined)
    ?.template;
  return template?.metadata?.labels ?? {};
}

/** `lab-verify-<id>`, a valid pod name. */
function fallbackPodName(id: string): string {
  return `lab-verify-${id.toLowerCase().replace(/[^a-z0-9-]+/g, '-')}`.slice(0, 63).replace(/-+$/, '');
}

/**
 * `<source> -> <service or address>` is allowed or blocked: checked offline by the NetworkPolicy analysis (DNS
 * included: a blocked lookup blocks the call, as the workshop's `Resolving timed out` shows) and live by curl
 * from a pod of the source workload, like the workshop.
 */
export function connectivityExpectation(props: ConnectivityExpectationProps): LabExpectation {
  const subject = `${props.from.namespace}/${props.from.workload} -> ${describeTarget(props.to)}`;
  return {
    id: props.id,
    module: props.module,
    subject,
    expected: props.expect,
    source: props.source,
    checkOffline: (lab) => offlineVerdict(lab, props),
    live: {
      commands: (): LiveCommand[] => [
        curlFromDeployment(props.from.namespace, props.from.workload, targetUrl(props.to)),
      ],
      // No curl in the source image: an ephemeral pod with the source's namespace and labels is subject to the
      // same NetworkPolicies (and SecurityGroupPolicies), so it answers the same question.
      fallback: (results, context): LiveCommand[] | undefined => {
        if (!/executable file not found|curl: not found|exec: "curl"/i.test(`${results[0].stdout}${results[0].stderr}`))
          return undefined;
        const labels = labelSelector(sourcePodLabels(context.lab, props.from.namespace, props.from.workload));
        return [
          kubectl(
            'run',
            fallbackPodName(props.id),
            '-n',
            props.from.namespace,
            '--rm',
            '-i',
            '--quiet',
            '--restart=Never',
            `--image=${FALLBACK_CURL_IMAGE}`,
            ...(labels ? [`--labels=${labels}`] : []),
            '--command',
            '--',
            ...curlArgs(targetUrl(props.to)),
          ),
        ];
      },
      interpret: (results: readonly CommandResult[]): CheckOutcome => {
        const classified = classifyCurl(results[0]);
        const reached = outcomeReached(classified.outcome);
        const actual = `${classified.outcome}: ${classified.evidence}`;
        return { pass: reached !== undefined && reached === (props.expect === 'allowed'), actual };
      },
    },
  };
}
