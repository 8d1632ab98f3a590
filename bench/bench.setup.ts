import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { chinaDay } from '@tongban/calendar';
import { BenchClient, closedLoop, sleep } from './bench.http';
import { agencyOf, Person, Population, tokenOf } from './bench.population';

export interface Registered extends Person {
  subjectRef: string;
}

/** Monthly services held by intervals: what the claim load claims, each by its holder. */
export const MONTHLY_HELD = [
  'elder.resident-pension',
  'veterans.preferential-care',
  'housing.rental-subsidy',
  'assist.minimum-living',
  'assist.disability-subsidies',
];
/** Handoffs the residence city accepts in the setup (the others stay proposed, as in real life for a while). */
const ACCEPTED_SERVICES = ['housing.rental-subsidy', 'assist.minimum-living', 'assist.disability-subsidies', 'edu.compulsory'];

export function permitBody(p: Person, seq: number): Record<string, unknown> {
  const today = chinaDay(new Date());
  const nextYear = `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`;
  return {
    permitNumber: `BENCH-${p.residenceCity}-${String(seq).padStart(8, '0')}`,
    citizenId: p.citizenId,
    hukouRegion: p.hukouCity,
    residenceCity: p.residenceCity,
    basis: 'employment',
    residenceSince: `${Number(today.slice(0, 4)) - 2}-03-01`,
    issuedOn: today,
    validUntil: nextYear,
  };
}

async function count(db: Client, sql: string, values: unknown[] = []): Promise<number> {
  return Number((await db.query<{ n: string }>(sql, values)).rows[0].n);
}

/**
 * The synthetic population enters the ledger the way it does in production, through the gateway:
 * the hukou city registers each person; migrants get a residence permit from their city, the ledger
 * consumes the permit event and proposes handoffs, and the residence city accepts some of them.
 */
export async function setUpPopulation(opts: {
  gateway: string;
  db: Client;
  people: number;
  seed: number;
  log: (line: string) => void;
}): Promise<{ registered: Registered[]; permits: number; accepted: number; seconds: number }> {
  const started = performance.now();
  const population = new Population(opts.seed);
  const people = Array.from({ length: opts.people }, () => population.next());
  const client = new BenchClient(opts.gateway, 16);
  const registered: Registered[] = [];
  const failures = new Map<string, number>();
  const fail = (what: string, status: number): void => {
    const k = `${what} ${status}`;
    failures.set(k, (failures.get(k) ?? 0) + 1);
  };
  try {
    await closedLoop(16, people.length, async (i) => {
      const p = people[i];
      const res = await client.call('POST', '/v1/subjects', {
        token: tokenOf(p.hukouCity, 'public-security'),
        body: { citizenId: p.citizenId, hukouRegion: p.hukouCity },
      });
      if (res.status === 201) registered.push({ ...p, subjectRef: res.body.subjectRef as string });
      else fail('register', res.status);
    });
    const migrants = registered.filter((p) => p.residenceCity !== null);
    const inboxBefore = await count(opts.db, `SELECT count(*) AS n FROM ledger.inbox`);
    let permits = 0;
    await closedLoop(16, migrants.length, async (i) => {
      const p = migrants[i];
      const res = await client.call('POST', '/v1/residence-permits', {
        token: tokenOf(p.residenceCity!, 'public-security'),
        body: permitBody(p, i),
        idempotencyKey: `bench-permit-${randomUUID()}`,
      });
      if (res.status === 201) permits++;
      else fail('permit', res.status);
    });
    opts.log(`setup: ${registered.length} registered, ${permits} permits issued; waiting for the ledger to consume the permit events`);
    const deadline = Date.now() + 180000;
    while ((await count(opts.db, `SELECT count(*) AS n FROM ledger.inbox`)) - inboxBefore < permits) {
      if (Date.now() > deadline) throw new Error('setup: the ledger did not consume the permit events within 180 s');
      await sleep(500);
    }
    const proposals = (
      await opts.db.query<{ handoff_id: string; to_region: string; service_code: string }>(
        `SELECT handoff_id, to_region, service_code FROM ledger.handoffs WHERE status = 'proposed' AND service_code = ANY($1) AND subject_ref = ANY($2)`,
        [ACCEPTED_SERVICES, migrants.map((m) => m.subjectRef)],
      )
    ).rows;
    let accepted = 0;
    const today = chinaDay(new Date());
    await closedLoop(16, proposals.length, async (i) => {
      const h = proposals[i];
      const res = await client.call('POST', `/v1/handoffs/${h.handoff_id}/accept`, {
        token: tokenOf(h.to_region, agencyOf(h.service_code)),
        body: { effectiveFrom: today },
      });
      if (res.status === 200) accepted++;
      else fail('accept', res.status);
    });
    if (failures.size > 0) opts.log(`setup: unexpected answers: ${[...failures].map(([k, n]) => `${k} × ${n}`).join(', ')}`);
    return { registered, permits, accepted, seconds: (performance.now() - started) / 1000 };
  } finally {
    client.close();
  }
}
