import { ApiObject, JsonPatch } from 'cdk8s';
import { placeRetailPods } from './retail-pod-placement';
import * as kplus from 'cdk8s-plus-31';
import { Construct } from 'constructs';
import type { DataStoreSpec } from './retail-app-components';
import type { DataStoreCustomization } from './retail-app-customization';
import { APP_LABEL, CREATED_BY } from './retail-app-labels';
import { dataStorePodLabels, dataStoreSelector } from './retail-app-selectors';
import { removeCdk8sAddressLabel } from './remove-cdk8s-address-label';

export interface DataStoreProps {
  readonly spec: DataStoreSpec;
  readonly customization?: DataStoreCustomization;
}

/**
 * An in-cluster data store of the retail app (MySQL, PostgreSQL, Redis, DynamoDB Local) with its ClusterIP
 * Service. The workshop gives these no probes, resources or security context; cdk8s-plus would add restrictive
 * defaults (non-root, read-only root filesystem) that the official images cannot run with, so they are relaxed
 * explicitly here, keeping only what the images tolerate (no privilege escalation, not privileged).
 */
export class DataStore extends Construct {
  readonly workload: kplus.Deployment | kplus.StatefulSet;
  readonly service: kplus.Service;

  constructor(scope: Construct, id: string, props: DataStoreProps) {
    super(scope, id);
    const { spec } = props;
    const namespace = spec.namespace;

    this.service = new kplus.Service(this, 'Service', {
      metadata: { name: spec.name, namespace, labels: { [APP_LABEL.createdBy]: CREATED_BY } },
      type: kplus.ServiceType.CLUSTER_IP,
      ports: [{ name: spec.port.name, port: spec.port.number, protocol: kplus.Protocol.TCP }],
    });
    for (const [key, value] of Object.entries(dataStoreSelector(spec))) this.service.selectLabel(key, value);
    ApiObject.of(this.service).addJsonPatch(
      JsonPatch.add('/spec/ports/0/targetPort', kplus.k8s.IntOrString.fromString(spec.port.name)),
    );

    const dataVolume = spec.dataPath ? kplus.Volume.fromEmptyDir(this, 'DataVolume', 'data') : undefined;
    const envVariables: Record<string, kplus.EnvValue> = {};
    for (const [name, value] of Object.entries(spec.env)) envVariables[name] = kplus.EnvValue.fromValue(value);
    for (const fromSecret of spec.envFromSecrets) {
      envVariables[fromSecret.name] = kplus.EnvValue.fromSecretValue({
        secret: kplus.Secret.fromSecretName(this, `Secret-${fromSecret.name}`, fromSecret.secret),
        key: fromSecret.key,
      });
    }

    const workloadProps = {
      metadata: {
        name: spec.name,
        namespace,
        labels: { [APP_LABEL.createdBy]: CREATED_BY, [APP_LABEL.team]: 'database' },
      },
      replicas: 1,
      select: false,
      podMetadata: { labels: dataStorePodLabels(spec) },
      automountServiceAccountToken: false,
      securityContext: { ensureNonRoot: false },
      volumes: dataVolume ? [dataVolume] : [],
      containers: [
        {
          name: spec.component,
          image: spec.image,
          imagePullPolicy: kplus.ImagePullPolicy.IF_NOT_PRESENT,
          ports: [{ name: spec.port.name, number: spec.port.number, protocol: kplus.Protocol.TCP }],
          envVariables,
          resources: {},
          securityContext: {
            ensureNonRoot: false,
            readOnlyRootFilesystem: false,
            allowPrivilegeEscalation: false,
            privileged: false,
          },
          volumeMounts: dataVolume && spec.dataPath ? [{ path: spec.dataPath, volume: dataVolume }] : [],
        },
      ],
    };

    this.workload =
      spec.workload === 'StatefulSet'
        ? new kplus.StatefulSet(this, 'StatefulSet', { ...workloadProps, service: this.service })
        : new kplus.Deployment(this, 'Deployment', workloadProps);
    this.workload.select(kplus.LabelSelector.of({ labels: dataStoreSelector(spec) }));
    removeCdk8sAddressLabel(this.workload);
    if (spec.workload === 'StatefulSet') {
      // cdk8s-plus binds a StatefulSet's governing Service to its own address label; select the pods' labels only.
      ApiObject.of(this.service).addJsonPatch(JsonPatch.remove('/spec/selector/cdk8s.io~1metadata.addr'));
    }
    placeRetailPods(this.workload, props.customization?.nodeSelector);
  }
}
