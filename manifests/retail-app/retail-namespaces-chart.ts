import { Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-31';
import type { Construct } from 'constructs';
import { APP_NAMESPACES } from './retail-app-components';
import { APP_LABEL, CREATED_BY } from './retail-app-labels';

/** The retail app's namespaces (plus the workshop's empty `dummy` ConfigMap in `other`). */
export class RetailNamespacesChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    for (const name of APP_NAMESPACES) {
      new kplus.Namespace(this, `Namespace-${name}`, {
        metadata: { name, labels: { [APP_LABEL.createdBy]: CREATED_BY } },
      });
    }
    new kplus.ConfigMap(this, 'OtherDummy', { metadata: { name: 'dummy', namespace: 'other' } });
  }
}
