import { Module } from '@nestjs/common';
import { CalendarModule } from '@tongban/calendar';
import { CatalogueModule } from '@tongban/catalogue';
import { MESSAGING_MIGRATIONS, MigrationSet } from '@tongban/database';
import { CatalogueBackfillRepository } from './catalogue-backfill.repository';
import { CatalogueBackfillService } from './catalogue-backfill.service';
import { CatalogueViewService } from './catalogue-view.service';
import { ClaimRepository } from './claim.repository';
import { FactChangeRepository } from './fact-change.repository';
import { FactChangeService } from './fact-change.service';
import { GapDetectionService } from './gap-detection.service';
import { GapRepository } from './gap.repository';
import { HandoffRepository } from './handoff.repository';
import { HandoffCaseRepository } from './handoff-case.repository';
import { HandoffCaseService } from './handoff-case.service';
import { HandoffEvents } from './handoff.events';
import { HandoffService } from './handoff.service';
import { LedgerJobs } from './ledger.jobs';
import { LEDGER_SCHEMA } from './ledger.types';
import { PointsAllotmentRepository } from './points-allotment.repository';
import { PointsAllotmentService } from './points-allotment.service';
import { ProvisionClaimService } from './provision-claim.service';
import { ReconciliationRepository } from './reconciliation.repository';
import { ReconciliationService } from './reconciliation.service';
import { ResponsibilityRepository } from './responsibility.repository';
import { SubjectRepository } from './subject.repository';
import { SubjectService } from './subject.service';

export const LEDGER_MIGRATIONS: MigrationSet = { schema: LEDGER_SCHEMA, dirs: [MESSAGING_MIGRATIONS, 'libs/ledger/migrations'] };

/**
 * The responsibility ledger (schema `ledger`). Needs DatabaseModule (with CATALOGUE_MIGRATIONS and
 * LEDGER_MIGRATIONS), MessagingModule and IdentityModule in the app. The catalogue and city policies
 * it reads are the versions in force (CatalogueModule's live views).
 */
@Module({
  imports: [CalendarModule, CatalogueModule],
  providers: [
    ResponsibilityRepository,
    SubjectRepository,
    HandoffRepository,
    HandoffCaseRepository,
    HandoffEvents,
    HandoffCaseService,
    FactChangeRepository,
    ClaimRepository,
    GapRepository,
    ReconciliationRepository,
    PointsAllotmentRepository,
    HandoffService,
    SubjectService,
    FactChangeService,
    ProvisionClaimService,
    ReconciliationService,
    PointsAllotmentService,
    LedgerJobs,
    GapDetectionService,
    CatalogueBackfillRepository,
    CatalogueBackfillService,
    CatalogueViewService,
  ],
  exports: [
    ProvisionClaimService,
    SubjectService,
    PointsAllotmentService,
    FactChangeService,
    HandoffService,
    HandoffCaseService,
    ReconciliationService,
    LedgerJobs,
    GapDetectionService,
    GapRepository,
    CatalogueBackfillService,
    CatalogueViewService,
  ],
})
export class LedgerModule {}
