import { Chart } from 'cdk8s';
import type { Construct } from 'constructs';
import { AppService } from './app-service';
import { DataStore } from './data-store';
import { APP_SERVICES, type AppServiceName, DATA_STORES } from './retail-app-components';
import type { RetailAppCustomization } from './retail-app-customization';

export interface RetailComponentChartProps {
  readonly service: AppServiceName;
  readonly customization?: RetailAppCustomization;
}

/**
 * One application service and its data stores, in its own namespace. One chart per component keeps each a
 * separate deploy-time resource, so a module can make exactly the objects it changes wait for it.
 */
export class RetailComponentChart extends Chart {
  readonly appService: AppService;

  constructor(scope: Construct, id: string, props: RetailComponentChartProps) {
    super(scope, id);
    this.appService = new AppService(this, 'Service', {
      spec: APP_SERVICES[props.service],
      customization: props.customization?.services?.[props.service],
    });
    for (const store of Object.values(DATA_STORES).filter((candidate) => candidate.app === props.service)) {
      new DataStore(this, store.name, { spec: store, customization: props.customization?.dataStores?.[store.name] });
    }
  }
}
