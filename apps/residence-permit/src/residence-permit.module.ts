import { Module } from '@nestjs/common';
import { ConfigModule } from '@tongban/config';
import { DatabaseModule } from '@tongban/database';
import { HealthModule } from '@tongban/http';
import { LoggingModule } from '@tongban/logging';
import { DEAD_LETTER_MIGRATIONS, MessagingModule } from '@tongban/messaging';
import { RESIDENCE_MIGRATIONS, RESIDENCE_SCHEMA, ResidenceJobsModule } from '@tongban/residence';
import { PermitSuspensionScheduler } from './permit-suspension.scheduler';

/**
 * Residence-permit adapter: the permit clocks (the suspension job), which write the residence outbox,
 * so it relays that outbox too (as does the gateway, whose REST commands write it).
 */
@Module({
  imports: [
    ConfigModule.forRoot(),
    LoggingModule.forApp('residence-permit'),
    DatabaseModule.forRoot([RESIDENCE_MIGRATIONS, DEAD_LETTER_MIGRATIONS]),
    MessagingModule.forRoot([RESIDENCE_SCHEMA]),
    HealthModule,
    ResidenceJobsModule,
  ],
  providers: [PermitSuspensionScheduler],
})
export class ResidencePermitModule {}
