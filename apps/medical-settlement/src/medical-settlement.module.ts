import { Module } from '@nestjs/common';
import { ConfigModule } from '@tongban/config';
import { DatabaseModule } from '@tongban/database';
import { HealthModule } from '@tongban/http';
import { LoggingModule } from '@tongban/logging';
import { MEDICAL_MIGRATIONS, MEDICAL_OPERATOR_READS, MEDICAL_SCHEMA, MedicalClearingModule } from '@tongban/medical';
import { DEAD_LETTER_MIGRATIONS, MessagingModule } from '@tongban/messaging';
import { OPS_MIGRATIONS, OpsMetricsModule } from '@tongban/ops';
import { ClearingScheduler } from './clearing.scheduler';

/**
 * Cross-region medical settlement adapter: issues the monthly clearing statements, which write the
 * medical outbox, so it relays that outbox too (as does the gateway, whose REST commands write filings
 * and settlements through @tongban/medical). It exports the gauges of the medical queues.
 */
@Module({
  imports: [
    ConfigModule.forRoot(),
    LoggingModule.forApp('medical-settlement'),
    DatabaseModule.forRoot([MEDICAL_MIGRATIONS, DEAD_LETTER_MIGRATIONS, OPS_MIGRATIONS]),
    MessagingModule.forRoot([MEDICAL_SCHEMA]),
    HealthModule,
    MedicalClearingModule,
    OpsMetricsModule.forOwner({ reads: [MEDICAL_OPERATOR_READS], consumerGroups: [] }),
  ],
  providers: [ClearingScheduler],
})
export class MedicalSettlementModule {}
