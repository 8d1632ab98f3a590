import { randomUUID } from 'node:crypto';
import { makeCitizenId } from '@tongban/identity';
import { toKafkaHeaders } from '@tongban/messaging';

let seq = 100;

/** A fresh valid citizen ID number (region of first issue 360102 南昌东湖区, born 1990-05-17). */
export function newCitizenId(prefix = '360102', birth = '19900517'): string {
  seq += 1;
  return makeCitizenId(prefix, birth, String(seq % 1000).padStart(3, '0'));
}

/** The terms of the test permit: issued by 广州 to a person with hukou in 南昌, after eight months' residence. */
const GUANGZHOU_PERMIT_TERMS = {
  hukouRegion: '360100',
  residenceCity: '440100',
  basis: 'employment',
  residenceSince: '2025-06-01',
  issuedOn: '2026-02-02',
  validUntil: '2027-02-01',
} as const;

/** The request body registering that permit. */
export function guangzhouPermit(citizenId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { permitNumber: `GZ-2026-${String(seq).padStart(6, '0')}`, citizenId, ...GUANGZHOU_PERMIT_TERMS, ...overrides };
}

/**
 * A raw permit-issued CloudEvent as a Kafka message (for consumer tests that bypass the relay): the
 * 广州 permit's terms unless overridden, issued by the residence city to it and the hukou region.
 */
export function permitIssuedMessage(
  permitNumber: string,
  key = `s1_${'A'.repeat(32)}`,
  overrides: { hukouRegion?: string; residenceCity?: string; residenceSince?: string; issuedOn?: string; eventId?: string } = {},
): { key: string; value: string; headers: Record<string, string> } {
  const type = 'cn.gov.tongban.residence.permit-issued.v1' as const;
  const { eventId = randomUUID(), ...terms } = overrides;
  const data = { permitId: randomUUID(), permitNumber, subjectRef: key, ...GUANGZHOU_PERMIT_TERMS, ...terms };
  const headers = toKafkaHeaders({
    id: eventId,
    source: `${data.residenceCity}/residence-permit`,
    type,
    subject: key,
    time: new Date().toISOString(),
    dataschema: `urn:tongban:event-schema:${type}`,
    recipients: [data.residenceCity, data.hukouRegion],
  });
  return { key, value: JSON.stringify(data), headers };
}
