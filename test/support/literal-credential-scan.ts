import type { SynthesizedOutput } from '../../lib/verify/synthesized-lab';

export interface CredentialFinding {
  readonly where: string;
  readonly what: string;
}

/**
 * Known placeholders that look like credentials but are not: the workshop gives DynamoDB Local (which ignores
 * signatures) the literal `AWS_ACCESS_KEY_ID=key` / `AWS_SECRET_ACCESS_KEY=secret` so the carts service never
 * falls back to real AWS credentials.
 */
export const ALLOWED_PLACEHOLDERS: readonly { readonly key: string; readonly value: string }[] = [
  { key: 'AWS_ACCESS_KEY_ID', value: 'key' },
  { key: 'AWS_SECRET_ACCESS_KEY', value: 'secret' },
];

/** Names of keys that hold secrets: `MYSQL_PASSWORD`, `masterUserPassword`, `AWS_SECRET_ACCESS_KEY`, `activationCode`, `apiToken`. */
const SECRET_KEY_NAME =
  /(password|passwd|secret(_?access)?(_?key)?$|^secret|_secret|activation_?code|private_?key|api_?key|(^|[a-z_])token$)/i;
const AWS_ACCESS_KEY_ID = /\b(AKIA|ASIA)[0-9A-Z]{16}\b/;
const PRIVATE_KEY_BLOCK = /-----BEGIN [A-Z ]*PRIVATE KEY-----/;
/** CloudFormation placeholders (`${Ref:...}`, dynamic references) are not literal values. */
const NOT_LITERAL = /^\$\{|\{\{resolve:|^arn:|^$/;

function isAllowedPlaceholder(key: string, value: string): boolean {
  return ALLOWED_PLACEHOLDERS.some((placeholder) => placeholder.key === key && placeholder.value === value);
}

/** Walks any JSON value, reporting secret-named keys with literal values and credential-shaped strings. */
function scanValue(value: unknown, where: string, findings: CredentialFinding[], key = ''): void {
  if (typeof value === 'string') {
    if (AWS_ACCESS_KEY_ID.test(value)) findings.push({ where, what: `AWS access key id in ${key || 'a value'}` });
    if (PRIVATE_KEY_BLOCK.test(value)) findings.push({ where, what: `private key block in ${key || 'a value'}` });
    const secretNamed =
      SECRET_KEY_NAME.test(key) &&
      !/(Arn|Name|Ref|Id|Key)$/.test(key) &&
      !/secretKeyRef|secretRef|SecretString/i.test(key);
    if (secretNamed && !NOT_LITERAL.test(value) && !isAllowedPlaceholder(key, value)) {
      findings.push({ where, what: `literal value for ${key}` });
    }
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, index) => scanValue(item, `${where}[${index}]`, findings, key));
    return;
  }
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    // Kubernetes env entries: { name: 'MYSQL_PASSWORD', value: '...' }
    if (typeof record.name === 'string' && typeof record.value === 'string' && SECRET_KEY_NAME.test(record.name)) {
      if (!isAllowedPlaceholder(record.name, record.value))
        findings.push({ where, what: `literal env value for ${record.name}` });
    }
    for (const [childKey, child] of Object.entries(record))
      scanValue(child, `${where}.${childKey}`, findings, childKey);
  }
}

/** Base64 user data, decoded so its contents are scanned too. */
function decodedUserData(template: unknown): string[] {
  const found: string[] = [];
  const walk = (value: unknown) => {
    if (value && typeof value === 'object') {
      for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
        if (key === 'UserData') found.push(JSON.stringify(child));
        walk(child);
      }
    }
  };
  walk(template);
  return found;
}

/**
 * Every literal credential in what the lab synthesizes: templates (properties, outputs, user data), Kubernetes
 * manifests (Secrets with data, literal env values), and Helm values.
 */
export function findLiteralCredentials(lab: SynthesizedOutput): CredentialFinding[] {
  const findings: CredentialFinding[] = [];
  for (const { stackPath, template } of lab.templates) {
    for (const [logicalId, resource] of Object.entries(template.Resources)) {
      if (resource.Type === 'AWS::RDS::DBInstance' && resource.Properties?.MasterUserPassword !== undefined) {
        findings.push({ where: `${stackPath}/${logicalId}`, what: 'MasterUserPassword in the template' });
      }
      // Manifests and Helm values are scanned below, parsed.
      if (resource.Type.startsWith('Custom::AWSCDK-EKS')) continue;
      scanValue(resource.Properties ?? {}, `${stackPath}/${logicalId}`, findings);
    }
    scanValue(template.Outputs ?? {}, `${stackPath}/Outputs`, findings);
    for (const userData of decodedUserData(template)) {
      if (/activation-?code\s*[:=]\s*["']?[A-Za-z0-9+/]{20,}/i.test(userData)) {
        findings.push({ where: `${stackPath} user data`, what: 'an SSM activation code' });
      }
      scanValue(userData, `${stackPath} user data`, findings);
    }
  }
  for (const { object, stackPath, logicalId } of lab.kubernetesObjects) {
    const where = `${stackPath}/${logicalId} ${object.kind} ${object.metadata.namespace ?? ''}/${object.metadata.name}`;
    if (object.kind === 'Secret' && (object.data !== undefined || object.stringData !== undefined)) {
      findings.push({ where, what: 'a Kubernetes Secret with literal data' });
    }
    scanValue(object, where, findings);
  }
  for (const release of lab.helmReleases)
    scanValue(release.values, `${release.stackPath}/${release.logicalId} Helm values`, findings);
  return findings;
}
