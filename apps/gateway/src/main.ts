import 'reflect-metadata';
import { runApp } from '@tongban/http';
import { CONSUMER_GROUPS } from '@tongban/messaging';
import { LEDGER_SCHEMA } from '@tongban/ledger';
import { GatewayModule } from './gateway.module';

runApp({ name: 'gateway', module: GatewayModule, consumer: { ...CONSUMER_GROUPS.ledger, inboxSchema: LEDGER_SCHEMA } });
