import { ApiObject, Duration, JsonPatch, Size } from 'cdk8s';
import { placeRetailPods } from './retail-pod-placement';
import * as kplus from 'cdk8s-plus-31';
import { Construct } from 'constructs';
import {
  APP_CONTAINER_PORT,
  APP_JAVA_OPTS,
  APP_SERVICE_PORT,
  type AppServiceSpec,
  type HttpProbeSpec,
} from './retail-app-components';
import type { AppServiceCustomization } from './retail-app-customization';
import { removeCdk8sAddressLabel } from './remove-cdk8s-address-label';
import { APP_LABEL, CREATED_BY } from './retail-app-labels';
import { appServicePodLabels, appServiceSelector } from './retail-app-selectors';

export interface AppServiceProps {
  readonly spec: AppServiceSpec;
  readonly customization?: AppServiceCustomization;
  /**
   * Namespace to deploy this copy of the service into (a module's second copy, e.g. checkout in `checkoutv2`);
   * names, labels, ports and probes stay the spec's.
   * @default the spec's namespace
   */
  readonly namespace?: string;
}

function httpProbe(probe: HttpProbeSpec): kplus.Probe {
  return kplus.Probe.fromHttpGet(probe.path, {
    port: APP_CONTAINER_PORT.number,
    initialDelaySeconds:
      probe.initialDelaySeconds === undefined ? undefined : Duration.seconds(probe.initialDelaySeconds),
    periodSeconds: Duration.seconds(probe.periodSeconds),
    successThreshold: probe.successThreshold,
  });
}

/**
 * One retail application service: ServiceAccount, ConfigMap, Deployment and ClusterIP Service, with the
 * workshop's exact labels, probes, resources and security context.
 */
export class AppService extends Construct {
  readonly deployment: kplus.Deployment;
  readonly service: kplus.Service;

  constructor(scope: Construct, id: string, props: AppServiceProps) {
    super(scope, id);
    const { spec, customization } = props;
    const namespace = props.namespace ?? spec.namespace;
    const appLabels = { [APP_LABEL.createdBy]: CREATED_BY };

    const serviceAccount = new kplus.ServiceAccount(this, 'ServiceAccount', {
      metadata: {
        name: spec.name,
        namespace,
        labels: spec.name === 'ui' ? { ...appServiceSelector('ui'), ...appLabels } : appLabels,
      },
      automountToken: false,
    });

    const configMap = new kplus.ConfigMap(this, 'ConfigMap', {
      metadata: { name: spec.name, namespace },
      data: { ...spec.configMap, ...customization?.configMapData },
    });

    const secretName = customization?.secretName ?? spec.secret?.name;
    const secretSource = secretName
      ? kplus.Env.fromSecret(kplus.Secret.fromSecretName(this, 'EnvSecret', secretName))
      : undefined;
    const configSource = kplus.Env.fromConfigMap(configMap);
    const envFrom = secretSource
      ? spec.secret?.beforeConfigMap
        ? [secretSource, configSource]
        : [configSource, secretSource]
      : [configSource];

    const envVariables: Record<string, kplus.EnvValue> = {};
    if (spec.javaOpts) envVariables.JAVA_OPTS = kplus.EnvValue.fromValue(APP_JAVA_OPTS);
    if (spec.name === 'ui') {
      envVariables.METADATA_KUBERNETES_POD_NAME = kplus.EnvValue.fromFieldRef(kplus.EnvFieldPaths.POD_NAME);
      envVariables.METADATA_KUBERNETES_NAMESPACE = kplus.EnvValue.fromFieldRef(kplus.EnvFieldPaths.POD_NAMESPACE);
      envVariables.METADATA_KUBERNETES_NODE_NAME = kplus.EnvValue.fromFieldRef(kplus.EnvFieldPaths.NODE_NAME);
    }

    const tmpVolume = kplus.Volume.fromEmptyDir(this, 'TmpVolume', 'tmp-volume', {
      medium: kplus.EmptyDirMedium.MEMORY,
    });

    this.deployment = new kplus.Deployment(this, 'Deployment', {
      metadata: { name: spec.name, namespace, labels: { ...appLabels, [APP_LABEL.type]: 'app' } },
      replicas: 1,
      select: false,
      podMetadata: {
        labels: { ...customization?.podLabels, ...appServicePodLabels(spec.name) },
        annotations: {
          'prometheus.io/scrape': 'true',
          'prometheus.io/port': String(APP_CONTAINER_PORT.number),
          'prometheus.io/path': spec.prometheusPath,
          ...customization?.podAnnotations,
        },
      },
      serviceAccount,
      automountServiceAccountToken: false,
      securityContext: { fsGroup: 1000, ensureNonRoot: false },
      volumes: [tmpVolume],
      containers: [
        {
          name: spec.name,
          image: spec.image,
          imagePullPolicy: kplus.ImagePullPolicy.IF_NOT_PRESENT,
          ports: [{ name: APP_CONTAINER_PORT.name, number: APP_CONTAINER_PORT.number, protocol: kplus.Protocol.TCP }],
          envFrom,
          envVariables,
          liveness: httpProbe(spec.liveness),
          readiness: spec.readiness ? httpProbe(spec.readiness) : undefined,
          resources: {
            cpu: { request: kplus.Cpu.millis(spec.cpuRequestMillis) },
            memory: { request: Size.mebibytes(spec.memoryMebibytes), limit: Size.mebibytes(spec.memoryMebibytes) },
          },
          securityContext: {
            ensureNonRoot: spec.runsAsUser1000,
            user: spec.runsAsUser1000 ? 1000 : undefined,
            readOnlyRootFilesystem: true,
            allowPrivilegeEscalation: false,
            capabilities: {
              add: spec.addNetBindService ? [kplus.Capability.NET_BIND_SERVICE] : undefined,
              drop: [kplus.Capability.ALL],
            },
          },
          volumeMounts: [{ path: '/tmp', volume: tmpVolume }],
        },
      ],
    });
    this.deployment.select(kplus.LabelSelector.of({ labels: appServiceSelector(spec.name) }));
    removeCdk8sAddressLabel(this.deployment);
    placeRetailPods(this.deployment, customization?.nodeSelector);

    this.service = new kplus.Service(this, 'Service', {
      metadata: {
        name: spec.name,
        namespace,
        labels: spec.name === 'ui' ? { ...appServiceSelector('ui'), ...appLabels } : appLabels,
      },
      type: kplus.ServiceType.CLUSTER_IP,
      ports: [{ name: APP_CONTAINER_PORT.name, port: APP_SERVICE_PORT, protocol: kplus.Protocol.TCP }],
    });
    for (const [key, value] of Object.entries(appServiceSelector(spec.name))) this.service.selectLabel(key, value);
    // cdk8s-plus only takes numeric target ports; the workshop targets the named container port.
    ApiObject.of(this.service).addJsonPatch(
      JsonPatch.add('/spec/ports/0/targetPort', kplus.k8s.IntOrString.fromString(APP_CONTAINER_PORT.name)),
    );
  }
}
