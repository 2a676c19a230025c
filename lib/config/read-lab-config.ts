import {
  BASE_DEFAULTS,
  BASE_KEY_SPECS,
  BASE_KEYS,
  LAB_CIDR_SIZES,
  MAX_CLUSTER_NAME_LENGTH,
  SERVICE_IPV4_CIDR,
} from './base-context-keys';
import { closestMatch, didYouMean } from '../text/closest-match';
import { ContextReader } from './context-reader';
import { readInstanceType, readPrivateCidr } from './context-value-parsers';
import { cidr, cidrsOverlap, type Ipv4Cidr, parseIpv4Cidr, privateRangeOf, SHARED_ADDRESS_SPACE } from './ipv4-cidr';
import {
  DEFAULT_KUBERNETES_VERSION,
  findKubernetesVersion,
  KUBERNETES_VERSIONS,
  type KubernetesVersionLifecycle,
  supportPhase,
} from './kubernetes-versions';
import type { ConfigWarning, LabConfig } from './lab-config';
import { type DeployedLabState, refuseUndeployableChange } from './deployed-lab-state';
import { LabConfigError } from './lab-config-error';
import type { LabModuleModel } from './lab-module-model';
import type { LabPlan } from './lab-plan-model';
import { enabledModules, planLab } from '../lab-plan';
import { unsupportedParts } from '../third-party/kubernetes-support';
import { checkNetworkPolicyVpcCniVersion } from '../vpc-cni/network-policy-agent';

export interface ReadLabConfigOptions {
  /** The day the lab is synthesized (ISO date), for the Kubernetes version lifecycle. @default today (UTC) */
  readonly today?: string;
  /** What the last deploy left in the account, if known (cdk-outputs.json): changes EKS cannot make are refused. */
  readonly deployed?: DeployedLabState;
}

/** A misspelled key of ours must fail, not silently fall back to a default. Keys of CDK itself are ignored. */
function rejectUnknownKeys(reader: ContextReader, modules: readonly LabModuleModel[]): void {
  const settings = modules.flatMap((module) => (module.settings ? [module.settings] : []));
  const knownKeys = [
    ...BASE_KEY_SPECS.map((spec) => spec.key),
    ...settings.flatMap((each) => each.keySpecs.map((spec) => spec.key)),
  ];
  for (const key of reader.keys()) {
    if (knownKeys.includes(key)) continue;
    const owner = settings.find((candidate) => key.startsWith(`${candidate.keyPrefix}.`));
    if (owner !== undefined) {
      const moduleKeys = owner.keySpecs.map((spec) => spec.key);
      throw new LabConfigError(
        key,
        reader.raw(key),
        moduleKeys.length > 0
          ? `a key this module defines: ${moduleKeys.join(', ')}`
          : 'no keys (this module has no settings)',
        didYouMean(key, moduleKeys),
      );
    }
    const match = closestMatch(key, knownKeys);
    if (match !== undefined) {
      throw new LabConfigError(
        key,
        reader.raw(key),
        'a context key this lab defines (see README)',
        `Did you mean "${match}"?`,
      );
    }
  }
}

function readModules(reader: ContextReader, modules: readonly LabModuleModel[]): string[] {
  const key = BASE_KEYS.modules;
  const items = reader.list(key) ?? [];
  const names = modules.map((module) => module.name);
  const allowed = names.length > 0 ? names.join(', ') : '(no modules are registered yet)';
  const seen = new Set<string>();
  for (const item of items) {
    if (!names.includes(item)) {
      throw new LabConfigError(
        key,
        reader.raw(key),
        allowed,
        `"${item}" is not a module. ${didYouMean(item, names)}`.trim(),
      );
    }
    if (seen.has(item)) throw new LabConfigError(key, reader.raw(key), allowed, `"${item}" is listed twice.`);
    seen.add(item);
  }
  // Registry order is creation order, whatever order the user typed.
  return names.filter((name) => seen.has(name));
}

function readClusterName(reader: ContextReader): string {
  const key = BASE_KEYS.clusterName;
  const name = reader.string(key, BASE_DEFAULTS.clusterName);
  const allowed = `lowercase letters, digits and single hyphens, starting with a letter and ending with a letter or digit, 1-${MAX_CLUSTER_NAME_LENGTH} characters`;
  if (name.length > MAX_CLUSTER_NAME_LENGTH || !/^[a-z]([a-z0-9-]*[a-z0-9])?$/.test(name) || name.includes('--')) {
    throw new LabConfigError(
      key,
      name,
      allowed,
      'EKS itself allows up to 100 characters with capitals and underscores, but the lab derives Kubernetes object names, an RDS identifier and a VPC Lattice service network name from it.',
    );
  }
  return name;
}

function readKubernetesVersion(
  reader: ContextReader,
  today: string,
  warnings: ConfigWarning[],
): KubernetesVersionLifecycle {
  const key = BASE_KEYS.kubernetesVersion;
  const raw = reader.raw(key);
  const version = typeof raw === 'number' ? raw.toFixed(2) : reader.string(key, DEFAULT_KUBERNETES_VERSION);
  const lifecycle = findKubernetesVersion(version);
  const creatable = KUBERNETES_VERSIONS.filter((v) => ['standard', 'extended'].includes(supportPhase(v, today)));
  const allowed = `a version with a kubectl layer that EKS still creates: ${creatable.map((v) => v.version).join(', ')}`;
  if (!lifecycle)
    throw new LabConfigError(
      key,
      version,
      allowed,
      didYouMean(
        version,
        KUBERNETES_VERSIONS.map((v) => v.version),
      ),
    );
  const phase = supportPhase(lifecycle, today);
  if (phase === 'ended') {
    throw new LabConfigError(
      key,
      version,
      allowed,
      `EKS ended extended support for ${version} on ${lifecycle.endOfExtendedSupport} and no longer creates clusters of this version.`,
    );
  }
  if (phase === 'not-yet-released') {
    throw new LabConfigError(key, version, allowed, `EKS releases ${version} on ${lifecycle.eksRelease}.`);
  }
  if (phase === 'extended') {
    warnings.push({
      id: 'lab:kubernetes-extended-support',
      message:
        `Kubernetes ${version} is in EKS extended support until ${lifecycle.endOfExtendedSupport} (standard support ended ` +
        `${lifecycle.endOfStandardSupport}); the control plane costs six times the standard price. ` +
        `Consider kubernetesVersion=${DEFAULT_KUBERNETES_VERSION}.`,
    });
  }
  return lifecycle;
}

function checkCidrLayout(cidrs: Readonly<Record<string, Ipv4Cidr>>): void {
  const entries = Object.entries(cidrs);
  const service = cidr(SERVICE_IPV4_CIDR);
  for (let i = 0; i < entries.length; i++) {
    const [key, block] = entries[i];
    if (cidrsOverlap(block, service)) {
      throw new LabConfigError(
        key,
        block.text,
        `a CIDR that does not overlap the cluster's service CIDR ${SERVICE_IPV4_CIDR}`,
      );
    }
    for (let j = 0; j < i; j++) {
      const [otherKey, other] = entries[j];
      if (cidrsOverlap(block, other)) {
        throw new LabConfigError(
          key,
          block.text,
          `a CIDR that does not overlap ${otherKey} (${other.text})`,
          'The VPC, secondary, remote node and remote pod CIDRs must be disjoint.',
        );
      }
    }
  }
  // EC2 only associates a secondary CIDR from the primary's RFC 1918 block, or from 100.64.0.0/10
  // (VPC user guide, "IPv4 CIDR block association restrictions").
  const primaryBlock = privateRangeOf(cidrs[BASE_KEYS.vpcCidr]);
  const secondaryBlock = privateRangeOf(cidrs[BASE_KEYS.secondaryCidr]);
  if (secondaryBlock !== SHARED_ADDRESS_SPACE && secondaryBlock !== primaryBlock) {
    throw new LabConfigError(
      BASE_KEYS.secondaryCidr,
      cidrs[BASE_KEYS.secondaryCidr].text,
      `a CIDR inside ${SHARED_ADDRESS_SPACE} or inside ${primaryBlock} (the block of vpcCidr)`,
      'EC2 refuses to associate a secondary CIDR from a different RFC 1918 block than the VPC CIDR.',
    );
  }
}

function readInboundCidrs(reader: ContextReader): string[] {
  const key = BASE_KEYS.inboundCidrs;
  const items = reader.list(key) ?? [];
  for (const item of items) {
    const parsed = parseIpv4Cidr(item);
    if (typeof parsed === 'string') {
      throw new LabConfigError(key, reader.raw(key), 'IPv4 CIDRs such as 203.0.113.7/32', `"${item}" is ${parsed}.`);
    }
  }
  return items;
}

function readVpcCniVersion(reader: ContextReader): string | undefined {
  const key = BASE_KEYS.vpcCniVersion;
  const version = reader.optionalString(key);
  if (version !== undefined && !/^v\d+\.\d+\.\d+-eksbuild\.\d+$/.test(version)) {
    throw new LabConfigError(key, version, 'an EKS add-on version such as v1.20.4-eksbuild.1');
  }
  checkNetworkPolicyVpcCniVersion(version);
  return version;
}

/** The value that removes the admin access entry on purpose. */
const ADMIN_ACCESS_DECLINED = 'none';

function readAdminPrincipalArn(reader: ContextReader): string | undefined {
  const key = BASE_KEYS.adminPrincipalArn;
  const arn = reader.optionalString(key);
  if (arn === ADMIN_ACCESS_DECLINED) return undefined;
  if (arn !== undefined && !/^arn:aws(-[a-z]+)*:iam::\d{12}:(role|user)\/[\w+=,.@/-]{1,512}$/.test(arn)) {
    throw new LabConfigError(
      key,
      arn,
      'an IAM role or user ARN such as arn:aws:iam::111122223333:role/Admin, or none',
      'EKS access entries take IAM roles and users, not assumed-role session ARNs (use the role ARN).',
    );
  }
  return arn;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value as Record<string, unknown>)) deepFreeze(child);
  }
  return value;
}

/**
 * Reads and validates all context into a frozen LabConfig, for the registered `modules` (the composition root passes
 * them: lib/lab-app.ts `readLabConfig`). Every failure is a LabConfigError naming the key, the value and what is
 * allowed.
 */
export function parseLabConfig(
  context: Readonly<Record<string, unknown>>,
  registered: readonly LabModuleModel[],
  options: ReadLabConfigOptions = {},
): LabConfig {
  const reader = new ContextReader(context);
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const warnings: ConfigWarning[] = [];
  rejectUnknownKeys(reader, registered);

  const modules = readModules(reader, registered);
  const cidrKeys = Object.keys(LAB_CIDR_SIZES) as (keyof typeof LAB_CIDR_SIZES)[];
  const cidrs = Object.fromEntries(
    cidrKeys.map((key) => [key, readPrivateCidr(reader, BASE_KEYS[key], BASE_DEFAULTS[key], LAB_CIDR_SIZES[key])]),
  ) as Record<keyof typeof LAB_CIDR_SIZES, Ipv4Cidr>;
  checkCidrLayout(cidrs);

  const exposeUi = reader.boolean(BASE_KEYS.exposeUi, false);
  const allowWorldAccess = reader.boolean(BASE_KEYS.allowWorldAccess, false);
  const inboundCidrs = readInboundCidrs(reader);

  const config: LabConfig = {
    clusterName: readClusterName(reader),
    kubernetesVersion: readKubernetesVersion(reader, today, warnings),
    vpcCidr: cidrs[BASE_KEYS.vpcCidr],
    secondaryCidr: cidrs[BASE_KEYS.secondaryCidr],
    remoteNodeCidr: cidrs[BASE_KEYS.remoteNodeCidr],
    remotePodCidr: cidrs[BASE_KEYS.remotePodCidr],
    nodeInstanceType: readInstanceType(reader, BASE_KEYS.nodeInstanceType, BASE_DEFAULTS.nodeInstanceType),
    vpcCniVersion: readVpcCniVersion(reader),
    adminPrincipalArn: readAdminPrincipalArn(reader),
    adminAccessDeclined: reader.optionalString(BASE_KEYS.adminPrincipalArn) === ADMIN_ACCESS_DECLINED,
    exposeUi,
    inboundCidrs,
    allowWorldAccess,
    modules,
    // Every registered module's settings, enabled or not (`config.<keyPrefix>`, typed by the module's settings file).
    ...Object.fromEntries(
      registered.flatMap((module) =>
        module.settings ? [[module.settings.keyPrefix, module.settings.read(reader)]] : [],
      ),
    ),
    warnings,
    // The spread of the registered modules' settings is what makes this a LabConfig (ModuleSettingsByPrefix).
  } as unknown as LabConfig;

  checkExposure(config, warnings);
  const enabled = enabledModules(config, registered);
  checkModuleRelationships(config, enabled);
  warnAboutIdleModuleKeys(reader, config, registered, warnings);
  const plan = planLab(config, registered);
  for (const module of enabled) module.validate?.(plan);
  checkPartsSupportKubernetes(config, plan);
  refuseUndeployableChange(config, options.deployed);
  return deepFreeze(config);
}

/** Every third-party part this configuration installs must support the cluster's Kubernetes version. */
function checkPartsSupportKubernetes(config: LabConfig, plan: LabPlan): void {
  const version = config.kubernetesVersion.version;
  const unsupported = unsupportedParts(
    plan.parts.map((installed) => installed.part),
    version,
  );
  if (unsupported.length > 0) {
    throw new LabConfigError(
      BASE_KEYS.kubernetesVersion,
      version,
      'a Kubernetes version every part this configuration installs supports',
      `${unsupported.join('; ')}.`,
    );
  }
}

function checkExposure(config: LabConfig, warnings: ConfigWarning[]): void {
  const world = config.inboundCidrs.find((entry) => parseIpv4Cidr(entry) !== undefined && entry.endsWith('/0'));
  if (config.exposeUi && config.inboundCidrs.length === 0) {
    throw new LabConfigError(
      BASE_KEYS.inboundCidrs,
      undefined,
      'at least one IPv4 CIDR (for example your public IP as x.x.x.x/32) when exposeUi=true',
      'Nothing is exposed to the internet unless you say who may reach it.',
    );
  }
  if (world !== undefined && !config.allowWorldAccess) {
    throw new LabConfigError(
      BASE_KEYS.inboundCidrs,
      config.inboundCidrs,
      'CIDRs narrower than /0',
      `"${world}" opens the lab to the whole internet; also set allowWorldAccess=true if you really mean it.`,
    );
  }
  if (world !== undefined) {
    warnings.push({
      id: 'lab:world-access',
      message: `inboundCidrs contains ${world}: everything the lab exposes is reachable from the whole internet.`,
    });
  }
  if (!config.exposeUi && config.inboundCidrs.length > 0) {
    warnings.push({
      id: 'lab:inbound-cidrs-unused',
      message: 'inboundCidrs is set but exposeUi is off: nothing is exposed.',
    });
  }
}

function checkModuleRelationships(config: LabConfig, enabled: readonly LabModuleModel[]): void {
  for (const definition of enabled) {
    const name = definition.name;
    for (const required of definition.requiresModules ?? []) {
      if (!(config.modules as readonly string[]).includes(required)) {
        throw new LabConfigError(
          BASE_KEYS.modules,
          config.modules.join(','),
          `a module list that includes ${required} whenever it includes ${name}`,
          `Module ${name} requires module ${required}.`,
        );
      }
    }
    for (const requirement of definition.requiresCapabilities ?? []) {
      if (requirement.neededWhen(config) && !config.exposeUi) {
        throw new LabConfigError(
          BASE_KEYS.exposeUi,
          config.exposeUi,
          `true when module ${name} needs the AWS Load Balancer Controller`,
          `${requirement.reason} Set -c exposeUi=true (and inboundCidrs).`,
        );
      }
    }
    for (const conflict of definition.conflicts ?? []) {
      if ((config.modules as readonly string[]).includes(conflict.module)) {
        throw new LabConfigError(
          BASE_KEYS.modules,
          config.modules.join(','),
          `at most one of ${name} and ${conflict.module}`,
          conflict.reason,
        );
      }
    }
  }
}

/** Module keys given while their module is off do nothing: say so instead of ignoring them silently. */
function warnAboutIdleModuleKeys(
  reader: ContextReader,
  config: LabConfig,
  registered: readonly LabModuleModel[],
  warnings: ConfigWarning[],
): void {
  for (const { name, settings } of registered) {
    if (config.modules.includes(name) || !settings) continue;
    const prefix = settings.keyPrefix;
    const given = reader.keys().filter((key) => key.startsWith(`${prefix}.`));
    if (given.length > 0) {
      warnings.push({
        id: 'lab:module-keys-unused',
        message: `${given.join(', ')} ${given.length === 1 ? 'is' : 'are'} set but module ${name} is not in 'modules'.`,
      });
    }
  }
}
