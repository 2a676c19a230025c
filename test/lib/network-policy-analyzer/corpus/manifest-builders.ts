import { stringify } from 'yaml';

/** A container port as a manifest declares it. */
export interface PortDeclaration {
  readonly name?: string;
  readonly containerPort: number;
  readonly protocol?: 'TCP' | 'UDP' | 'SCTP';
}

function splitName(qualified: string): { namespace: string; name: string } {
  const [namespace, name] = qualified.split('/');
  return { namespace, name };
}

function document(object: unknown): string {
  return `---\n${stringify(object)}`;
}

/** A Deployment `<namespace>/<name>` whose pod template carries `labels` and declares `ports`. */
export function deployment(
  qualified: string,
  labels: Readonly<Record<string, string>>,
  ports: readonly PortDeclaration[] = [],
): string {
  const { namespace, name } = splitName(qualified);
  return document({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace },
    spec: {
      selector: { matchLabels: labels },
      template: {
        metadata: { labels },
        spec: { containers: [{ name: 'main', image: 'public.ecr.aws/nginx/nginx:1.27', ports }] },
      },
    },
  });
}

export function namespace(name: string, labels: Readonly<Record<string, string>> = {}): string {
  return document({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels } });
}

export interface ServicePortDeclaration {
  readonly name?: string;
  readonly port: number;
  readonly targetPort?: number | string;
  readonly protocol?: 'TCP' | 'UDP' | 'SCTP';
}

export function service(
  qualified: string,
  selector: Readonly<Record<string, string>> | undefined,
  ports: readonly ServicePortDeclaration[],
): string {
  const { namespace: serviceNamespace, name } = splitName(qualified);
  return document({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace: serviceNamespace },
    spec: selector === undefined ? { ports } : { selector, ports },
  });
}

/** Manifest text: the builders' documents and hand-written YAML documents, in order. */
export function manifests(...documents: string[]): string {
  return documents.map((text) => (text.startsWith('---') ? text : `---\n${text}`)).join('\n');
}
