import type { Schemas } from '@tongban/contracts';

export const MEDICAL_SCHEMA = 'medical';
/** `<region>/<app>` suffix of the medical events. */
export const MEDICAL_SOURCE = 'medical-settlement';
/** Catalogue code of the service a directly settled bill claims in the responsibility ledger. */
export const SETTLEMENT_SERVICE_CODE = 'med.cross-region-settlement';

export type FilingCategory = Schemas['FilingCategory'];
export type FilingTerm = 'long-term' | 'temporary';
export type MedicalFiling = Schemas['MedicalFiling'];
export type RegisterFilingCommand = Schemas['RegisterFilingRequest'];
export type CancelFilingCommand = Schemas['CancelFilingRequest'];

export type AdmissionType = 'planned' | 'emergency';
export type MedicalSettlement = Schemas['MedicalSettlement'];
export type RecordSettlementCommand = Schemas['RecordSettlementRequest'];

export type ClearingStatement = Schemas['ClearingStatement'];
export type ClearingLine = Schemas['ClearingLine'];
export type MedicalClearing = Schemas['MedicalClearing'];
export type DisputeLinesCommand = Schemas['DisputeLinesRequest'];
export type ClearingSide = 'insured' | 'treatment';

export const LONG_TERM_CATEGORIES: readonly FilingCategory[] = ['resettled-retiree', 'long-term-resident', 'posted-worker'];

export const termOf = (category: FilingCategory): FilingTerm => (LONG_TERM_CATEGORIES.includes(category) ? 'long-term' : 'temporary');

/** The ledger period key of one bill: the same key a hand reimbursement in the insured region claims. */
export const billPeriodKey = (treatmentRegion: string, settlementId: string): string => `bill:${treatmentRegion}:${settlementId}`;
