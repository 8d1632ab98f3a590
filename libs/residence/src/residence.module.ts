import { Module } from '@nestjs/common';
import { MESSAGING_MIGRATIONS, MigrationSet } from '@tongban/database';
import { PermitRepository } from './permit.repository';
import { PermitService } from './permit.service';
import { RESIDENCE_SCHEMA } from './residence.types';

export const RESIDENCE_MIGRATIONS: MigrationSet = { schema: RESIDENCE_SCHEMA, dirs: [MESSAGING_MIGRATIONS, 'libs/residence/migrations'] };

@Module({ providers: [PermitRepository, PermitService], exports: [PermitService] })
export class ResidenceModule {}
