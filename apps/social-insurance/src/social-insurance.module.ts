import { Module } from '@nestjs/common';
import { ConfigModule } from '@tongban/config';
import { DatabaseModule } from '@tongban/database';
import { HealthModule } from '@tongban/http';
import { LoggingModule } from '@tongban/logging';
import { DEAD_LETTER_MIGRATIONS, MessagingModule, messagingOnly } from '@tongban/messaging';

/** Social-insurance transfer adapter: transfer workflow, statutory clocks, events for pension and medical-insurance agencies. */
@Module({
  imports: [
    ConfigModule.forRoot(),
    LoggingModule.forApp('social-insurance'),
    DatabaseModule.forRoot([messagingOnly('social_insurance'), DEAD_LETTER_MIGRATIONS]),
    MessagingModule.forRoot(['social_insurance']),
    HealthModule,
  ],
})
export class SocialInsuranceModule {}
