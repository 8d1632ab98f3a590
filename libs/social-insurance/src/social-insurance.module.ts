import { Module } from '@nestjs/common';
import { CalendarModule } from '@tongban/calendar';
import { MESSAGING_MIGRATIONS, MigrationSet } from '@tongban/database';
import { TransferClockService } from './transfer-clock.service';
import { TransferDeadlines } from './transfer.deadlines';
import { TransferQueryService } from './transfer-query.service';
import { TransferRepository } from './transfer.repository';
import { TransferService } from './transfer.service';
import { SOCIAL_INSURANCE_SCHEMA } from './transfer.types';

export const SOCIAL_INSURANCE_MIGRATIONS: MigrationSet = {
  schema: SOCIAL_INSURANCE_SCHEMA,
  dirs: [MESSAGING_MIGRATIONS, 'libs/social-insurance/migrations'],
};

/** Transfers: commands and queries (gateway), statutory clocks (social-insurance app). Needs IdentityModule (global). */
@Module({
  imports: [CalendarModule],
  providers: [TransferDeadlines, TransferRepository, TransferService, TransferQueryService, TransferClockService],
  // the calendar (and its ChinaClock) for the apps' schedulers
  exports: [CalendarModule, TransferDeadlines, TransferService, TransferQueryService, TransferClockService],
})
export class SocialInsuranceModule {}
