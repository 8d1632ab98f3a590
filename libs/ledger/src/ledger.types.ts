import type { EvidenceRef, InsuranceBranch } from '@tongban/catalogue';

export const LEDGER_SCHEMA = 'ledger';

/** The services whose holder is a person's medical insurer (employee or resident scheme): it registers filings and may reimburse a bill by hand. */
export const MEDICAL_INSURANCE_SERVICES: readonly string[] = ['med.employee-medical-insurance', 'med.resident-medical-insurance'];
/** `<region>/<app>` suffix of the ledger's events. */
export const LEDGER_SOURCE = 'ledger';

/** A provision claim: the one region that provides a service to a person for a period. */
export interface ProvisionClaim {
  claimId: string;
  subjectRef: string;
  serviceCode: string;
  periodKey: string;
  region: string;
  /** the catalogue basis the claim was granted on */
  basis: string;
  claimedAt: string;
  /** the day whose holder owns the claim: the period's first day, or the reference date of a service without periods */
  periodStart: string;
  /** the day after the period (exclusive) */
  periodEnd: string;
  /** the evidence the claim referenced (统一证明材料要求) */
  evidence: EvidenceRef[];
}

export interface ClaimCommand {
  subjectRef: string;
  serviceCode: string;
  periodKey: string;
  /** for services without periods (one-off, continuous): the day of provision; today when absent */
  referenceDate?: string;
  /** references to the evidence the catalogue requires for the item (e.g. the residence permit) */
  evidence?: EvidenceRef[];
}

/** A periodic entitlement: from its first period on, a period closing without a claim is a gap. */
export interface Entitlement {
  subjectRef: string;
  serviceCode: string;
  sincePeriod: string;
  since: string;
  openedBy: string;
}

/** Where a person is insured in one branch, and since when. */
export interface InsuredRelation {
  region: string;
  since: string;
}

/** The insured region of each branch known to the ledger; a branch not known is held by the hukou region. */
export type InsuredRegions = Partial<Record<InsuranceBranch, InsuredRelation>>;

/**
 * The residence city's decision that the person meets its points condition for a service (积分入学,
 * 积分入住 …): points are never inferred by the ledger, only such a decision meets them.
 */
export interface PointsAllotment {
  allotmentId: string;
  serviceCode: string;
  /** the deciding city */
  region: string;
  points: number;
  /** the city's decision (its number or reference) */
  decisionRef: string;
  decidedOn: string;
}

/** What the ledger knows about a person; the responsible regions are computed from it. */
export interface SubjectFacts {
  subjectRef: string;
  hukouRegion: string;
  residenceCity: string | null;
  permitId: string | null;
  residenceSince: string | null;
  insured: InsuredRegions;
  /** the time of the last permit event applied (older ones are replays and change nothing) */
  permitEventAt?: string | null;
  /** points allotments in force (read with the facts; recorded by PointsAllotmentService only) */
  allotments?: readonly PointsAllotment[];
}

export type FactKind = 'hukou-move' | 'insured-region';
export type FactChangeStatus = 'provisional' | 'disputed' | 'definitive' | 'rejected' | 'superseded';
export type FactDecision = 'consent' | 'objection-window' | 'operator' | 'uncontested' | 'superseded';

/**
 * A fact stated by one region that takes responsibility from another: provisional until the releasing
 * region consents or its objection window lapses; disputed on objection until operators decide.
 */
export interface FactChange {
  changeId: string;
  subjectRef: string;
  kind: FactKind;
  branch: InsuranceBranch | null;
  fromRegion: string;
  toRegion: string;
  effectiveOn: string;
  status: FactChangeStatus;
  statedAt: string;
  objectionDeadline: string;
  /** the objection deadline lies past the official holiday schedule (recomputed once a newer one covers it) */
  objectionDeadlineProvisional: boolean;
  objectionReason: string | null;
  decision: FactDecision | null;
  decidedAt: string | null;
  note: string | null;
}

export type HandoffStatus = 'proposed' | 'disputed' | 'accepted' | 'rejected' | 'withdrawn';

export interface Handoff {
  handoffId: string;
  /** the case of the move it belongs to: the handoffs one cause proposed for the person between the same regions */
  caseId: string;
  subjectRef: string;
  serviceCode: string;
  fromRegion: string;
  toRegion: string;
  status: HandoffStatus;
  reason: string;
  proposedAt: string;
  remindOn: string;
  deadline: string;
  /** the deadline lies past the official holiday schedule (recomputed once a newer one covers it) */
  deadlineProvisional: boolean;
  remindedAt: string | null;
  escalatedAt: string | null;
  answeredAt: string | null;
  effectiveAt: string | null;
  answerReason: string | null;
  /** the last day an accept may take effect */
  effectiveBy: string;
  /** answered by operators (a dispute or an escalated proposal decided) */
  decidedByOperator: boolean;
}

/** One move of a person, without its handoffs: what one cause proposed from one region to another. */
export interface CaseHeader {
  caseId: string;
  subjectRef: string;
  fromRegion: string;
  toRegion: string;
  reason: string;
  proposedAt: string;
  proposedOn: string;
}

/** One move of a person: the handoffs one cause proposed between two regions, answered as a whole or per service. */
export interface HandoffCase extends CaseHeader {
  /** open while a service of it awaits an answer (proposed or disputed) */
  status: 'open' | 'closed';
  handoffs: Handoff[];
}

/** The current interval of one (subject, service). */
export interface Holder {
  responsibilityId: string;
  serviceCode: string;
  region: string;
  since: string;
}

/** Why the facts changed: recorded on intervals and proposals. */
export interface Cause {
  reason: string;
  eventId?: string;
}
