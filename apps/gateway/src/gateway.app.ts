import type { AppSpec } from '@tongban/http';
import { GatewayModule } from './gateway.module';

/** The gateway app as it runs: main.ts and every test that starts it use this one definition. */
export const GATEWAY_APP: AppSpec = {
  name: 'gateway',
  module: GatewayModule,
};
