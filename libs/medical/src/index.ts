export * from './medical.types';
export * from './medical.rules';
export * from './medical.module';
export { FilingService } from './filing.service';
export { SettlementService } from './settlement.service';
export type { RecordedSettlement } from './settlement.service';
export { ClearingService } from './clearing.service';
export { ClearingJob } from './clearing.job';
export type { ClearingRun } from './clearing.job';
