import { computeCheckCharacter } from './citizen-id.checksum';

/** A valid 18-character citizen ID number built from its parts, for tests and generated data only. */
export function makeCitizenId(regionPrefix: string, birth: string, seq: string): string {
  if (!/^[0-9]{6}$/.test(regionPrefix)) throw new Error('makeCitizenId: regionPrefix must be 6 digits');
  if (!/^[0-9]{8}$/.test(birth)) throw new Error('makeCitizenId: birth must be YYYYMMDD');
  if (!/^[0-9]{3}$/.test(seq)) throw new Error('makeCitizenId: seq must be 3 digits');
  const first17 = `${regionPrefix}${birth}${seq}`;
  return first17 + computeCheckCharacter(first17);
}
