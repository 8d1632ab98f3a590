import { Module } from '@nestjs/common';
import { CalendarModule } from '@tongban/calendar';
import { MigrationSet } from '@tongban/database';
import { LEDGER_OPERATOR_READS } from '@tongban/ledger';
import { MEDICAL_OPERATOR_READS } from '@tongban/medical';
import { DEAD_LETTER_OPERATOR_READS, DeadLetterService } from '@tongban/messaging';
import { SOCIAL_INSURANCE_OPERATOR_READS } from '@tongban/social-insurance';
import { ConsoleStatic } from './console.static';
import { ItemHistoryRepository } from './item-history.repository';
import { KafkaHealthService } from './kafka-health.service';
import { KafkaLagRepository } from './kafka-lag.repository';
import { OperatorViewsRepository } from './operator-views.repository';
import { OpsQueueService } from './ops-queue.service';
import { DeadLetterSource, ViewSource } from './ops.sources';
import { OPS_SCHEMA, OPS_SOURCES, OpsSource } from './ops.types';

/** The operators' decisions table (schema ops). */
export const OPS_MIGRATIONS: MigrationSet = { schema: OPS_SCHEMA, dirs: ['libs/ops/migrations'] };

/**
 * Operator queues, item history, Kafka health and the console's static files (gateway only). The
 * queues are the libs' own operator views, composed here in console order; their gauges are exported
 * by the apps that own them (OpsMetricsModule.forOwner), not here.
 */
@Module({
  imports: [CalendarModule],
  providers: [
    ItemHistoryRepository,
    KafkaLagRepository,
    OperatorViewsRepository,
    {
      provide: OPS_SOURCES,
      inject: [OperatorViewsRepository, DeadLetterService],
      useFactory: (views: OperatorViewsRepository, deadLetters: DeadLetterService): OpsSource[] => [
        new DeadLetterSource(DEAD_LETTER_OPERATOR_READS, views, deadLetters),
        new ViewSource(SOCIAL_INSURANCE_OPERATOR_READS, views),
        new ViewSource(LEDGER_OPERATOR_READS, views),
        new ViewSource(MEDICAL_OPERATOR_READS, views),
      ],
    },
    OpsQueueService,
    KafkaHealthService,
    ConsoleStatic,
  ],
  exports: [OpsQueueService, KafkaHealthService],
})
export class OpsModule {}
