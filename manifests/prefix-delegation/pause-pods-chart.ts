import { Chart } from 'cdk8s';
import { k8s } from 'cdk8s-plus-31';
import type { Construct } from 'constructs';

/** The workshop's density proof (eks-workshop-v2 manifests/modules/networking/prefix/deployment-pause.yaml). */
export const PAUSE_PODS = {
  name: 'pause-pods-prefix',
  namespace: 'other',
  labels: { run: 'pause-pods-prefix' },
  containerName: 'reserve-resources',
} as const;

/**
 * The workshop uses `registry.k8s.io/pause` without a tag; pinned here to 3.10.1, the sandbox image kubeadm pins for
 * Kubernetes 1.34 and 1.35 (kubernetes/kubernetes cmd/kubeadm/app/constants/constants.go, `PauseVersion`; kubeadm's
 * preflight recommends "registry.k8s.io/pause:3.10.1"). Since 3.5 the image runs as a non-root user (65535) by default
 * (kubernetes/kubernetes build/pause/CHANGELOG.md).
 */
export const PAUSE_IMAGE = 'registry.k8s.io/pause:3.10.1';

/** The user the pause image declares (65535, "nobody"). */
export const PAUSE_IMAGE_USER = 65535;

/**
 * Requests small enough that the pod count, not CPU or memory, limits scheduling: 110 pods request 110m CPU and
 * 880Mi, well inside an m5.large or t3.medium. The memory limit is a safety net (pause uses well under 1 MiB).
 */
export const PAUSE_POD_RESOURCES = {
  requests: { cpu: '1m', memory: '8Mi' },
  limits: { memory: '16Mi' },
} as const;

export interface PausePodsChartProps {
  /** Replicas of the Deployment; the workshop runs 150. */
  readonly replicas: number;
}

/** Deployment `pause-pods-prefix` in namespace `other`: pods that only hold an IP address, to fill nodes. */
export class PausePodsChart extends Chart {
  readonly deployment: k8s.KubeDeployment;

  constructor(scope: Construct, id: string, props: PausePodsChartProps) {
    super(scope, id);
    if (!Number.isInteger(props.replicas) || props.replicas < 1) {
      throw new Error(`PausePodsChart needs a whole number of replicas of 1 or more, got ${props.replicas}`);
    }
    this.deployment = new k8s.KubeDeployment(this, 'Deployment', {
      metadata: { name: PAUSE_PODS.name, namespace: PAUSE_PODS.namespace, labels: { ...PAUSE_PODS.labels } },
      spec: {
        replicas: props.replicas,
        selector: { matchLabels: { ...PAUSE_PODS.labels } },
        template: {
          metadata: { labels: { ...PAUSE_PODS.labels } },
          spec: {
            automountServiceAccountToken: false,
            securityContext: {
              runAsNonRoot: true,
              runAsUser: PAUSE_IMAGE_USER,
              seccompProfile: { type: 'RuntimeDefault' },
            },
            containers: [
              {
                name: PAUSE_PODS.containerName,
                image: PAUSE_IMAGE,
                imagePullPolicy: 'IfNotPresent',
                resources: {
                  requests: {
                    cpu: k8s.Quantity.fromString(PAUSE_POD_RESOURCES.requests.cpu),
                    memory: k8s.Quantity.fromString(PAUSE_POD_RESOURCES.requests.memory),
                  },
                  limits: { memory: k8s.Quantity.fromString(PAUSE_POD_RESOURCES.limits.memory) },
                },
                securityContext: {
                  allowPrivilegeEscalation: false,
                  readOnlyRootFilesystem: true,
                  capabilities: { drop: ['ALL'] },
                },
              },
            ],
          },
        },
      },
    });
  }
}
