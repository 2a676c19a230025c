import { createHash } from 'node:crypto';
import { Token } from 'aws-cdk-lib';

/**
 * Where nodeadm for hybrid nodes is downloaded from. The EKS user guide documents only the `releases/latest` path
 * ("Hybrid nodes nodeadm reference", https://docs.aws.amazon.com/eks/latest/userguide/hybrid-nodes-nodeadm.html);
 * no versioned path is documented, so none is guessed. nodeadm is version-independent of Kubernetes: the
 * Kubernetes version is the argument of `nodeadm install`.
 */
export const NODEADM_URL_AMD64 = 'https://hybrid-assets.eks.amazonaws.com/releases/latest/bin/linux/amd64/nodeadm';

/** AWS CLI v2 for x86_64 Linux, as the workshop's cloud-init installs it. */
export const AWS_CLI_URL_AMD64 = 'https://awscli.amazonaws.com/awscli-exe-linux-x86_64.zip';

/** Where the NodeConfig (with the activation code) is written: root-only. */
export const NODE_CONFIG_PATH = '/etc/eks-hybrid-lab/nodeConfig.yaml';
/** nodeadm init's output (it may echo configuration): root-only, never sent to the console. */
export const NODEADM_INIT_LOG = '/var/log/nodeadm-init.log';

export interface HybridNodeBootScriptProps {
  readonly clusterName: string;
  /** Region of the cluster (and of the secret). May be a token. */
  readonly region: string;
  /** `major.minor` Kubernetes version of the cluster (`nodeadm install <version>`). */
  readonly kubernetesVersion: string;
  /** ARN or name of the Secrets Manager secret holding `{"activationId", "activationCode"}`. May be a token. */
  readonly activationSecretId: string;
  /** @default NODEADM_URL_AMD64 */
  readonly nodeadmUrl?: string;
  /** @default AWS_CLI_URL_AMD64 */
  readonly awsCliUrl?: string;
}

function shellLiteral(name: string, value: string): string {
  // Tokens resolve to Region names and ARNs; `<name>` stands for a token in the fingerprint.
  if (!Token.isUnresolved(value) && !/^([A-Za-z0-9._:/@+=-]+|<[a-z-]+>)$/.test(value)) {
    throw new Error(
      `hybrid node boot script: ${name} ${JSON.stringify(value)} has characters the script does not quote`,
    );
  }
  return `${name}='${value}'`;
}

/**
 * The boot script (cloud-init user data, run once as root) that joins the host to the cluster with no manual
 * step: it installs the AWS CLI and nodeadm, runs `nodeadm install <version> --credential-provider ssm`, reads the
 * SSM activation from the secret with the instance profile's credentials, writes the NodeConfig (cluster name,
 * Region, activation) readable by root only, and runs `nodeadm init`. The activation never reaches the console,
 * the cloud-init log or this script: `set -x` is never used and nodeadm init logs to a root-only file.
 * NodeConfig format: EKS user guide, "Hybrid nodes nodeadm reference" (Node Config API Reference).
 */
export function hybridNodeBootScript(props: HybridNodeBootScriptProps): string {
  return [
    '#!/bin/bash',
    '# Joins this host to the EKS cluster as a hybrid node (EKS user guide, "Connect hybrid nodes").',
    'set -euo pipefail',
    shellLiteral('CLUSTER_NAME', props.clusterName),
    shellLiteral('REGION', props.region),
    shellLiteral('KUBERNETES_VERSION', props.kubernetesVersion),
    shellLiteral('ACTIVATION_SECRET', props.activationSecretId),
    shellLiteral('NODEADM_URL', props.nodeadmUrl ?? NODEADM_URL_AMD64),
    shellLiteral('AWS_CLI_URL', props.awsCliUrl ?? AWS_CLI_URL_AMD64),
    `NODE_CONFIG='${NODE_CONFIG_PATH}'`,
    `INIT_LOG='${NODEADM_INIT_LOG}'`,
    'export DEBIAN_FRONTEND=noninteractive NEEDRESTART_MODE=a',
    '',
    '# Networks and package mirrors may need a moment after boot; IAM permissions of a new role too.',
    'retry() { for attempt in 1 2 3 4 5 6; do "$@" && return 0; echo "retry $attempt: $1 failed" >&2; sleep $((attempt * 10)); done; return 1; }',
    '',
    'echo "installing the AWS CLI and nodeadm"',
    'retry apt-get update -q',
    'retry apt-get install -y -q unzip',
    'workdir="$(mktemp -d)"',
    'retry curl -fsSL -o "$workdir/awscliv2.zip" "$AWS_CLI_URL"',
    'unzip -q "$workdir/awscliv2.zip" -d "$workdir"',
    '"$workdir/aws/install" --update',
    'retry curl -fsSL -o /usr/local/bin/nodeadm "$NODEADM_URL"',
    'chmod 0755 /usr/local/bin/nodeadm',
    '',
    'echo "nodeadm install $KUBERNETES_VERSION --credential-provider ssm"',
    'retry nodeadm install "$KUBERNETES_VERSION" --credential-provider ssm',
    '',
    '# The activation goes from the secret straight into a root-only file; nothing prints it.',
    'umask 077',
    'mkdir -p "$(dirname "$NODE_CONFIG")"',
    'activation="$(retry /usr/local/bin/aws secretsmanager get-secret-value --region "$REGION" --secret-id "$ACTIVATION_SECRET" --query SecretString --output text)"',
    'CLUSTER_NAME="$CLUSTER_NAME" REGION="$REGION" python3 -c \'',
    'import json, os, sys',
    'activation = json.loads(sys.stdin.read())',
    'q = json.dumps',
    'print("apiVersion: node.eks.aws/v1alpha1")',
    'print("kind: NodeConfig")',
    'print("spec:")',
    'print("  cluster:")',
    'print("    name: " + q(os.environ["CLUSTER_NAME"]))',
    'print("    region: " + q(os.environ["REGION"]))',
    'print("  hybrid:")',
    'print("    ssm:")',
    'print("      activationCode: " + q(activation["activationCode"]))',
    'print("      activationId: " + q(activation["activationId"]))',
    '\' <<<"$activation" >"$NODE_CONFIG"',
    'unset activation',
    '',
    'echo "nodeadm init (output in $INIT_LOG)"',
    'if ! nodeadm init --config-source "file://$NODE_CONFIG" >"$INIT_LOG" 2>&1; then',
    '  echo "nodeadm init failed; see $INIT_LOG (root only)" >&2',
    '  exit 1',
    'fi',
    'echo "joined cluster $CLUSTER_NAME as a hybrid node"',
    '',
  ].join('\n');
}

/**
 * A fingerprint of the script that does not depend on deploy-time values (tokens are replaced by their names), so
 * it changes exactly when the script's text or its plain inputs change.
 */
export function bootScriptFingerprint(props: HybridNodeBootScriptProps): string {
  const stable = (name: string, value: string) => (Token.isUnresolved(value) ? `<${name}>` : value);
  const script = hybridNodeBootScript({
    ...props,
    region: stable('region', props.region),
    activationSecretId: stable('activation-secret', props.activationSecretId),
    clusterName: stable('cluster', props.clusterName),
  });
  return createHash('sha256').update(script).digest('hex').slice(0, 16);
}
