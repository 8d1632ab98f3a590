import { Module } from '@nestjs/common';
import { CalendarModule } from '@tongban/calendar';
import { MESSAGING_MIGRATIONS, MigrationSet } from '@tongban/database';
import { LedgerModule } from '@tongban/ledger';
import { ClearingJob } from './clearing.job';
import { ClearingRepository } from './clearing.repository';
import { ClearingService } from './clearing.service';
import { FilingRepository } from './filing.repository';
import { FilingService } from './filing.service';
import { MEDICAL_SCHEMA } from './medical.types';
import { SettlementRepository } from './settlement.repository';
import { SettlementService } from './settlement.service';

export const MEDICAL_MIGRATIONS: MigrationSet = { schema: MEDICAL_SCHEMA, dirs: [MESSAGING_MIGRATIONS, 'libs/medical/migrations'] };

/** The clearing side alone (statements and the monthly job), for the medical-settlement app. */
@Module({ imports: [CalendarModule], providers: [ClearingRepository, ClearingJob], exports: [ClearingRepository, ClearingJob] })
export class MedicalClearingModule {}

/**
 * The medical domain for the gateway: filings, settlements (claiming each bill in the ledger, whose
 * migrations the app must apply) and clearing. Needs DatabaseModule, MessagingModule and IdentityModule.
 */
@Module({
  imports: [CalendarModule, MedicalClearingModule, LedgerModule],
  providers: [FilingRepository, SettlementRepository, FilingService, SettlementService, ClearingService],
  exports: [FilingService, SettlementService, ClearingService, MedicalClearingModule],
})
export class MedicalModule {}
