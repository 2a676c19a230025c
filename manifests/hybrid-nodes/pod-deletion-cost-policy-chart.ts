import { Chart } from 'cdk8s';
import type { Construct } from 'constructs';
import { POD_DELETION_COST_POLICY } from './hybrid-nodes-names';
import { KyvernoClusterPolicy } from './kyverno-cluster-policy';
import { COMPUTE_TYPE_LABEL, HYBRID_COMPUTE_TYPE } from '../well-known-labels';

/**
 * The lab's `kyverno/policy.yaml`: when a pod is bound to a node whose `eks.amazonaws.com/compute-type` is
 * `hybrid`, annotate it with `controller.kubernetes.io/pod-deletion-cost: "1"`, so a scale-down removes the
 * (cost 0) cloud pods first and the workload shrinks back onto the hybrid node. It applies to any pod bound to a
 * hybrid node, not only nginx.
 *
 * Beyond the workshop, the policy's webhook fails open: it intercepts every pod binding outside kube-system and
 * kyverno, and with Kyverno's default (Fail) a Kyverno outage would leave every new pod Pending. A missed
 * deletion-cost annotation only changes which pod a scale-down removes first.
 */
export class PodDeletionCostPolicyChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new KyvernoClusterPolicy(this, 'Policy', {
      name: POD_DELETION_COST_POLICY.name,
      failurePolicy: 'Ignore',
      annotations: {
        'policies.kyverno.io/title': 'Set Pod Deletion Cost',
        'policies.kyverno.io/category': 'Pod Management',
        'policies.kyverno.io/severity': 'medium',
      },
      rules: [
        {
          name: POD_DELETION_COST_POLICY.rule,
          match: { any: [{ resources: { kinds: ['Pod/binding'] } }] },
          context: [
            { name: 'node', variable: { jmesPath: 'request.object.target.name', default: '' } },
            {
              name: 'computeType',
              apiCall: {
                urlPath: '/api/v1/nodes/{{node}}',
                jmesPath: `metadata.labels."${COMPUTE_TYPE_LABEL}" || 'empty'`,
              },
            },
          ],
          preconditions: { all: [{ key: '{{ computeType }}', operator: 'Equals', value: HYBRID_COMPUTE_TYPE }] },
          mutate: {
            targets: [
              {
                apiVersion: 'v1',
                kind: 'Pod',
                name: '{{ request.object.metadata.name }}',
                namespace: '{{ request.object.metadata.namespace }}',
              },
            ],
            patchStrategicMerge: {
              metadata: { annotations: { [POD_DELETION_COST_POLICY.annotation]: POD_DELETION_COST_POLICY.value } },
            },
          },
        },
      ],
    });
  }
}
