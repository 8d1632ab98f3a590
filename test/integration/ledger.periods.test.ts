import { randomUUID } from 'node:crypto';
import { addDays, addMonths, chinaDay } from '@tongban/calendar';
import { parseCitizenId, SubjectRefs } from '@tongban/identity';
import { GapDetectionService, Handoff, HandoffService, LedgerJobs, SubjectService } from '@tongban/ledger';
import { RunningApp } from '@tongban/http';
import { Suite } from '../harness/suite';
import { call, CallResult, OPERATOR, token } from '../harness/http';
import { newCitizenId } from '../harness/fixtures';
import { GATEWAY_APP } from '../../apps/gateway/src/gateway.app';

type Json = Record<string, unknown>;

const NANCHANG = '360100';
const GUANGZHOU = '440100';
const SHENZHEN = '440300';
const STRANGER = '510100';
/** residence-permit based, monthly, claimed by 民政; 广州 and 深圳 set no further condition for it */
const SERVICE = 'assist.minimum-living';
const TODAY = chinaDay(new Date());
const PERMIT_EVIDENCE = [{ kind: 'residence-permit', reference: 'P-test-permit' }];
const month = (offset: number): string => addMonths(`${TODAY.slice(0, 7)}-01`, offset).slice(0, 7);
const [PREV, MONTH, NEXT] = [month(-1), month(0), month(1)];
const startOf = (m: string): string => `${m}-01T00:00:00+08:00`;

/**
 * A claim is judged for the period it concerns: it belongs to the region that held the service at the
 * period's start, inside a window of 12 months back and one period ahead, and the database ties every
 * claim to that interval. Handoffs always end (operators decide disputes, rejected proposals come back),
 * an answer never overwrites a withdrawal, and an old permit event never undoes a newer one.
 */
describe('the period-true ledger (real PostgreSQL and Kafka)', () => {
  let suite: Suite;
  let running: RunningApp;
  let gateway: string;
  let subjects: SubjectService;
  let handoffs: HandoffService;
  let jobs: LedgerJobs;
  let gapJob: GapDetectionService;
  let refs: SubjectRefs;

  beforeAll(async () => {
    suite = await Suite.create('periods');
    running = await suite.start(GATEWAY_APP);
    gateway = running.url;
    subjects = running.app.get(SubjectService);
    handoffs = running.app.get(HandoffService);
    jobs = running.app.get(LedgerJobs);
    gapJob = running.app.get(GapDetectionService);
    refs = running.app.get(SubjectRefs);
  });
  afterAll(() => suite.stop());

  const claim = (region: string, subjectRef: string, periodKey: string, serviceCode = SERVICE): Promise<CallResult<Json>> =>
    call<Json>(gateway, 'POST', '/v1/provision-claims', {
      token: token(region, 'civil-affairs'),
      // a residence city provides 低保 on the person's permit (统一证明材料要求, 000-十二); the hukou region needs none
      body: { subjectRef, serviceCode, periodKey, ...(region === NANCHANG ? {} : { evidence: PERMIT_EVIDENCE }) },
    });
  const decide = (handoffId: string, body: Json): Promise<CallResult<Json>> =>
    call<Json>(gateway, 'POST', `/v1/handoffs/${handoffId}/decision`, { token: OPERATOR, body });
  const envelope = (source: string, at = new Date()) => ({
    id: randomUUID(),
    source: `${source}/residence-permit`,
    time: at.toISOString(),
  });
  const permit = (subjectRef: string, city: string, permitId = randomUUID()) => ({
    permitId,
    permitNumber: `P-${permitId.slice(0, 8)}`,
    subjectRef,
    hukouRegion: NANCHANG,
    residenceCity: city,
    basis: 'employment' as const,
    residenceSince: '2024-01-01',
    issuedOn: '2024-08-01',
    validUntil: '2030-01-01',
  });

  /** A 南昌 person with a permit of `city`: the ledger proposes the residence-based services to that city. */
  async function livingIn(city: string): Promise<{ subjectRef: string; permitId: string; proposal: Handoff }> {
    const subjectRef = refs.ref(parseCitizenId(newCitizenId()));
    const p = permit(subjectRef, city);
    await subjects.recordPermitIssued(p, envelope(city));
    return { subjectRef, permitId: p.permitId, proposal: await pending(subjectRef) };
  }
  async function pending(subjectRef: string, serviceCode = SERVICE): Promise<Handoff> {
    const found = (await subjects.responsibilities(subjectRef, null)).pendingHandoffs.find((h) => h.serviceCode === serviceCode);
    if (!found) throw new Error(`no open proposal of ${serviceCode}`);
    return found;
  }
  const holderAt = async (subjectRef: string, at: string): Promise<string | undefined> =>
    (
      await suite.db.one<{ region: string }>(
        `SELECT region FROM ledger.responsibilities WHERE subject_ref = $1 AND service_code = $2 AND during @> $3::timestamptz`,
        [subjectRef, SERVICE, at],
      )
    )?.region;
  const accept = (h: Handoff, effectiveFrom = TODAY): Promise<CallResult<Json>> =>
    call<Json>(gateway, 'POST', `/v1/handoffs/${h.handoffId}/accept`, {
      token: token(h.toRegion, 'civil-affairs'),
      body: { effectiveFrom },
    });

  it('refuses periods outside the window with 422 naming it, so a far-future claim cannot block the next holder', async () => {
    const { subjectRef, proposal } = await livingIn(SHENZHEN);
    for (const key of ['2099-12', '1990-01', '0000-01', month(2), month(-13)]) {
      const res = await claim(NANCHANG, subjectRef, key);
      expect([key, res.status, res.body.code]).toEqual([key, 422, 'validation-failed']);
      expect(res.body).toMatchObject({ notBefore: addMonths(TODAY, -12), lastStart: `${NEXT}-01` });
      expect(String(res.body.detail)).toContain('claim window');
    }
    expect(await suite.db.one(`SELECT count(*)::int AS n FROM ledger.provision_claims WHERE subject_ref = $1`, [subjectRef])).toEqual({
      n: 0,
    });
    // the edges of the window are claimable by the region holding them (南昌, the default holder since before the ledger knew the person)
    expect((await claim(NANCHANG, subjectRef, month(-12))).status).toBe(201);
    expect((await accept(proposal)).status).toBe(200);
    const next = await claim(SHENZHEN, subjectRef, NEXT);
    expect([next.status, next.body.periodStart, next.body.periodEnd]).toEqual([201, `${NEXT}-01`, `${month(2)}-01`]);
    // 深圳, responsible only since today, cannot claim a period that started before, nor years back
    expect((await claim(SHENZHEN, subjectRef, month(-10))).body).toMatchObject({
      code: 'not-responsible',
      responsibleRegion: NANCHANG,
      periodStart: `${month(-10)}-01`,
    });
    expect((await claim(SHENZHEN, subjectRef, '2020-01')).body).toMatchObject({ status: 422, code: 'validation-failed' });
  });

  it('gives the period of a mid-period handoff to the releasing region and the next one to the receiving region', async () => {
    const { subjectRef, proposal } = await livingIn(GUANGZHOU);
    const accepted = await accept(proposal);
    expect(accepted.status).toBe(200);
    expect(Date.parse(String(accepted.body.effectiveAt))).toBeGreaterThan(Date.parse(startOf(MONTH)));
    expect(await holderAt(subjectRef, startOf(MONTH))).toBe(NANCHANG);
    expect(await holderAt(subjectRef, startOf(NEXT))).toBe(GUANGZHOU);

    expect((await claim(GUANGZHOU, subjectRef, MONTH)).body).toMatchObject({
      status: 409,
      code: 'not-responsible',
      responsibleRegion: NANCHANG,
    });
    expect((await claim(NANCHANG, subjectRef, MONTH)).status).toBe(201);
    expect((await claim(NANCHANG, subjectRef, NEXT)).body).toMatchObject({
      status: 409,
      code: 'not-responsible',
      responsibleRegion: GUANGZHOU,
    });
    expect((await claim(GUANGZHOU, subjectRef, NEXT)).status).toBe(201);
    expect((await claim(GUANGZHOU, subjectRef, PREV)).body).toMatchObject({ code: 'not-responsible', responsibleRegion: NANCHANG });
    // a region unrelated to the person learns nothing
    expect((await claim(STRANGER, subjectRef, MONTH)).status).toBe(404);
  });

  it('never moves a period the releasing region already claimed: the switch waits for its end', async () => {
    const { subjectRef, proposal } = await livingIn(GUANGZHOU);
    expect((await claim(NANCHANG, subjectRef, NEXT)).status).toBe(201);
    const accepted = await accept(proposal);
    expect(accepted.status).toBe(200);
    expect(Date.parse(String(accepted.body.effectiveAt))).toBe(Date.parse(startOf(month(2))));
    expect((await claim(GUANGZHOU, subjectRef, NEXT)).body).toMatchObject({ code: 'not-responsible', responsibleRegion: NANCHANG });
  });

  it('bounds the effective date of an accept by the proposal window', async () => {
    const { proposal } = await livingIn(GUANGZHOU);
    expect(proposal.effectiveBy).toBe(addDays(TODAY, 92));
    // outside any date the contract takes: refused by the gateway's validator
    expect((await accept(proposal, '9999-12-31')).body).toMatchObject({
      status: 422,
      code: 'validation-failed',
      errors: [{ field: '/body/effectiveFrom' }],
    });
    // outside the proposal's window: refused naming it
    for (const day of [addDays(TODAY, 93), addDays(TODAY, -1), '2199-12-31']) {
      const res = await accept(proposal, day);
      expect([day, res.status, res.body.code, res.body.notAfter]).toEqual([day, 422, 'validation-failed', proposal.effectiveBy]);
    }
    expect((await accept(proposal, addDays(TODAY, 92))).status).toBe(200);
  });

  it('enforces in the database that a claim lies in the interval that held the service at its period start', async () => {
    const { subjectRef, proposal } = await livingIn(GUANGZHOU);
    expect((await accept(proposal)).status).toBe(200);
    const nanchang = await suite.db.one<{ id: string }>(
      `SELECT responsibility_id AS id FROM ledger.responsibilities WHERE subject_ref = $1 AND service_code = $2 AND region = $3`,
      [subjectRef, SERVICE, NANCHANG],
    );
    const insert = (region: string, heldAt: string, periodKey: string): Promise<unknown> =>
      suite.db.query(
        `INSERT INTO ledger.provision_claims (claim_id, subject_ref, service_code, period_key, region, basis, responsibility_id, claimed_by, held_at, period_end)
         VALUES (gen_random_uuid(), $1, $2, $3, $4, 'residence-permit', $5, 'test', $6, $6::timestamptz + interval '1 month')`,
        [subjectRef, SERVICE, periodKey, region, nanchang?.id, heldAt],
      );
    // another region's claim on 南昌's interval: the composite foreign key refuses it
    await expect(insert(GUANGZHOU, startOf(MONTH), MONTH)).rejects.toMatchObject({ code: '23503' });
    // a claim about a person the ledger does not know
    await expect(
      suite.db.query(
        `INSERT INTO ledger.provision_claims (claim_id, subject_ref, service_code, period_key, region, basis, claimed_by, held_at, period_end)
         VALUES (gen_random_uuid(), $1, 'assist.temporary', 'case:360100:x', $2, 'emergency', 'test', now(), now() + interval '1 day')`,
        [`s1_${'Z'.repeat(32)}`, NANCHANG],
      ),
    ).rejects.toMatchObject({ code: '23503', constraint: 'provision_claims_subject' });
    // 南昌's interval does not hold next month's start
    await expect(insert(NANCHANG, startOf(NEXT), NEXT)).rejects.toMatchObject({
      code: '23514',
      constraint: 'provision_claims_held_at_period_start',
    });
    // a held service's claim without an interval
    await expect(
      suite.db.query(
        `INSERT INTO ledger.provision_claims (claim_id, subject_ref, service_code, period_key, region, basis, claimed_by, held_at, period_end)
         VALUES (gen_random_uuid(), $1, $2, 'x', $3, 'residence-permit', 'test', now(), now() + interval '1 day')`,
        [subjectRef, SERVICE, NANCHANG],
      ),
    ).rejects.toMatchObject({ code: '23514', constraint: 'provision_claims_held_has_interval' });
    // closing an interval before the period start of a claim it holds
    const other = await livingIn(GUANGZHOU);
    expect((await claim(NANCHANG, other.subjectRef, NEXT)).status).toBe(201);
    await expect(
      suite.db.tx(async () => {
        await suite.db.query(
          `UPDATE ledger.responsibilities SET during = tstzrange(lower(during), now()) WHERE subject_ref = $1 AND service_code = $2`,
          [other.subjectRef, SERVICE],
        );
        await suite.db.query(
          `INSERT INTO ledger.responsibilities (subject_ref, service_code, region, during, opened_by, opened_reason) VALUES ($1, $2, $3, tstzrange(now(), NULL), 't', 't')`,
          [other.subjectRef, SERVICE, GUANGZHOU],
        );
      }),
    ).rejects.toMatchObject({ code: '23514', constraint: 'provision_claims_held_at_period_start' });
  });

  it('lets operators decide a disputed handoff (accept with a date, or reject), telling both regions', async () => {
    const a = await livingIn(GUANGZHOU);
    const objected = await call<Json>(gateway, 'POST', `/v1/handoffs/${a.proposal.handoffId}/object`, {
      token: token(NANCHANG, 'civil-affairs'),
      body: { reason: 'still lives here' },
    });
    expect(objected.body.status).toBe('disputed');
    // the receiving region cannot end a dispute by accepting; a region cannot decide
    expect((await accept(a.proposal)).body).toMatchObject({ status: 409, code: 'invalid-transition' });
    expect(
      (
        await call(gateway, 'POST', `/v1/handoffs/${a.proposal.handoffId}/decision`, {
          token: token(GUANGZHOU, 'civil-affairs'),
          body: { decision: 'accept', reason: 'x' },
        })
      ).status,
    ).toBe(403);
    expect((await decide(a.proposal.handoffId, { decision: 'accept', reason: 'permit checked' })).body).toMatchObject({
      status: 422,
      code: 'validation-failed',
    });

    const decided = await decide(a.proposal.handoffId, {
      decision: 'accept',
      effectiveFrom: TODAY,
      reason: 'permit checked: lives in 广州',
    });
    expect(decided.body).toMatchObject({ status: 'accepted', decidedByOperator: true, answerReason: 'permit checked: lives in 广州' });
    expect(await holderAt(a.subjectRef, startOf(NEXT))).toBe(GUANGZHOU);
    const told = await suite.db.query<{ event_type: string; recipients: string[] }>(
      `SELECT event_type, recipients FROM ledger.outbox WHERE subject = $1 AND event_type IN ('cn.gov.tongban.ledger.handoff-accepted.v1', 'cn.gov.tongban.ledger.responsibility-changed.v1')`,
      [a.subjectRef],
    );
    expect(told.map((e) => [e.event_type, [...e.recipients].sort()])).toEqual(
      expect.arrayContaining([
        ['cn.gov.tongban.ledger.handoff-accepted.v1', [NANCHANG, GUANGZHOU].sort()],
        ['cn.gov.tongban.ledger.responsibility-changed.v1', [NANCHANG, GUANGZHOU].sort()],
      ]),
    );
    const audit = await suite.db.query<{ actor: string }>(`SELECT actor FROM gateway.audit_log WHERE resource = $1`, [
      `/v1/handoffs/${a.proposal.handoffId}/decision`,
    ]);
    expect(audit.map((r) => r.actor.startsWith('operator:'))).toEqual([true]);
    // decided once
    expect((await decide(a.proposal.handoffId, { decision: 'reject', reason: 'again' })).status).toBe(409);

    // a proposal neither disputed nor escalated is the receiving region's to answer
    const b = await livingIn(GUANGZHOU);
    expect((await decide(b.proposal.handoffId, { decision: 'reject', reason: 'x' })).status).toBe(409);
  });

  it('proposes a rejected handoff again after the cool-down while the facts still call for it', async () => {
    const { subjectRef, proposal } = await livingIn(GUANGZHOU);
    await call(gateway, 'POST', `/v1/handoffs/${proposal.handoffId}/object`, {
      token: token(NANCHANG, 'civil-affairs'),
      body: { reason: 'still lives here' },
    });
    expect((await decide(proposal.handoffId, { decision: 'reject', reason: 'not proven' })).body).toMatchObject({
      status: 'rejected',
      decidedByOperator: true,
    });
    const day = 86_400_000;
    await jobs.runReevaluation(new Date(Date.now() + 10 * day));
    expect((await subjects.responsibilities(subjectRef, null)).pendingHandoffs.some((h) => h.serviceCode === SERVICE)).toBe(false);
    const run = await jobs.runReevaluation(new Date(Date.now() + 31 * day));
    expect(run).toMatchObject({ ran: true });
    const again = await pending(subjectRef);
    expect(again).toMatchObject({ fromRegion: NANCHANG, toRegion: GUANGZHOU, status: 'proposed' });
    expect(again.handoffId).not.toBe(proposal.handoffId);
    // the receiving region's own rejection is likewise not final
    expect(
      (
        await call(gateway, 'POST', `/v1/handoffs/${again.handoffId}/reject`, {
          token: token(GUANGZHOU, 'civil-affairs'),
          body: { reason: 'no' },
        })
      ).status,
    ).toBe(200);
    await jobs.runReevaluation(new Date(Date.now() + 62 * day));
    expect((await pending(subjectRef)).handoffId).not.toBe(again.handoffId);
  });

  it('serialises an accept with a withdrawal: a withdrawn proposal never moved anything (concurrent)', async () => {
    const people = await Promise.all(Array.from({ length: 12 }, () => livingIn(GUANGZHOU)));
    const outcomes = await Promise.all(
      people.map(({ subjectRef, permitId, proposal }) =>
        Promise.allSettled([
          handoffs.accept(proposal.handoffId, TODAY, { region: GUANGZHOU, agency: 'civil-affairs', credential: 'race' }),
          subjects.recordPermitChanged(
            { permitId, subjectRef, residenceCity: GUANGZHOU, status: 'cancelled', residenceYearsCountFrom: '2024-01-01' },
            envelope(GUANGZHOU),
          ),
        ]),
      ),
    );
    expect(
      outcomes
        .flat()
        .filter((o) => o.status === 'rejected')
        .every((o) => (o as PromiseRejectedResult).reason?.code === 'invalid-transition'),
    ).toBe(true);
    for (const { subjectRef, proposal } of people) {
      const h = await suite.db.one<{ status: string }>(`SELECT status FROM ledger.handoffs WHERE handoff_id = $1`, [proposal.handoffId]);
      const opened = await suite.db.one<{ n: number }>(
        `SELECT count(*)::int AS n FROM ledger.responsibilities WHERE opened_handoff_id = $1`,
        [proposal.handoffId],
      );
      expect([h?.status, opened?.n]).toEqual(h?.status === 'accepted' ? ['accepted', 1] : ['withdrawn', 0]);
      // accepted first: the cancellation then proposes the service back to 南昌
      if (h?.status === 'accepted') expect((await pending(subjectRef)).toRegion).toBe(NANCHANG);
    }
  });

  it('ignores a replayed permit event older than the one applied, and applies later events of the current permit', async () => {
    const subjectRef = refs.ref(parseCitizenId(newCitizenId()));
    const old = permit(subjectRef, GUANGZHOU);
    const t0 = new Date(Date.now() - 60_000);
    await subjects.recordPermitIssued(old, envelope(GUANGZHOU, t0));
    await subjects.recordPermitChanged(
      { permitId: old.permitId, subjectRef, residenceCity: GUANGZHOU, status: 'cancelled', residenceYearsCountFrom: '2024-01-01' },
      envelope(GUANGZHOU, new Date(t0.getTime() + 1000)),
    );
    const current = permit(subjectRef, SHENZHEN);
    await subjects.recordPermitIssued(current, envelope(SHENZHEN, new Date(t0.getTime() + 2000)));
    // the old permit-issued dead letter replayed: nothing changes
    await subjects.recordPermitIssued(old, envelope(GUANGZHOU, t0));
    const facts = await suite.db.one<{ permit_id: string; residence_city: string }>(
      `SELECT permit_id, residence_city FROM ledger.subjects WHERE subject_ref = $1`,
      [subjectRef],
    );
    expect(facts).toEqual({ permit_id: current.permitId, residence_city: SHENZHEN });
    expect((await pending(subjectRef)).toRegion).toBe(SHENZHEN);
    // a later event of the current permit applies
    await subjects.recordPermitChanged(
      { permitId: current.permitId, subjectRef, residenceCity: SHENZHEN, status: 'active', residenceYearsCountFrom: '2023-01-01' },
      envelope(SHENZHEN),
    );
    expect(
      await suite.db.one(`SELECT to_char(residence_since, 'YYYY-MM-DD') AS since FROM ledger.subjects WHERE subject_ref = $1`, [
        subjectRef,
      ]),
    ).toEqual({ since: '2023-01-01' });
  });

  it('detects "both skip" from an entitlement the responsible region opened, and closes the gap only with its claim', async () => {
    const { subjectRef } = await livingIn(GUANGZHOU);
    const open = (region: string, body: Json): Promise<CallResult<Json>> =>
      call<Json>(gateway, 'POST', '/v1/entitlements', { token: token(region, 'civil-affairs'), body });
    expect((await open(GUANGZHOU, { subjectRef, serviceCode: SERVICE, sincePeriod: PREV })).body).toMatchObject({
      code: 'not-responsible',
      responsibleRegion: NANCHANG,
    });
    expect((await open(STRANGER, { subjectRef, serviceCode: SERVICE, sincePeriod: PREV })).status).toBe(404);
    expect((await open(NANCHANG, { subjectRef, serviceCode: 'assist.temporary', sincePeriod: PREV })).body).toMatchObject({
      status: 422,
      code: 'rule-violated',
    });
    expect((await open(NANCHANG, { subjectRef, serviceCode: SERVICE, sincePeriod: '2099-01' })).status).toBe(422);
    const opened = await open(NANCHANG, { subjectRef, serviceCode: SERVICE, sincePeriod: PREV });
    expect([opened.status, opened.body.sincePeriod, opened.body.since]).toEqual([201, PREV, `${PREV}-01`]);

    // the gap job, once the previous month is due (its end plus 15 days' grace)
    const due = new Date(Date.parse(`${MONTH}-20T12:00:00+08:00`));
    await gapJob.run(due);
    const gap = await suite.db.one<{ region: string; resolved_at: Date | null }>(
      `SELECT region, resolved_at FROM ledger.gaps WHERE subject_ref = $1 AND period_key = $2`,
      [subjectRef, PREV],
    );
    expect(gap).toEqual({ region: NANCHANG, resolved_at: null });
    expect((await claim(GUANGZHOU, subjectRef, PREV)).status).toBe(409);
    expect((await claim(NANCHANG, subjectRef, PREV)).status).toBe(201);
    await gapJob.run(due);
    expect(
      (
        await suite.db.one<{ resolved_at: Date | null }>(`SELECT resolved_at FROM ledger.gaps WHERE subject_ref = $1 AND period_key = $2`, [
          subjectRef,
          PREV,
        ])
      )?.resolved_at,
    ).not.toBeNull();
  });

  it('works through the ledger a page of people at a time, each gap recorded and announced once', async () => {
    const people: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const { subjectRef } = await livingIn(GUANGZHOU);
      const opened = await call<Json>(gateway, 'POST', '/v1/entitlements', {
        token: token(NANCHANG, 'civil-affairs'),
        body: { subjectRef, serviceCode: SERVICE, sincePeriod: PREV },
      });
      expect(opened.status).toBe(201);
      people.push(subjectRef);
    }
    const due = new Date(Date.parse(`${MONTH}-20T12:00:00+08:00`));
    const announced = async (): Promise<number> =>
      (
        await suite.db.one<{ n: number }>(
          `SELECT count(*)::int AS n FROM ledger.outbox WHERE event_type = 'cn.gov.tongban.ledger.gap-detected.v1' AND subject = ANY($1)`,
          [people],
        )
      )?.n ?? -1;
    const run = await gapJob.run(due, { pageSize: 2 });
    expect(run.ran).toBe(true);
    expect(run.detected).toBeGreaterThanOrEqual(people.length);
    const gaps = await suite.db.query<{ subject_ref: string }>(
      `SELECT subject_ref FROM ledger.gaps WHERE subject_ref = ANY($1) AND period_key = $2`,
      [people, PREV],
    );
    expect(gaps.map((g) => g.subject_ref).sort()).toEqual([...people].sort());
    expect(await announced()).toBe(people.length);
    expect((await gapJob.run(due, { pageSize: 2 })).detected).toBe(0);
    expect(await announced()).toBe(people.length);
  });

  it('checks an entitlement opened or moved back into swept periods on its own, and re-derives nothing else', async () => {
    const due = new Date(Date.parse(`${MONTH}-20T12:00:00+08:00`));
    await gapJob.run(due);
    const { subjectRef } = await livingIn(GUANGZHOU);
    const open = (sincePeriod: string): Promise<CallResult<Json>> =>
      call<Json>(gateway, 'POST', '/v1/entitlements', {
        token: token(NANCHANG, 'civil-affairs'),
        body: { subjectRef, serviceCode: SERVICE, sincePeriod },
      });
    expect((await open(MONTH)).status).toBe(201);
    // every period due is swept already: the new entitlement alone is looked at (nothing due from MONTH on)
    expect(await gapJob.run(due)).toMatchObject({ ran: true, swept: 0, rechecked: 1, detected: 0, finished: true });
    expect(await gapJob.run(due)).toMatchObject({ ran: true, swept: 0, rechecked: 0, detected: 0, finished: true });
    // moved back to PREV, a period swept before this person was entitled: found on the next run
    expect((await open(PREV)).status).toBe(201);
    expect(await gapJob.run(due)).toMatchObject({ swept: 0, rechecked: 1, detected: 1, finished: true });
    expect(await suite.db.query(`SELECT period_key, region FROM ledger.gaps WHERE subject_ref = $1`, [subjectRef])).toEqual([
      { period_key: PREV, region: NANCHANG },
    ]);
  });

  it('sweeps a period that falls due once over every entitled person, resuming from its kept cursor', async () => {
    const due = new Date(Date.parse(`${MONTH}-20T12:00:00+08:00`));
    const nextDue = new Date(Date.parse(`${NEXT}-20T12:00:00+08:00`));
    expect(await gapJob.run(due)).toMatchObject({ finished: true });
    // MONTH falls due: one page of two people, then the run stops (a budget of 0 ms: one page)
    const first = await gapJob.run(nextDue, { pageSize: 2, budgetMs: 0 });
    expect(first).toMatchObject({ ran: true, swept: 2, rechecked: 0, finished: false });
    const open = await suite.db.query<{ service_code: string; after_subject: string }>(
      `SELECT service_code, after_subject FROM ledger.gap_sweeps WHERE completed_at IS NULL`,
    );
    expect(open.map((s) => s.service_code)).toContain(SERVICE);
    expect(open.every((s) => s.after_subject !== '')).toBe(true);
    const rest = await gapJob.run(nextDue, { pageSize: 2 });
    expect(rest).toMatchObject({ ran: true, rechecked: 0, finished: true });
    // the second run went on from the cursor: every entitled person of those services swept exactly once
    const entitled = await suite.db.one<{ n: number }>(
      `SELECT count(DISTINCT subject_ref)::int AS n FROM ledger.entitlements WHERE service_code = ANY($1)`,
      [open.map((s) => s.service_code)],
    );
    expect(first.swept + rest.swept).toBe(entitled?.n);
    // every MONTH without a claim, of an entitlement begun by then, is a gap
    const missed = await suite.db.one<{ missing: number; owed: number }>(
      `SELECT count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM ledger.gaps g WHERE g.subject_ref = e.subject_ref AND g.service_code = e.service_code AND g.period_key = $2))::int AS missing,
              count(*)::int AS owed
         FROM ledger.entitlements e
        WHERE e.service_code = $1 AND e.since_period <= $3::date
          AND NOT EXISTS (SELECT 1 FROM ledger.provision_claims c WHERE c.subject_ref = e.subject_ref AND c.service_code = e.service_code AND c.period_key = $2)
          AND EXISTS (SELECT 1 FROM ledger.responsibilities r WHERE r.subject_ref = e.subject_ref AND r.service_code = e.service_code AND r.during @> $4::timestamptz)`,
      [SERVICE, MONTH, `${MONTH}-01`, startOf(MONTH)],
    );
    expect(missed?.missing).toBe(0);
    expect(missed?.owed).toBeGreaterThan(0);
    expect(await gapJob.run(nextDue)).toMatchObject({ swept: 0, rechecked: 0, detected: 0, finished: true });
  });
});
