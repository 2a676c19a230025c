import { KubectlV31Layer } from '@aws-cdk/lambda-layer-kubectl-v31';
import { KubectlV32Layer } from '@aws-cdk/lambda-layer-kubectl-v32';
import { KubectlV33Layer } from '@aws-cdk/lambda-layer-kubectl-v33';
import { KubectlV34Layer } from '@aws-cdk/lambda-layer-kubectl-v34';
import { KubectlV35Layer } from '@aws-cdk/lambda-layer-kubectl-v35';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';

type LayerFactory = (scope: Construct, id: string) => lambda.ILayerVersion;

/** The kubectl/helm Lambda layer whose kubectl matches each supported cluster version (kubectl skew policy). */
const KUBECTL_LAYERS: Readonly<Record<string, LayerFactory>> = {
  '1.31': (scope, id) => new KubectlV31Layer(scope, id),
  '1.32': (scope, id) => new KubectlV32Layer(scope, id),
  '1.33': (scope, id) => new KubectlV33Layer(scope, id),
  '1.34': (scope, id) => new KubectlV34Layer(scope, id),
  '1.35': (scope, id) => new KubectlV35Layer(scope, id),
};

export function supportedLayerVersions(): string[] {
  return Object.keys(KUBECTL_LAYERS);
}

export function kubectlLayerFor(scope: Construct, id: string, kubernetesVersion: string): lambda.ILayerVersion {
  const factory = KUBECTL_LAYERS[kubernetesVersion];
  if (!factory) throw new Error(`No kubectl layer for Kubernetes ${kubernetesVersion}`);
  return factory(scope, id);
}
