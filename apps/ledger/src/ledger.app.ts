import type { AppSpec } from '@tongban/http';
import { LEDGER_SCHEMA } from '@tongban/ledger';
import { CONSUMER_GROUPS } from '@tongban/messaging';
import { LedgerAppModule } from './ledger.module';

/** The ledger app as it runs: main.ts and every test that starts it use this one definition. */
export const LEDGER_APP: AppSpec = {
  name: 'ledger',
  module: LedgerAppModule,
  consumer: { ...CONSUMER_GROUPS.ledger, inboxSchema: LEDGER_SCHEMA },
};
