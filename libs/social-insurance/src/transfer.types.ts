import type { EvidenceRef } from '@tongban/catalogue';
import type { Schemas } from '@tongban/contracts';
import type { AgencyKind } from '@tongban/identity';
import type { CollectionRule, ContributionMonth, InsuredPeriod, TransferSide } from './funds';

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

export const OPEN_STATES: readonly TransferState[] = ['applied', 'requested', 'certified', 'remitted'];

type OpenState = 'applied' | 'requested' | 'certified' | 'remitted';

/** The step an open transfer awaits, and whose step it is. */
export const AWAITED: Record<OpenState, { step: TransferStep; party: ClockParty }> = {
  applied: { step: 'contact-letter', party: 'inbound' },
  requested: { step: 'certificate', party: 'outbound' },
  certified: { step: 'remittance', party: 'outbound' },
  remitted: { step: 'receipt', party: 'inbound' },
};

export function awaitedOf(state: TransferState): { step: TransferStep; party: ClockParty } | undefined {
  return (OPEN_STATES as readonly string[]).includes(state) ? AWAITED[state as OpenState] : undefined;
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

type DuplicatesDecision = Schemas['DuplicateMonthsDecision'];
/** A duplicate-months decision as stored: those made before policy v2 lack the refund, the rule and its source. */
export type StoredDuplicates = Omit<DuplicatesDecision, 'refundFen' | 'rule' | 'source'> &
  Partial<Pick<DuplicatesDecision, 'refundFen' | 'rule' | 'source'>>;

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
  /** the day the inbound region received the application */
  appliedOn: string;
  /** the day the contact letter was issued; null while a pension application awaits the inbound review */
  contactLetterOn: string | null;
  duplicateMonthsKept: TransferSide;
  inboundMonths: string[];
  certificate: StoredCertificate | null;
  duplicates: StoredDuplicates | null;
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
  /** a claim only: the hukou region comes from the ledger */
  hukouRegion?: string;
  appliedOn?: string;
  duplicateMonthsKept?: TransferSide;
  inboundMonths?: string[];
  /** references to the evidence the catalogue in force requires for the step `request` (统一证明材料要求) */
  evidence?: EvidenceRef[];
}

export type ContactLetterCommand = Schemas['TransferContactLetterRequest'];

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

/** Decisions stored before policy v2 carried no rule, source or refund: they were all "inbound keeps". */
const LEGACY_DUPLICATES = {
  rule: 'the inbound region keeps months contributed in both regions; the outbound region leaves them out of the transfer',
  source: 'decision of the gateway before transfer policy v2 (no refund of the individual-account share was computed)',
};

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
    appliedOn: r.appliedOn,
    contactLetterOn: r.contactLetterOn,
    duplicateMonthsKept: r.duplicateMonthsKept,
    inboundMonths: r.inboundMonths,
    certificate: r.certificate,
    duplicates: r.duplicates && { refundFen: null, rule: LEGACY_DUPLICATES.rule, source: LEGACY_DUPLICATES.source, ...r.duplicates },
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
