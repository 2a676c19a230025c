/**
 * Cluster add-ons that pods talk to but that no manifest of ours contains, modelled as plain Kubernetes objects
 * so the connectivity analysis can answer DNS questions. CoreDNS as the EKS `coredns` add-on installs it: pods
 * labelled `k8s-app: kube-dns` in kube-system behind Service `kube-dns` (53/UDP `dns`, 53/TCP `dns-tcp`).
 */
export const COREDNS_SERVICE = { namespace: 'kube-system', name: 'kube-dns', port: 53 } as const;

export const CLUSTER_ADDON_OBJECTS: readonly object[] = [
  { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'kube-system' } },
  {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: 'coredns',
      namespace: 'kube-system',
      labels: { 'k8s-app': 'kube-dns', 'eks.amazonaws.com/component': 'coredns' },
    },
    spec: {
      selector: { matchLabels: { 'k8s-app': 'kube-dns', 'eks.amazonaws.com/component': 'coredns' } },
      template: {
        metadata: { labels: { 'k8s-app': 'kube-dns', 'eks.amazonaws.com/component': 'coredns' } },
        spec: {
          containers: [
            {
              name: 'coredns',
              image: 'coredns',
              ports: [
                { name: 'dns', containerPort: 53, protocol: 'UDP' },
                { name: 'dns-tcp', containerPort: 53, protocol: 'TCP' },
                { name: 'metrics', containerPort: 9153, protocol: 'TCP' },
              ],
            },
          ],
        },
      },
    },
  },
  {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: COREDNS_SERVICE.name, namespace: COREDNS_SERVICE.namespace, labels: { 'k8s-app': 'kube-dns' } },
    spec: {
      selector: { 'k8s-app': 'kube-dns' },
      ports: [
        { name: 'dns', port: 53, targetPort: 53, protocol: 'UDP' },
        { name: 'dns-tcp', port: 53, targetPort: 53, protocol: 'TCP' },
      ],
    },
  },
];
