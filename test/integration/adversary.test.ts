import { loadContract } from '@tongban/http';
import { agencyKinds, AgencyKind, citizenIdsIn } from '@tongban/identity';
import { ClearingJob } from '@tongban/medical';
import { allTopics, fromKafkaMessage } from '@tongban/messaging';
import { provinces } from '@tongban/regions';
import { GATEWAY_ACCESS } from '../../apps/gateway/src/gateway.access';
import { call, CallResult, OPERATOR, token } from '../harness/http';
import { eventually } from '../harness/eventually';
import { guangzhouPermit } from '../harness/fixtures';
import { Collected, Suite } from '../harness/suite';
import { CITY, fill, Fixtures, HUKOU, MONTH, seedVictims, STRANGER, STRANGER_CASES, TODAY } from '../harness/victims';
import { GATEWAY_APP } from '../../apps/gateway/src/gateway.app';
import { LEDGER_APP } from '../../apps/ledger/src/ledger.app';
import { MEDICAL_SETTLEMENT_APP } from '../../apps/medical-settlement/src/medical-settlement.app';

type Json = Record<string, unknown>;

/** What the victims' regions rely on: every domain record of people and of their services. */
const RECORDS = [
  'ledger.subjects',
  'ledger.insurance_relations',
  'ledger.responsibilities',
  'ledger.handoffs',
  'ledger.provision_claims',
  'ledger.entitlements',
  'ledger.gaps',
  'ledger.fact_changes',
  'residence.permits',
  'residence.endorsements',
  'social_insurance.transfers',
  'medical.filings',
  'medical.settlements',
  'medical.statements',
  'medical.statement_lines',
];
const REFUSED = [403, 404, 409, 422];

/**
 * A hostile (or careless) region — 成都, with a credential of every agency kind — against people it has
 * no relationship with (a 南昌 hukou living in 广州, a 南昌 person insured and filed in 南昌). It tries
 * every write of the matrix on their resources and the reproductions of the authority issue; every
 * attempt is refused with 403/404/409/422 and the records and topics the victims' regions rely on are
 * unchanged. The one write it may make is a statement of a fact it would gain (a hukou move, an
 * insured region): recorded as provisional, told to the releasing region only, and without effect
 * unless that region consents or lets its window pass — EESSI's provisional determination.
 */
describe('adversary: a hostile region tries every path on people it is not related to (real PostgreSQL and Kafka)', () => {
  let suite: Suite;
  let gateway: string;
  let f: Fixtures;
  const operations = loadContract().operations;
  const as = (agency: AgencyKind): string => token(STRANGER, agency);

  async function quiet(): Promise<void> {
    // every outbox drained (the gateway relays what its commands write, the medical app its clearing)
    const backlog = async (): Promise<number> =>
      Number(
        (
          await suite.db.one<{ n: string }>(
            `SELECT (SELECT count(*) FROM ledger.outbox WHERE published_at IS NULL) + (SELECT count(*) FROM residence.outbox WHERE published_at IS NULL)
                  + (SELECT count(*) FROM medical.outbox WHERE published_at IS NULL)
                  + (SELECT count(*) FROM social_insurance.outbox WHERE published_at IS NULL) AS n`,
          )
        )?.n,
      );
    await eventually(backlog, (n) => n === 0, 'the outboxes to drain', 30000);
    await new Promise((r) => setTimeout(r, 1500)); // the ledger consumer has applied what it received
  }

  async function records(): Promise<Record<string, string>> {
    const out: Record<string, string> = {};
    for (const table of RECORDS) {
      const row = await suite.db.one<{ h: string; n: string }>(
        `SELECT md5(COALESCE(string_agg(t::text, '|' ORDER BY t::text), '')) AS h, count(*) AS n FROM ${table} t`,
      );
      out[table] = `${row?.n}:${row?.h}`;
    }
    return out;
  }

  /**
   * Every record of a topic as an agency reads it (read_committed), to its end: until no new record
   * arrived for 1.5 s. Offsets cannot say where the end is: relays write in transactions, whose
   * commit markers take offsets no consumer is handed.
   */
  async function readToEnd(topic: string | string[]): Promise<Collected[]> {
    let seen = -1;
    let since = Date.now();
    return suite.collect(
      topic,
      (got) => {
        if (got.length !== seen) [seen, since] = [got.length, Date.now()];
        return Date.now() - since > 1500;
      },
      60000,
    );
  }

  /** The high watermarks of every topic: they move when anything (records, transaction markers) is written. */
  async function offsets(): Promise<Record<string, number>> {
    const admin = suite.kafka.admin();
    await admin.connect();
    try {
      const out: Record<string, number> = {};
      for (const t of allTopics(provinces())) {
        const parts = await admin.fetchTopicOffsets(suite.topic(t.name));
        out[t.name] = parts.reduce((n, p) => n + Number(p.high), 0);
      }
      return out;
    } finally {
      await admin.disconnect();
    }
  }

  beforeAll(async () => {
    suite = await Suite.create('adversary');
    gateway = (await suite.start(GATEWAY_APP)).url;
    await suite.start(LEDGER_APP);
    const medical = await suite.start(MEDICAL_SETTLEMENT_APP);
    f = await seedVictims(gateway, medical.app.get(ClearingJob));
  });
  afterAll(() => suite.stop());

  it('is refused every write of the matrix, by every agency kind granted it, on the victims, and learns nothing of them', async () => {
    await quiet();
    const before = { records: await records(), offsets: await offsets() };
    const tried: string[] = [];
    for (const op of operations) {
      const grants = GATEWAY_ACCESS[op.operationId].grants;
      if (grants === 'public' || op.operationId === 'uploadReconciliation') continue;
      const c = STRANGER_CASES[op.operationId];
      for (const agency of agencyKinds().filter((k) => grants.includes(k))) {
        const res = await call<Json>(gateway, op.method, fill(op.path, c?.path?.(f)), {
          token: as(agency),
          body: op.method === 'POST' ? (c?.body?.(f) ?? {}) : undefined,
        });
        const { instance: _path, ...answer } = res.body ?? {};
        const text = JSON.stringify(answer);
        if (op.method === 'POST' || op.path.includes('{')) {
          expect([op.operationId, agency, REFUSED.includes(res.status)]).toEqual([op.operationId, agency, true]);
        }
        // nothing identifies a victim, nor says where they are held, to the stranger
        expect([op.operationId, agency, text.includes(f.subjectRef.slice(3)) || text.includes(f.insuredSubjectRef.slice(3))]).toEqual([
          op.operationId,
          agency,
          false,
        ]);
        if (res.status === 404) expect([op.operationId, text.includes(HUKOU) || text.includes(CITY)]).toEqual([op.operationId, false]);
        tried.push(`${op.operationId}:${agency}`);
      }
    }
    expect(tried.length).toBeGreaterThan(120);
    await quiet();
    expect(await records()).toEqual(before.records);
    expect(await offsets()).toEqual(before.offsets);
  });

  it('holding the victims’ ID numbers, it still cannot take them over, block them, or learn where they are (the five reproductions)', async () => {
    await quiet();
    const before = { records: await records(), offsets: await offsets() };
    const post = (path: string, agency: AgencyKind, body?: unknown): Promise<CallResult<Json>> =>
      call<Json>(gateway, 'POST', path, { token: as(agency), body });

    // 1. takeover by self-declared fact: provisional, not told who releases, nothing to accept, nothing moves
    const move = await post('/v1/hukou-moves', 'public-security', { citizenId: f.permitCitizenId, hukouRegion: STRANGER, movedOn: TODAY });
    expect(move.body).toMatchObject({ status: 'provisional', fromRegion: null });
    const insured = await post('/v1/insured-region-changes', 'human-resources', {
      citizenId: f.permitCitizenId,
      branch: 'pension',
      insuredRegion: STRANGER,
      since: '1990-01-01',
    });
    expect(insured.body).toMatchObject({ status: 'provisional', fromRegion: null });
    for (const change of [move.body.changeId, insured.body.changeId]) {
      expect((await post(`/v1/fact-changes/${String(change)}/consent`, 'public-security')).status).toBe(403);
      expect((await post(`/v1/fact-changes/${String(change)}/consent`, 'human-resources')).status).toBe(403);
    }
    for (const agency of ['education', 'civil-affairs', 'housing', 'veterans-affairs', 'human-resources'] as const) {
      expect((await post(`/v1/handoffs/${f.handoffId}/accept`, agency, { effectiveFrom: TODAY })).status).toBe(404);
    }
    expect(
      (
        await post('/v1/provision-claims', 'veterans-affairs', {
          subjectRef: f.subjectRef,
          serviceCode: 'veterans.preferential-care',
          periodKey: MONTH,
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await post('/v1/provision-claims', 'human-resources', {
          subjectRef: f.subjectRef,
          serviceCode: 'elder.employee-pension',
          periodKey: MONTH,
        })
      ).status,
    ).toBe(404);
    expect((await call(gateway, 'GET', `/v1/subjects/${f.subjectRef}/responsibilities`, { token: as('public-security') })).status).toBe(
      404,
    );

    // 2. identity oracle: registration, a second permit, points conversion say nothing of the person
    const register = await post('/v1/subjects', 'public-security', { citizenId: f.permitCitizenId, hukouRegion: STRANGER });
    expect([register.status, register.body.reason]).toEqual([409, 'registered-elsewhere']);
    const permit = await post(
      '/v1/residence-permits',
      'public-security',
      guangzhouPermit(f.permitCitizenId, { residenceCity: STRANGER, permitNumber: 'CD-2026-999999' }),
    );
    expect([permit.status, permit.body.reason]).toEqual([409, 'second-active-permit']);
    // (成都 has no points scheme; 天津, which has one, stands in for the hostile city converting points)
    const points = await call<Json>(gateway, 'POST', '/v1/points-conversions', {
      token: token('120100', 'public-security'),
      body: { subjectRef: f.subjectRef, fromCity: '310100', toCity: '120100' },
    });
    expect(points.status).toBe(404);
    for (const res of [register, permit, points]) {
      const text = JSON.stringify(res.body);
      for (const secret of [f.subjectRef.slice(3), HUKOU, CITY]) expect(text).not.toContain(secret);
    }

    // 3. reconciliation as an oracle: its own records are compared with the ledger only, and an overlap does not say who provided
    const upload = await call<Json>(gateway, 'POST', '/v1/reconciliations', {
      token: as('healthcare-security'),
      headers: { 'content-type': 'application/x-ndjson' },
      rawBody: `${JSON.stringify({ subjectRef: f.insuredSubjectRef, serviceCode: 'med.cross-region-settlement', periodKey: f.billKey })}\n`,
    });
    expect(upload.body).toMatchObject({ overlaps: 1 });
    const items = await call<{ items: Json[] }>(gateway, 'GET', `/v1/reconciliations/${String(upload.body.reconciliationId)}/items`, {
      token: as('healthcare-security'),
    });
    expect(items.body.items).toEqual([expect.objectContaining({ kind: 'overlap', otherRegions: [] })]);

    // 4. blocking by a stranger: no filing for someone it does not insure, no bill key of another treatment region
    const filing = await post('/v1/medical/filings', 'healthcare-security', {
      citizenId: f.insuredCitizenId,
      category: 'long-term-resident',
      treatmentRegion: CITY,
      validFrom: `${MONTH}-01`,
    });
    expect([filing.status, filing.body.rule]).toEqual([403, 'insured-region-only']);
    const bill = await post('/v1/provision-claims', 'healthcare-security', {
      subjectRef: f.insuredSubjectRef,
      serviceCode: 'med.cross-region-settlement',
      periodKey: `bill:${CITY}:NEXT-1`,
    });
    expect([bill.status, bill.body.rule]).toEqual([422, 'place-bound-key']);
    const emergency = await post('/v1/provision-claims', 'civil-affairs', {
      subjectRef: f.insuredSubjectRef,
      serviceCode: 'assist.temporary',
      periodKey: `case:${HUKOU}:fire-1`,
    });
    expect([emergency.status, emergency.body.rule]).toEqual([422, 'place-bound-key']);

    // 5. side doors: an ID number in free text or a request id is refused or replaced
    const reason = await post(`/v1/fact-changes/${String(move.body.changeId)}/objection`, 'public-security', {
      reason: `see ${f.permitCitizenId}`,
    });
    expect([reason.status, (reason.body.errors as Json[])[0]]).toEqual([422, expect.objectContaining({ field: '/body/reason' })]);

    // nothing the victims rely on changed but the two provisional statements, told to the releasing region only
    await quiet();
    const after = { records: await records(), offsets: await offsets() };
    const changed = Object.keys(before.records).filter((t) => before.records[t] !== after.records[t]);
    expect(changed).toEqual(['ledger.fact_changes']);
    const statements = await suite.db.query<{ status: string; to_region: string }>(
      `SELECT status, to_region FROM ledger.fact_changes WHERE to_region = $1`,
      [STRANGER],
    );
    expect(statements).toEqual([
      { status: 'provisional', to_region: STRANGER },
      { status: 'provisional', to_region: STRANGER },
    ]);
    const moved = Object.keys(before.offsets).filter((t) => before.offsets[t] !== after.offsets[t]);
    // (no app consumes ledger events: nothing is copied to tongban.ledger.events.v1)
    expect(moved.sort()).toEqual(['tongban.deliver.360000.v1']);
    const factNotices = (got: Collected[]): ReturnType<typeof fromKafkaMessage>[] =>
      got
        .filter((g) => g.message.key?.toString() === f.subjectRef)
        .map((g) => fromKafkaMessage(g.message.headers, g.message.value))
        .filter((e) => e.type.startsWith('cn.gov.tongban.ledger.fact-change-'));
    // the province topic read to its end: exactly these two records about the victim were added
    const notices = factNotices(await readToEnd('tongban.deliver.360000.v1'));
    expect(notices.map((e) => [e.type, e.recipients])).toEqual([
      ['cn.gov.tongban.ledger.fact-change-stated.v2', [HUKOU]],
      ['cn.gov.tongban.ledger.fact-change-stated.v2', [HUKOU]],
    ]);

    // the hukou region objects; operators reject; still nothing moved
    for (const [change, agency] of [
      [move.body.changeId, 'public-security'],
      [insured.body.changeId, 'human-resources'],
    ] as const) {
      expect(
        (
          await call<Json>(gateway, 'POST', `/v1/fact-changes/${String(change)}/objection`, {
            token: token(HUKOU, agency),
            body: { reason: 'no such move' },
          })
        ).body.status,
      ).toBe('disputed');
      expect(
        (
          await call<Json>(gateway, 'POST', `/v1/fact-changes/${String(change)}/decision`, {
            token: OPERATOR,
            body: { outcome: 'rejected', note: 'not supported by any record' },
          })
        ).body.status,
      ).toBe('rejected');
    }
    const view = await call<Json>(gateway, 'GET', `/v1/subjects/${f.subjectRef}/responsibilities`, {
      token: token(HUKOU, 'public-security'),
    });
    expect(view.body).toMatchObject({ hukouRegion: HUKOU, insuredRegions: [], pendingFactChanges: [] });
    expect((view.body.holders as Array<{ region: string }>).every((h) => h.region !== STRANGER)).toBe(true);
  });

  it('left no citizen ID number on any topic: keys, headers and values of every message, read to the end', async () => {
    await quiet();
    const ends = await offsets();
    const written = allTopics(provinces())
      .map((t) => t.name)
      .filter((name) => ends[name] > 0);
    const got = await readToEnd(written);
    for (const g of got) {
      const headers = Object.entries(g.message.headers ?? {})
        .map(([k, v]) => `${k}=${String(v)}`)
        .join(' ');
      expect([g.topic, citizenIdsIn(`${g.message.key?.toString() ?? ''} ${headers} ${g.message.value?.toString() ?? ''}`)]).toEqual([
        g.topic,
        [],
      ]);
    }
    expect(new Set(got.map((g) => g.topic)).size).toBe(written.length);
    const read = got.length;
    expect(read).toBeGreaterThan(50);
  });
});
