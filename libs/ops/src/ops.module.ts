import { Module } from '@nestjs/common';
import { CalendarModule } from '@tongban/calendar';
import { MigrationSet } from '@tongban/database';
import { ConsoleStatic } from './console.static';
import { DeadLetterQueueRepository } from './dead-letter-queue.repository';
import { ItemHistoryRepository } from './item-history.repository';
import { KafkaHealthService } from './kafka-health.service';
import { KafkaLagRepository } from './kafka-lag.repository';
import { LedgerQueueRepository } from './ledger-queue.repository';
import { MedicalQueueRepository } from './medical-queue.repository';
import { OpsMetricsUpdater } from './ops-metrics.updater';
import { OpsQueueService } from './ops-queue.service';
import { OPS_SCHEMA, OPS_SOURCES } from './ops.types';
import { TablePresenceRepository } from './table-presence.repository';
import { TransferQueueRepository } from './transfer-queue.repository';

/** The operators' decisions table (schema ops). */
export const OPS_MIGRATIONS: MigrationSet = { schema: OPS_SCHEMA, dirs: ['libs/ops/migrations'] };

/** Operator queues, item history, Kafka health, their gauges and the console's static files (gateway only). */
@Module({
  imports: [CalendarModule],
  providers: [
    TablePresenceRepository,
    ItemHistoryRepository,
    KafkaLagRepository,
    DeadLetterQueueRepository,
    TransferQueueRepository,
    LedgerQueueRepository,
    MedicalQueueRepository,
    {
      provide: OPS_SOURCES,
      inject: [DeadLetterQueueRepository, TransferQueueRepository, LedgerQueueRepository, MedicalQueueRepository],
      useFactory: (...sources: unknown[]) => sources,
    },
    OpsQueueService,
    KafkaHealthService,
    OpsMetricsUpdater,
    ConsoleStatic,
  ],
  exports: [OpsQueueService, KafkaHealthService, OpsMetricsUpdater],
})
export class OpsModule {}
