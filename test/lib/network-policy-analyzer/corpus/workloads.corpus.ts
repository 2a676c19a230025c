import { CorpusCase } from './corpus-case';
import { deployment, manifests } from './manifest-builders';

const denyTargetIngress = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny-targets, namespace: default}
spec:
  podSelector: {matchLabels: {role: target}}
  policyTypes: [Ingress]`;

export const workloadCases: readonly CorpusCase[] = [
  {
    name: 'selects every workload kind by the labels of its pod template, not of the controller',
    spec: 'Issue 5: Deployments, StatefulSets, DaemonSets, ReplicaSets, Jobs, CronJobs and bare Pods, labels from the pod template',
    manifests: manifests(
      deployment('default/client', { app: 'client' }),
      `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: stateful, namespace: default, labels: {role: not-target}}
spec:
  template:
    metadata: {labels: {role: target}}
    spec: {containers: [{name: main, image: busybox}]}
---
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: daemon, namespace: default}
spec:
  template:
    metadata: {labels: {role: target}}
    spec: {containers: [{name: main, image: busybox}]}
---
apiVersion: apps/v1
kind: ReplicaSet
metadata: {name: replicas, namespace: default}
spec:
  template:
    metadata: {labels: {role: target}}
    spec: {containers: [{name: main, image: busybox}]}
---
apiVersion: batch/v1
kind: Job
metadata: {name: job, namespace: default}
spec:
  template:
    metadata: {labels: {role: target}}
    spec: {containers: [{name: main, image: busybox}], restartPolicy: Never}
---
apiVersion: batch/v1
kind: CronJob
metadata: {name: cron, namespace: default}
spec:
  schedule: '* * * * *'
  jobTemplate:
    spec:
      template:
        metadata: {labels: {role: target}}
        spec: {containers: [{name: main, image: busybox}], restartPolicy: Never}
---
apiVersion: v1
kind: Pod
metadata: {name: bare, namespace: default, labels: {role: target}}
spec: {containers: [{name: main, image: busybox}]}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: decoy, namespace: default, labels: {role: target}}
spec:
  template:
    metadata: {labels: {role: decoy}}
    spec: {containers: [{name: main, image: busybox}]}`,
      denyTargetIngress,
    ),
    expect: [
      { from: 'default/client', to: 'default/stateful', ports: 'no ports' },
      { from: 'default/client', to: 'default/daemon', ports: 'no ports' },
      { from: 'default/client', to: 'default/replicas', ports: 'no ports' },
      { from: 'default/client', to: 'default/job', ports: 'no ports' },
      { from: 'default/client', to: 'default/cron', ports: 'no ports' },
      { from: 'default/client', to: 'default/bare', ports: 'no ports' },
      { from: 'default/client', to: 'default/decoy', ports: 'all ports' },
    ],
  },
  {
    name: 'places objects without metadata.namespace in the default namespace',
    spec: 'Issue 5: missing namespace in an object means default',
    manifests: manifests(
      deployment('default/client', { app: 'client' }),
      `apiVersion: apps/v1
kind: Deployment
metadata: {name: target}
spec:
  template:
    metadata: {labels: {role: target}}
    spec: {containers: [{name: main, image: busybox}]}`,
      denyTargetIngress,
    ),
    expect: [{ from: 'default/client', to: 'default/target', ports: 'no ports' }],
  },
  {
    name: 'reads the objects inside kind: List documents',
    spec: 'Issue 5: kind: List documents included',
    manifests: `apiVersion: v1
kind: List
items:
- apiVersion: apps/v1
  kind: Deployment
  metadata: {name: client, namespace: default}
  spec:
    template:
      metadata: {labels: {app: client}}
      spec: {containers: [{name: main, image: busybox}]}
- apiVersion: apps/v1
  kind: Deployment
  metadata: {name: target, namespace: default}
  spec:
    template:
      metadata: {labels: {role: target}}
      spec: {containers: [{name: main, image: busybox}]}
- ${denyTargetIngress.split('\n').join('\n  ')}`,
    expect: [
      { from: 'default/client', to: 'default/target', ports: 'no ports' },
      { from: 'default/target', to: 'default/client', ports: 'all ports' },
    ],
  },
  {
    name: 'ignores a NetworkPolicy of another API group such as Calico',
    spec: 'Only networking.k8s.io/v1 NetworkPolicy semantics are modelled',
    manifests: manifests(
      deployment('default/client', { app: 'client' }),
      deployment('default/target', { role: 'target' }),
      `apiVersion: crd.projectcalico.org/v1
kind: NetworkPolicy
metadata: {name: calico-deny, namespace: default}
spec:
  selector: role == 'target'
  types: [Ingress]`,
    ),
    expect: [{ from: 'default/client', to: 'default/target', ports: 'all ports' }],
  },
];
