import { Module } from '@nestjs/common';
import { ConfigModule } from '@tongban/config';
import { DatabaseModule } from '@tongban/database';
import { HealthModule } from '@tongban/http';
import { LoggingModule } from '@tongban/logging';
import { MEDICAL_MIGRATIONS, MEDICAL_SCHEMA, MedicalClearingModule } from '@tongban/medical';
import { DEAD_LETTER_MIGRATIONS, MessagingModule } from '@tongban/messaging';
import { ClearingScheduler } from './clearing.scheduler';

/**
 * Cross-region medical settlement adapter: issues the monthly clearing statements, which write the
 * medical outbox, so it relays that outbox too (as does the gateway, whose REST commands write filings
 * and settlements through @tongban/medical).
 */
@Module({
  imports: [
    ConfigModule.forRoot(),
    LoggingModule.forApp('medical-settlement'),
    DatabaseModule.forRoot([MEDICAL_MIGRATIONS, DEAD_LETTER_MIGRATIONS]),
    MessagingModule.forRoot([MEDICAL_SCHEMA]),
    HealthModule,
    MedicalClearingModule,
  ],
  providers: [ClearingScheduler],
})
export class MedicalSettlementModule {}
