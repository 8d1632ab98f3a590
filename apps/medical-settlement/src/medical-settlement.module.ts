import { Module } from '@nestjs/common';
import { ConfigModule } from '@tongban/config';
import { DatabaseModule } from '@tongban/database';
import { HealthModule } from '@tongban/http';
import { LoggingModule } from '@tongban/logging';
import { DEAD_LETTER_MIGRATIONS, MessagingModule, messagingOnly } from '@tongban/messaging';

/** Cross-region medical settlement adapter: filings, settlements, monthly clearing. */
@Module({
  imports: [
    ConfigModule.forRoot(),
    LoggingModule.forApp('medical-settlement'),
    DatabaseModule.forRoot([messagingOnly('medical'), DEAD_LETTER_MIGRATIONS]),
    MessagingModule.forRoot(['medical']),
    HealthModule,
  ],
})
export class MedicalSettlementModule {}
