import 'reflect-metadata';
import { runApp } from '@tongban/http';
import { CONSUMER_GROUPS } from '@tongban/messaging';
import { GATEWAY_SCHEMA, GatewayModule } from './gateway.module';

runApp({ name: 'gateway', module: GatewayModule, consumer: { ...CONSUMER_GROUPS.ledger, inboxSchema: GATEWAY_SCHEMA } });
