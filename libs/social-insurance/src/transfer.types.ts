import type { Schemas } from '@tongban/contracts';
import type { AgencyKind } from '@tongban/identity';
import type { CollectionRule, ContributionMonth, InsuredPeriod } from './funds';

export const SOCIAL_INSURANCE_SCHEMA = 'social_insurance';
/** `<region>/<app>` of the events this library writes (`source` attribute). */
export const SOCIAL_INSURANCE_SOURCE = 'social-insurance';

export type InsuranceType = Schemas['InsuranceType'];

/** The agency that takes every step of a transfer on each side: 人社 for pension, 医保 for medical insurance. */
export const TRANSFER_AGENCY: Readonly<Record<InsuranceType, AgencyKind>> = Object.freeze({
  pension: 'human-resources',
  medical: 'healthcare-security',
});
export type TransferState = Schemas['TransferState'];
export type TransferStep = Schemas['TransferStep'];
export type ClockParty = 'outbound' | 'inbound';
export type Transfer = Schemas['SocialInsuranceTransfer'];
export type TransferPage = Schemas['SocialInsuranceTransferPage'];
export type TransferFunds = Schemas['TransferFunds'];
export type StepName = Schemas['TransferStepRecord']['step'];

export const OPEN_STATES: readonly TransferState[] = ['requested', 'certified', 'remitted'];

/** The step an open transfer awaits, and whose step it is. */
export const AWAITED: Record<'requested' | 'certified' | 'remitted', { step: TransferStep; party: ClockParty }> = {
  requested: { step: 'certificate', party: 'outbound' },
  certified: { step: 'remittance', party: 'outbound' },
  remitted: { step: 'receipt', party: 'inbound' },
};

export function awaitedOf(state: TransferState): { step: TransferStep; party: ClockParty } | undefined {
  return state === 'requested' || state === 'certified' || state === 'remitted' ? AWAITED[state] : undefined;
}

/**
 * A statutory clock: `workingDays` working days after `startedOn`, due on `dueOn`; `provisional` while the
 * official holiday schedule does not reach dueOn (counted on the statutory holidays; recomputed once it does).
 */
export interface StepClock {
  party: ClockParty;
  startedOn: string;
  workingDays: number;
  dueOn: string;
  provisional: boolean;
}

export interface StoredCertificate {
  months: ContributionMonth[];
  accountBalanceFen: number;
  contributionYears?: number;
  priorPeriods?: InsuredPeriod[];
  receivedOn: string;
}

export interface StoredCollectionRegion {
  region: string;
  rule: CollectionRule;
  explanation: string;
  monthsByRegion: Record<string, number>;
}

/** The stored transfer, as the service reads and writes it. */
export interface TransferRecord {
  transferId: string;
  seq?: string;
  subjectRef: string;
  insuranceType: InsuranceType;
  inboundRegion: string;
  outboundRegion: string;
  hukouRegion: string | null;
  state: TransferState;
  clock: StepClock | null;
  overdueSince: string | null;
  inboundMonths: string[];
  certificate: StoredCertificate | null;
  duplicates: Schemas['DuplicateMonthsDecision'] | null;
  funds: TransferFunds | null;
  collectionRegion: StoredCollectionRegion | null;
  remittance: Transfer['remittance'];
  receipt: Transfer['receipt'];
  refusal: Transfer['refusal'];
  cancellation: Transfer['cancellation'];
  createdAt?: string;
  updatedAt?: string;
}

export interface RequestTransferCommand {
  citizenId: string;
  insuranceType: InsuranceType;
  outboundRegion: string;
  hukouRegion?: string;
  inboundMonths?: string[];
}

export type CertificateCommand = Schemas['TransferCertificateRequest'];
export type RemittanceCommand = Schemas['TransferRemittanceRequest'];
export type ReceiptCommand = Schemas['TransferReceiptRequest'];
export type RefusalCommand = Schemas['TransferRefusalRequest'];
export type CancellationCommand = Schemas['TransferCancellationRequest'];

export interface TransferFilter {
  state?: TransferState;
  step?: TransferStep;
  insuranceType?: InsuranceType;
  role?: ClockParty;
  region?: string;
  awaiting?: boolean;
  overdue?: boolean;
  limit: number;
  after?: string;
}

/** The resource as the REST contract shows it. */
export function toView(r: TransferRecord, history?: Schemas['TransferStepRecord'][]): Transfer {
  const awaited = awaitedOf(r.state);
  return {
    transferId: r.transferId,
    subjectRef: r.subjectRef,
    insuranceType: r.insuranceType,
    inboundRegion: r.inboundRegion,
    outboundRegion: r.outboundRegion,
    hukouRegion: r.hukouRegion,
    state: r.state,
    step: awaited?.step ?? null,
    awaitingRegion: awaited ? (awaited.party === 'outbound' ? r.outboundRegion : r.inboundRegion) : null,
    deadline: r.clock,
    overdueSince: r.overdueSince,
    inboundMonths: r.inboundMonths,
    certificate: r.certificate,
    duplicates: r.duplicates,
    funds: r.funds,
    collectionRegion: r.collectionRegion,
    remittance: r.remittance,
    receipt: r.receipt,
    refusal: r.refusal,
    cancellation: r.cancellation,
    ...(history ? { history } : {}),
    createdAt: r.createdAt ?? new Date().toISOString(),
    updatedAt: r.updatedAt ?? new Date().toISOString(),
  };
}
