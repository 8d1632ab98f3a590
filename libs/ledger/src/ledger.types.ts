export const LEDGER_SCHEMA = 'ledger';
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
}

export interface ClaimCommand {
  subjectRef: string;
  serviceCode: string;
  periodKey: string;
}

/** What the ledger knows about a person; the responsible regions are computed from it. */
export interface SubjectFacts {
  subjectRef: string;
  hukouRegion: string;
  residenceCity: string | null;
  permitId: string | null;
  residenceSince: string | null;
  insuredRegion: string | null;
  insuredSince: string | null;
}

export type HandoffStatus = 'proposed' | 'disputed' | 'accepted' | 'rejected' | 'withdrawn';

export interface Handoff {
  handoffId: string;
  subjectRef: string;
  serviceCode: string;
  fromRegion: string;
  toRegion: string;
  status: HandoffStatus;
  reason: string;
  proposedAt: string;
  remindOn: string;
  deadline: string;
  remindedAt: string | null;
  escalatedAt: string | null;
  answeredAt: string | null;
  effectiveAt: string | null;
  answerReason: string | null;
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
