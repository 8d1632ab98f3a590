import type { AppSpec } from '@tongban/http';
import { CONSUMER_GROUPS } from '@tongban/messaging';
import { LEDGER_SCHEMA } from '@tongban/ledger';
import { GatewayModule } from './gateway.module';

/** The gateway app as it runs: main.ts and every test that starts it use this one definition. */
export const GATEWAY_APP: AppSpec = {
  name: 'gateway',
  module: GatewayModule,
  consumer: { ...CONSUMER_GROUPS.ledger, inboxSchema: LEDGER_SCHEMA },
};
