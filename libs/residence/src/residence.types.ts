export const RESIDENCE_SCHEMA = 'residence';

export type PermitBasis = 'employment' | 'housing' | 'study';
/** `suspended`: an endorsement was missed and the permit's functions are stopped (居住证暂行条例 第十四条). */
export type PermitStatus = 'active' | 'suspended' | 'cancelled';

export interface Permit {
  permitId: string;
  permitNumber: string;
  subjectRef: string;
  hukouRegion: string;
  residenceCity: string;
  basis: PermitBasis;
  residenceSince: string;
  issuedOn: string;
  validUntil: string;
  status: PermitStatus;
  /** the residence years the city counts run from here: residenceSince, or the date of a late endorsement */
  residenceYearsCountFrom: string;
  /** the next yearly endorsement (签注) is due on or before this date */
  endorsementDue: string;
  lastEndorsedOn: string | null;
  suspendedOn: string | null;
  cancelledOn: string | null;
  cancellationReason: string | null;
}

export interface IssuePermitCommand {
  permitNumber: string;
  citizenId: string;
  hukouRegion: string;
  residenceCity: string;
  basis: PermitBasis;
  residenceSince: string;
  issuedOn: string;
  validUntil: string;
}

export interface EndorsePermitCommand {
  endorsedOn: string;
}

export interface RenewPermitCommand {
  validUntil: string;
}

export interface CancelPermitCommand {
  reason: string;
  effectiveOn: string;
}

export interface Endorsement {
  permitId: string;
  dueOn: string;
  endorsedOn: string;
  late: boolean;
  lapsedOn: string | null;
}
