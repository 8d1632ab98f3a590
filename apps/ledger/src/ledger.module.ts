import { Module } from '@nestjs/common';
import { CATALOGUE_MIGRATIONS } from '@tongban/catalogue';
import { ConfigModule } from '@tongban/config';
import { DatabaseModule } from '@tongban/database';
import { HealthModule } from '@tongban/http';
import { IdentityModule } from '@tongban/identity';
import { LEDGER_MIGRATIONS, LEDGER_OPERATOR_READS, LEDGER_SCHEMA, LedgerModule } from '@tongban/ledger';
import { LoggingModule } from '@tongban/logging';
import { DEAD_LETTER_MIGRATIONS, DEAD_LETTER_OPERATOR_READS, MessagingModule } from '@tongban/messaging';
import { OPS_MIGRATIONS, OpsMetricsModule } from '@tongban/ops';
import { LedgerEventsController } from './ledger.events';
import { LedgerScheduler } from './ledger.scheduler';

/**
 * The ledger's asynchronous side: the `tongban.ledger` consumer (permit and transfer events change
 * the facts, handoffs are proposed) and the ledger jobs. Both write the ledger outbox, so this app
 * relays it too (as does the gateway, whose REST commands write it). It exports the gauges of the
 * ledger's queues and of its consumer group (lag, dead letters).
 */
@Module({
  imports: [
    ConfigModule.forRoot(),
    LoggingModule.forApp('ledger'),
    DatabaseModule.forRoot([CATALOGUE_MIGRATIONS, LEDGER_MIGRATIONS, DEAD_LETTER_MIGRATIONS, OPS_MIGRATIONS]),
    MessagingModule.forRoot([LEDGER_SCHEMA]),
    IdentityModule,
    LedgerModule,
    HealthModule,
    OpsMetricsModule.forOwner({ reads: [LEDGER_OPERATOR_READS, DEAD_LETTER_OPERATOR_READS], consumerGroups: ['ledger'] }),
  ],
  providers: [LedgerScheduler],
  controllers: [LedgerEventsController],
})
export class LedgerAppModule {}
