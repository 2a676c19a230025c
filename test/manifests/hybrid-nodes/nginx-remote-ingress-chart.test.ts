import { App } from 'cdk8s';
import { NginxRemoteIngressChart } from '../../../manifests/hybrid-nodes/nginx-remote-ingress-chart';
import { kubernetesValidationErrors } from '../../support/kubernetes-validation';

test('restricts the ALB to the given CIDRs and validates', () => {
  const [ingress] = new NginxRemoteIngressChart(new App(), 'I', {
    inboundCidrs: ['203.0.113.0/24', '198.51.100.1/32'],
  }).toJson();
  expect(ingress.metadata.annotations['alb.ingress.kubernetes.io/inbound-cidrs']).toBe(
    '203.0.113.0/24,198.51.100.1/32',
  );
  expect(kubernetesValidationErrors(ingress)).toEqual([]);
});

test('fails without an inbound CIDR (an ALB open to everyone is never implied)', () => {
  expect(() => new NginxRemoteIngressChart(new App(), 'I', { inboundCidrs: [] })).toThrow('at least one inbound CIDR');
});
