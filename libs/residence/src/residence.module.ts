import { Module } from '@nestjs/common';
import { MESSAGING_MIGRATIONS, MigrationSet } from '@tongban/database';
import { PermitLifecycleService } from './permit-lifecycle.service';
import { PermitRepository } from './permit.repository';
import { PermitService } from './permit.service';
import { PermitSuspensionJob } from './permit-suspension.job';
import { PointsConversionService } from './points-conversion.service';
import { ResidenceClock } from './residence.clock';
import { ResidenceHistoryService } from './residence-history.service';
import { RESIDENCE_SCHEMA } from './residence.types';

export const RESIDENCE_MIGRATIONS: MigrationSet = { schema: RESIDENCE_SCHEMA, dirs: [MESSAGING_MIGRATIONS, 'libs/residence/migrations'] };

const SERVICES = [PermitService, PermitLifecycleService, ResidenceHistoryService, PointsConversionService, PermitSuspensionJob];

@Module({ providers: [PermitRepository, ResidenceClock, ...SERVICES], exports: [ResidenceClock, ...SERVICES] })
export class ResidenceModule {}

/** The asynchronous side for the residence-permit app: the suspension job and what it needs (no citizen IDs there). */
@Module({ providers: [PermitRepository, ResidenceClock, PermitLifecycleService, PermitSuspensionJob], exports: [PermitSuspensionJob] })
export class ResidenceJobsModule {}
