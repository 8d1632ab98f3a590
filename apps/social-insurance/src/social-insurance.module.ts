import { Module } from '@nestjs/common';
import { ConfigModule } from '@tongban/config';
import { DatabaseModule } from '@tongban/database';
import { HealthModule } from '@tongban/http';
import { IdentityModule } from '@tongban/identity';
import { LoggingModule } from '@tongban/logging';
import { DEAD_LETTER_MIGRATIONS, MessagingModule } from '@tongban/messaging';
import { OPS_MIGRATIONS, OpsMetricsModule } from '@tongban/ops';
import {
  SOCIAL_INSURANCE_MIGRATIONS,
  SOCIAL_INSURANCE_OPERATOR_READS,
  SOCIAL_INSURANCE_SCHEMA,
  SocialInsuranceModule,
} from '@tongban/social-insurance';
import { TransferClockScheduler } from './transfer-clock.scheduler';

/**
 * Social-insurance transfer adapter: the statutory clocks (reminders, overdue events, operators' queue
 * items), which write the social_insurance outbox, so it relays that outbox too (as does the gateway,
 * whose REST commands write the transfer steps). It exports the gauges of the transfer queues.
 */
@Module({
  imports: [
    ConfigModule.forRoot(),
    LoggingModule.forApp('social-insurance'),
    DatabaseModule.forRoot([SOCIAL_INSURANCE_MIGRATIONS, DEAD_LETTER_MIGRATIONS, OPS_MIGRATIONS]),
    MessagingModule.forRoot([SOCIAL_INSURANCE_SCHEMA]),
    IdentityModule,
    SocialInsuranceModule,
    HealthModule,
    OpsMetricsModule.forOwner({ reads: [SOCIAL_INSURANCE_OPERATOR_READS], consumerGroups: [] }),
  ],
  providers: [TransferClockScheduler],
})
export class SocialInsuranceAppModule {}
