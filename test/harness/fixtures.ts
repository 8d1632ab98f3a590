import { makeCitizenId } from '@tongban/identity';

let seq = 100;

/** A fresh valid citizen ID number (region of first issue 360102 南昌东湖区, born 1990-05-17). */
export function newCitizenId(prefix = '360102', birth = '19900517'): string {
  seq += 1;
  return makeCitizenId(prefix, birth, String(seq % 1000).padStart(3, '0'));
}

/** A permit issued by 广州 to a person with hukou in 南昌, after eight months' residence. */
export function guangzhouPermit(citizenId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    permitNumber: `GZ-2026-${String(seq).padStart(6, '0')}`,
    citizenId,
    hukouRegion: '360100',
    residenceCity: '440100',
    basis: 'employment',
    residenceSince: '2025-06-01',
    issuedOn: '2026-02-02',
    validUntil: '2027-02-01',
    ...overrides,
  };
}
