import { Module } from '@nestjs/common';
import { CalendarModule } from '@tongban/calendar';
import { MESSAGING_MIGRATIONS, MigrationSet } from '@tongban/database';
import { PermitLifecycleService } from './permit-lifecycle.service';
import { PermitRepository } from './permit.repository';
import { PermitService } from './permit.service';
import { PermitSuspensionJob } from './permit-suspension.job';
import { PointsConversionService } from './points-conversion.service';
import { ResidenceHistoryService } from './residence-history.service';
import { RESIDENCE_SCHEMA } from './residence.types';

export const RESIDENCE_MIGRATIONS: MigrationSet = { schema: RESIDENCE_SCHEMA, dirs: [MESSAGING_MIGRATIONS, 'libs/residence/migrations'] };

const SERVICES = [PermitService, PermitLifecycleService, ResidenceHistoryService, PointsConversionService, PermitSuspensionJob];

@Module({ imports: [CalendarModule], providers: [PermitRepository, ...SERVICES], exports: [...SERVICES] })
export class ResidenceModule {}

/** The asynchronous side for the residence-permit app: the suspension job and what it needs (no citizen IDs there). */
@Module({
  imports: [CalendarModule],
  providers: [PermitRepository, PermitLifecycleService, PermitSuspensionJob],
  exports: [PermitSuspensionJob],
})
export class ResidenceJobsModule {}
