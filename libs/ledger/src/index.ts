export * from './ledger.types';
export * from './ledger.policy';
export * from './ledger.module';
export * from './ledger.operator-reads';
export * from './period.rules';
export { ProvisionClaimService, PLACE_BASES } from './provision-claim.service';
export { CLAIM_IF_HOLDER_SQL, claimIfHolderValues } from './claim.repository';
export { SubjectService } from './subject.service';
export type { PermitChanged, PermitIssued, PermitRecognised, SubjectResponsibilities, TransferCompleted } from './subject.service';
export { HandoffService } from './handoff.service';
export { HandoffCaseService } from './handoff-case.service';
export type { CaseAnswer } from './handoff-case.service';
export { FactChangeService } from './fact-change.service';
export { PointsAllotmentService } from './points-allotment.service';
export type { PointsAllotmentCommand, PointsAllotmentView } from './points-allotment.service';
export type { FactChangeView, HukouMoveCommand, InsuredRegionCommand } from './fact-change.service';
export { ReconciliationService } from './reconciliation.service';
export type { Reconciliation, ReconciliationItem } from './reconciliation.repository';
export { GapRepository } from './gap.repository';
export type { Gap } from './gap.repository';
export { LedgerJobs } from './ledger.jobs';
export type { DeadlineRun, ProvisionalRun } from './ledger.jobs';
export { GapDetectionService } from './gap-detection.service';
export type { GapRun, GapRunOptions } from './gap-detection.service';
export {
  anniversary,
  computeResponsibilities,
  explainResponsibilities,
  explainResponsibility,
  nextConditionReview,
  responsibleRegion,
  residenceConditionsMet,
  HELD_BASES,
  isHeld,
} from './responsibility.rules';
export type { ConditionCheck, ResponsibilityInput, ResponsibilityRule, ServiceExplanation } from './responsibility.rules';
export { BACKFILL_BATCH, BACKFILL_BUDGET_MS, CatalogueBackfillService } from './catalogue-backfill.service';
export type { BackfillRun } from './catalogue-backfill.service';
export { CatalogueViewService } from './catalogue-view.service';
