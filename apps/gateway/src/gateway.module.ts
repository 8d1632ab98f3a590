import { Module } from '@nestjs/common';
import { CATALOGUE_MIGRATIONS, CatalogueModule } from '@tongban/catalogue';
import { ConfigModule } from '@tongban/config';
import { DatabaseModule, MESSAGING_MIGRATIONS } from '@tongban/database';
import { GatewayHttpModule } from '@tongban/http';
import { GATEWAY_ACCESS } from './gateway.access';
import { IdentityModule } from '@tongban/identity';
import { LEDGER_MIGRATIONS, LEDGER_SCHEMA, LedgerModule } from '@tongban/ledger';
import { LoggingModule } from '@tongban/logging';
import { MEDICAL_MIGRATIONS, MEDICAL_SCHEMA, MedicalModule } from '@tongban/medical';
import { DEAD_LETTER_MIGRATIONS, MessagingModule } from '@tongban/messaging';
import { OPS_MIGRATIONS, OpsModule } from '@tongban/ops';
import { RESIDENCE_MIGRATIONS, RESIDENCE_SCHEMA, ResidenceModule } from '@tongban/residence';
import { SOCIAL_INSURANCE_MIGRATIONS, SOCIAL_INSURANCE_SCHEMA, SocialInsuranceModule } from '@tongban/social-insurance';
import { CatalogueController } from './catalogue/catalogue.controller';
import { CatalogueOpsController } from './catalogue/catalogue-ops.controller';
import { AuditController } from './ops/audit.controller';
import { DeadLettersController } from './ops/dead-letters.controller';
import { OpsKafkaController } from './ops/ops-kafka.controller';
import { OpsQueuesController } from './ops/ops-queues.controller';
import { FactChangesController } from './ledger/fact-changes.controller';
import { HandoffsController } from './ledger/handoffs.controller';
import { HandoffCasesController } from './ledger/handoff-cases.controller';
import { LedgerOpsController } from './ledger/ledger-ops.controller';
import { PointsAllotmentsController } from './ledger/points-allotments.controller';
import { ProvisionClaimsController } from './ledger/provision-claims.controller';
import { EntitlementsController } from './ledger/entitlements.controller';
import { ReconciliationsController } from './ledger/reconciliations.controller';
import { SubjectsController } from './ledger/subjects.controller';
import { MedicalController } from './medical/medical.controller';
import { PointsConversionsController } from './residence-permits/points-conversions.controller';
import { ResidenceHistoryController } from './residence-permits/residence-history.controller';
import { ResidencePermitsController } from './residence-permits/residence-permits.controller';
import { LedgerHukouRegions } from './social-insurance/ledger-hukou-regions';
import { SocialInsuranceController } from './social-insurance/social-insurance.controller';

export const GATEWAY_SCHEMA = 'gateway';

/**
 * The REST edge for provincial systems. Synchronous commands run here, in-process, through the
 * domain libraries (state change + outbox rows in one transaction), so the gateway relays every
 * outbox its commands write; the ledger app consumes, the adapters run their domains' clocks. The
 * `gateway` schema holds idempotency keys and the audit log; nothing writes its outbox.
 */
@Module({
  imports: [
    ConfigModule.forRoot(),
    LoggingModule.forApp('gateway'),
    DatabaseModule.forRoot([
      { schema: GATEWAY_SCHEMA, dirs: [MESSAGING_MIGRATIONS, 'libs/http/migrations'] },
      DEAD_LETTER_MIGRATIONS,
      RESIDENCE_MIGRATIONS,
      CATALOGUE_MIGRATIONS,
      LEDGER_MIGRATIONS,
      SOCIAL_INSURANCE_MIGRATIONS,
      MEDICAL_MIGRATIONS,
      OPS_MIGRATIONS,
    ]),
    MessagingModule.forRoot([RESIDENCE_SCHEMA, SOCIAL_INSURANCE_SCHEMA, MEDICAL_SCHEMA, LEDGER_SCHEMA]),
    IdentityModule,
    GatewayHttpModule.forRoot(GATEWAY_ACCESS),
    ResidenceModule,
    CatalogueModule,
    LedgerModule,
    SocialInsuranceModule.withCommands({ imports: [LedgerModule], hukouRegions: LedgerHukouRegions }),
    MedicalModule,
    OpsModule,
  ],
  controllers: [
    SubjectsController,
    FactChangesController,
    HandoffsController,
    HandoffCasesController,
    ProvisionClaimsController,
    PointsAllotmentsController,
    EntitlementsController,
    ReconciliationsController,
    LedgerOpsController,
    CatalogueController,
    CatalogueOpsController,
    ResidencePermitsController,
    ResidenceHistoryController,
    PointsConversionsController,
    DeadLettersController,
    AuditController,
    OpsQueuesController,
    OpsKafkaController,
    SocialInsuranceController,
    MedicalController,
  ],
})
export class GatewayModule {}
