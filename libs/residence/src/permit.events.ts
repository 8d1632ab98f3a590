import { Permit } from './residence.types';

export const PERMIT_EVENT_SOURCE = 'residence-permit';

/** The fields every permit lifecycle event carries, so the ledger can recompute responsibility from any one of them. */
export function lifecycleData(p: Permit, effectiveOn: string) {
  return {
    permitId: p.permitId,
    permitNumber: p.permitNumber,
    subjectRef: p.subjectRef,
    hukouRegion: p.hukouRegion,
    residenceCity: p.residenceCity,
    status: p.status,
    effectiveOn,
    validUntil: p.validUntil,
    residenceYearsCountFrom: p.residenceYearsCountFrom,
  };
}

/** Lifecycle events go to the issuing city and the person's hukou region. */
export const permitRecipients = (p: Permit): string[] => [p.residenceCity, p.hukouRegion];
