import { MODULE_NAMES } from './modules/module-registry';

/** A named set of context values the project synthesizes and tests. */
export interface LabConfiguration {
  readonly name: string;
  readonly context: Readonly<Record<string, string>>;
}

/** Documentation range (RFC 5737) used wherever a configuration needs an inbound CIDR. */
export const EXAMPLE_INBOUND_CIDR = '203.0.113.0/24';

/**
 * Every configuration the tests cover and `npm test` synthesizes with the CDK CLI: the base lab, the base with
 * the ui exposed, each module alone, the hybrid lab's Ingress stage, and every module together with the ui exposed.
 */
export function labConfigurations(): LabConfiguration[] {
  const exposure = { exposeUi: 'true', inboundCidrs: EXAMPLE_INBOUND_CIDR };
  return [
    { name: 'base', context: {} },
    { name: 'expose-ui', context: exposure },
    ...MODULE_NAMES.map((name) => ({ name, context: { modules: name } })),
    // The one stage whose objects no default stage deploys: nginx-remote behind its ALB Ingress.
    ...(MODULE_NAMES.includes('hybrid-nodes')
      ? [
          {
            name: 'hybrid-nodes-remote-workloads',
            context: { modules: 'hybrid-nodes', 'hybridNodes.stage': 'remote-workloads', ...exposure },
          },
        ]
      : []),
    ...(MODULE_NAMES.length > 1
      ? [{ name: 'all-modules', context: { modules: MODULE_NAMES.join(','), ...exposure } }]
      : []),
  ];
}
