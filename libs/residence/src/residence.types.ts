export const RESIDENCE_SCHEMA = 'residence';

export type PermitBasis = 'employment' | 'housing' | 'study';
export type PermitStatus = 'active' | 'cancelled';

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

