import { randomUUID } from 'node:crypto';
import { chinaDay } from '@tongban/calendar';
import { makeCitizenId } from '@tongban/identity';
import { GapDetectionService, LedgerJobs, Period, periodContaining } from '@tongban/ledger';
import { DOMAIN_TOPICS, fromKafkaMessage } from '@tongban/messaging';
import { RunningApp } from '@tongban/http';
import { Collected, Suite } from '../harness/suite';
import { agencyOf, call, OPERATOR, token } from '../harness/http';
import { newCitizenId, permitIssuedMessage } from '../harness/fixtures';
import { insureIn, registerPerson } from '../harness/ledger-steps';
import { GATEWAY_APP } from '../../apps/gateway/src/gateway.app';
import { LEDGER_APP } from '../../apps/ledger/src/ledger.app';

const TODAY = chinaDay(new Date());

type Body = Record<string, unknown>;

describe('responsibility ledger end to end (real PostgreSQL and Kafka)', () => {
  let suite: Suite;
  let running: RunningApp;
  let gateway: string;

  beforeAll(async () => {
    suite = await Suite.create('ledger');
    running = await suite.start(GATEWAY_APP);
    gateway = running.url;
    await suite.start(LEDGER_APP); // consumes the permit events of the Kafka test below
  });
  afterAll(() => suite.stop());

  const register = async (hukouRegion: string, citizenId = newCitizenId()): Promise<string> =>
    (await registerPerson(gateway, hukouRegion, citizenId)).subjectRef;
  /** A claim by the agency that provides the service. */
  const claim = (
    region: string,
    subjectRef: string,
    serviceCode: string,
    periodKey: string,
    headers: Record<string, string> = {},
    evidence?: Body[],
  ) =>
    call(gateway, 'POST', '/v1/provision-claims', {
      token: token(region, agencyOf(serviceCode)),
      body: { subjectRef, serviceCode, periodKey, ...(evidence ? { evidence } : {}) },
      headers,
    });
  const upload = (region: string, lines: Body[]) =>
    call<Body>(gateway, 'POST', '/v1/reconciliations', {
      token: token(region, 'veterans-affairs'),
      headers: { 'content-type': 'application/x-ndjson' },
      rawBody: lines.map((l) => JSON.stringify(l)).join('\n') + '\n',
    });
  const count = async (sql: string): Promise<number> => Number((await suite.db.one<{ n: string }>(sql))?.n);

  it('refuses invalid citizen ID numbers with 422 and the reason, storing nothing', async () => {
    const valid = makeCitizenId('360102', '19900517', '123');
    const badCheck = valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0');
    const cases: Array<[string, string]> = [
      [badCheck, 'check-character'],
      [makeCitizenId('990101', '19900517', '123'), 'region'],
      [makeCitizenId('360102', '19900231', '123'), 'birth-date'],
    ];
    const before = await count(`SELECT count(*) AS n FROM ledger.subjects`);
    const intervalsBefore = await count(`SELECT count(*) AS n FROM ledger.responsibilities`);
    for (const [citizenId, reason] of cases) {
      const res = await call(gateway, 'POST', '/v1/subjects', {
        token: token('360100', 'public-security'),
        body: { citizenId, hukouRegion: '360100' },
      });
      expect(res.status).toBe(422);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.body).toMatchObject({ code: 'invalid-citizen-id', reason });
      expect(JSON.stringify(res.body)).not.toContain(citizenId);
    }
    expect(await count(`SELECT count(*) AS n FROM ledger.subjects`)).toBe(before);
    expect(await count(`SELECT count(*) AS n FROM ledger.responsibilities`)).toBe(intervalsBefore);
    // the number the bad check character was made from is stored: the counts above see a registration
    const stored = await call(gateway, 'POST', '/v1/subjects', {
      token: token('360100', 'public-security'),
      body: { citizenId: valid, hukouRegion: '360100' },
    });
    expect(stored.status).toBe(201);
    expect(await count(`SELECT count(*) AS n FROM ledger.subjects`)).toBe(before + 1);
    expect(await count(`SELECT count(*) AS n FROM ledger.responsibilities`)).toBeGreaterThan(intervalsBefore);
  });

  it("lets only the hukou region's public security register, and answers with every held service at the hukou region", async () => {
    const other = await call(gateway, 'POST', '/v1/subjects', {
      token: token('440100', 'public-security'),
      body: { citizenId: newCitizenId(), hukouRegion: '360100' },
    });
    expect(other.status).toBe(403);
    const wrongAgency = await call(gateway, 'POST', '/v1/subjects', {
      token: token('360100', 'civil-affairs'),
      body: { citizenId: newCitizenId(), hukouRegion: '360100' },
    });
    expect([wrongAgency.status, wrongAgency.body.code]).toEqual([403, 'forbidden']);
    const res = await call<Body>(gateway, 'POST', '/v1/subjects', {
      token: token('360100', 'public-security'),
      body: { citizenId: newCitizenId(), hukouRegion: '360100' },
    });
    expect(res.status).toBe(201);
    const holders = res.body.holders as Array<{ serviceCode: string; region: string }>;
    expect(holders.length).toBeGreaterThan(20);
    expect(new Set(holders.map((h) => h.region))).toEqual(new Set(['360100']));
    expect(holders.find((h) => h.serviceCode === 'assist.temporary')).toBeUndefined();
  });

  it('grants exactly one of 50 concurrent claims for one key from two regions', async () => {
    const { citizenId, subjectRef } = await registerPerson(gateway, '360100');
    // 440100 becomes related (the person's insured region for pension), so it is told who holds the service
    await insureIn(gateway, citizenId, 'pension', '440100');
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => claim(i % 2 === 0 ? '360100' : '440100', subjectRef, 'veterans.preferential-care', '2026-10')),
    );
    const created = results.filter((r) => r.status === 201);
    expect(created).toHaveLength(1);
    expect(created[0].body).toMatchObject({
      region: '360100',
      subjectRef,
      serviceCode: 'veterans.preferential-care',
      periodKey: '2026-10',
    });
    for (const r of results.filter((x) => x.status !== 201)) {
      expect(r.status).toBe(409);
      if (r.body.code === 'already-claimed') expect(r.body.claimedBy).toBe('360100');
      else expect(r.body).toMatchObject({ code: 'not-responsible', responsibleRegion: '360100' });
    }
    expect(await count(`SELECT count(*) AS n FROM ledger.provision_claims WHERE subject_ref = '${subjectRef}'`)).toBe(1);
    // a region unrelated to the person learns nothing: answered as for an unknown person
    const stranger = await claim('510100', subjectRef, 'veterans.preferential-care', '2026-11');
    expect([stranger.status, stranger.body.code, stranger.body.responsibleRegion]).toEqual([404, 'not-found', undefined]);
  });

  it('races 50 claims for one place-based key (treatment region vs insured region): exactly one wins', async () => {
    const subjectRef = await register('360100');
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        claim(i % 2 === 0 ? '440100' : '360100', subjectRef, 'med.cross-region-settlement', 'bill:440100:S123'),
      ),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    const winner = results.find((r) => r.status === 201)?.body.region;
    for (const r of results.filter((x) => x.status !== 201)) expect(r.body).toMatchObject({ code: 'already-claimed', claimedBy: winner });
  });

  it('replays an Idempotency-Key with the original answer', async () => {
    const subjectRef = await register('360100');
    const headers = { 'Idempotency-Key': `claim-${randomUUID()}` };
    const first = await claim('360100', subjectRef, 'elder.resident-pension', '2026-09', headers);
    const again = await claim('360100', subjectRef, 'elder.resident-pension', '2026-09', headers);
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const plain = await claim('360100', subjectRef, 'elder.resident-pension', '2026-09');
    expect(plain.body).toMatchObject({ code: 'already-claimed', claimedBy: '360100' });
  });

  it('grants temporary assistance to the region of the emergency named in the key, whatever the hukou, once per case', async () => {
    const registered = await register('360100');
    const ok = await claim('310100', registered, 'assist.temporary', 'case:310100:2026-11-20-fire');
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ region: '310100', basis: 'emergency' });
    expect((await claim('310100', registered, 'assist.temporary', 'case:310100:2026-11-20-fire')).body).toMatchObject({
      code: 'already-claimed',
      claimedBy: '310100',
    });
    // the key is bound to its place: another region cannot take (or block) it
    const squat = await claim('360100', registered, 'assist.temporary', 'case:310100:2026-11-20-fire');
    expect(squat.body).toMatchObject({ status: 422, code: 'rule-violated', rule: 'place-bound-key' });
    expect((await claim('310100', registered, 'assist.temporary', 'emergency:2026-11-20')).body).toMatchObject({
      status: 422,
      code: 'validation-failed',
    });
    // a person the ledger has never seen cannot be claimed for
    const unregisteredRef = `s1_${'A'.repeat(32)}`;
    expect((await claim('440300', unregisteredRef, 'assist.temporary', 'case:440300:2026-11-21-flood')).status).toBe(404);
    // a held service still needs the responsible region, named only to a related region
    const refused = await claim('440300', registered, 'assist.minimum-living', '2026-10');
    expect([refused.status, refused.body.responsibleRegion]).toEqual([404, undefined]);
  });

  it('refuses a citizen ID number where a subjectRef belongs, and unknown services, with 422', async () => {
    const byId = await claim('360100', newCitizenId(), 'assist.temporary', 'x-1');
    expect(byId.status).toBe(422);
    const unknown = await claim('360100', `s1_${'B'.repeat(32)}`, 'edu.nonexistent', '2026-10');
    expect(unknown.status).toBe(422);
    const badPeriod = await claim('360100', `s1_${'B'.repeat(32)}`, 'assist.minimum-living', 'October');
    expect(badPeriod.status).toBe(422);
  });

  it('turns a permit-issued event from Kafka into handoffs; after acceptance the old holder is refused naming the new one', async () => {
    const subjectRef = `s1_${randomUUID().replace(/-/g, '')}`;
    const producer = suite.kafka.producer();
    await producer.connect();
    const eventId = randomUUID();
    const terms = { hukouRegion: '440100', residenceCity: '360100', residenceSince: '2025-01-01', issuedOn: '2026-02-01', eventId };
    await producer.send({
      topic: suite.topic(DOMAIN_TOPICS.residence.name),
      messages: [permitIssuedMessage('NC-2026-000777', subjectRef, terms)],
    });
    await producer.disconnect();

    const proposals = (got: Collected[]): Collected[] =>
      got.filter(
        (g) =>
          g.message.key?.toString() === subjectRef &&
          fromKafkaMessage(g.message.headers, g.message.value).type === 'cn.gov.tongban.ledger.handoff-proposed.v2',
      );
    // no app consumes ledger events: they go to the addressed provinces' delivery topics only
    const proposed = proposals(
      await suite
        .collect('tongban.deliver.360000.v1', (got) => proposals(got).length > 0, 30000)
        .catch(async (error: unknown) => {
          const dead = await suite.db.query(`SELECT error_code, error_detail FROM messaging.dead_letters`);
          throw new Error(`${String(error)}; dead letters: ${JSON.stringify(dead)}`);
        }),
    );
    const events = proposed.map((g) => fromKafkaMessage(g.message.headers, g.message.value));
    for (const e of events) expect(e.recipients.sort()).toEqual(['360100', '440100']);
    const education = events.find((e) => (e.data as Body).serviceCode === 'edu.compulsory');
    expect(education?.data).toMatchObject({ fromRegion: '440100', toRegion: '360100', status: 'proposed' });
    // the person's hukou province sees the proposal on its delivery topic too
    const guangdong = await suite.collect('tongban.deliver.440000.v1', (got) => proposals(got).length > 0, 30000);
    expect(proposals(guangdong).length).toBeGreaterThan(0);

    // until acceptance the hukou region stays responsible
    const view = await call<Body>(gateway, 'GET', `/v1/subjects/${subjectRef}/responsibilities`, {
      token: token('360100', 'civil-affairs'),
    });
    expect(view.status).toBe(200);
    expect((view.body.pendingHandoffs as Body[]).length).toBe(events.length);
    expect(
      (await call(gateway, 'GET', `/v1/subjects/${subjectRef}/responsibilities`, { token: token('110100', 'civil-affairs') })).status,
    ).toBe(404);
    // a handoff taking effect today leaves the current term with its holder at the term's start: the next term moves
    const nextTerm = (periodContaining('school-term', (periodContaining('school-term', TODAY) as Period).end) as Period).key;
    const early = await claim('360100', subjectRef, 'edu.compulsory', nextTerm);
    expect(early.body).toMatchObject({ code: 'not-responsible', responsibleRegion: '440100' });

    const handoffId = (education?.data as Body).handoffId as string;
    expect(
      (
        await call(gateway, 'POST', `/v1/handoffs/${handoffId}/accept`, {
          token: token('440100', 'education'),
          body: { effectiveFrom: TODAY },
        })
      ).status,
    ).toBe(403);
    // a school place is answered by the education bureau, not by another agency of the receiving region
    const wrongAgency = await call<Body>(gateway, 'POST', `/v1/handoffs/${handoffId}/accept`, {
      token: token('360100', 'housing'),
      body: { effectiveFrom: TODAY },
    });
    expect([wrongAgency.status, wrongAgency.body.requiredAgency]).toEqual([403, 'education']);
    const accepted = await call<Body>(gateway, 'POST', `/v1/handoffs/${handoffId}/accept`, {
      token: token('360100', 'education'),
      body: { effectiveFrom: TODAY },
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body.status).toBe('accepted');
    expect(
      (
        await call(gateway, 'POST', `/v1/handoffs/${handoffId}/accept`, {
          token: token('360100', 'education'),
          body: { effectiveFrom: TODAY },
        })
      ).status,
    ).toBe(409);

    const old = await claim('440100', subjectRef, 'edu.compulsory', nextTerm);
    expect(old.status).toBe(409);
    expect(old.body).toMatchObject({ code: 'not-responsible', responsibleRegion: '360100' });
    // the residence city enrols on the permit (004-五, 统一证明材料要求 000-十二): without its reference, 422
    const bare = await claim('360100', subjectRef, 'edu.compulsory', nextTerm);
    expect(bare.body).toMatchObject({ code: 'rule-violated', rule: 'evidence-required', missing: ['residence-permit'] });
    const fresh = await claim('360100', subjectRef, 'edu.compulsory', nextTerm, {}, [
      { kind: 'residence-permit', reference: 'P-360100-1' },
    ]);
    expect(fresh.status).toBe(201);

    const changed = (got: Collected[]): Collected[] =>
      got.filter(
        (g) =>
          g.message.key?.toString() === subjectRef &&
          fromKafkaMessage(g.message.headers, g.message.value).type === 'cn.gov.tongban.ledger.responsibility-changed.v1',
      );
    const jiangxi = changed(await suite.collect('tongban.deliver.360000.v1', (got) => changed(got).length > 0, 30000));
    expect(fromKafkaMessage(jiangxi[0].message.headers, jiangxi[0].message.value).data).toMatchObject({
      fromRegion: '440100',
      toRegion: '360100',
      handoffId,
    });

    // replaying the same event has no second effect (inbox)
    expect(await count(`SELECT count(*) AS n FROM ledger.inbox WHERE event_id = '${eventId}'`)).toBe(1);
  });

  it('rejects and objects: the holder stays, a dispute reaches the operators', async () => {
    const { citizenId, subjectRef } = await registerPerson(gateway, '440100');
    await insureIn(gateway, citizenId, 'pension', '310100');
    await insureIn(gateway, citizenId, 'unemployment', '310100');
    const view = await call<Body>(gateway, 'GET', `/v1/subjects/${subjectRef}/responsibilities`, {
      token: token('310100', 'human-resources'),
    });
    const pending = view.body.pendingHandoffs as Array<{ handoffId: string; serviceCode: string }>;
    // each branch moves only its own services
    expect(pending.map((p) => p.serviceCode).sort()).toEqual(['elder.employee-pension', 'emp.unemployment-insurance']);
    const [first, second] = pending;
    const hr = (region: string): string => token(region, 'human-resources');
    const rejected = await call<Body>(gateway, 'POST', `/v1/handoffs/${first.handoffId}/reject`, {
      token: hr('310100'),
      body: { reason: 'not insured here yet' },
    });
    expect(rejected.body.status).toBe('rejected');
    const objected = await call<Body>(gateway, 'POST', `/v1/handoffs/${second.handoffId}/object`, {
      token: hr('440100'),
      body: { reason: 'the person still works here' },
    });
    expect(objected.body.status).toBe('disputed');
    expect(
      (
        await call(gateway, 'POST', `/v1/handoffs/${second.handoffId}/accept`, {
          token: hr('310100'),
          body: { effectiveFrom: '2099-01-01' },
        })
      ).status,
    ).toBe(409);
    const queue = await call<Body>(gateway, 'GET', '/v1/ops/ledger/handoffs?limit=500', { token: OPERATOR });
    expect((queue.body.items as Body[]).map((h) => h.handoffId)).toContain(second.handoffId);
    const stillOld = await claim(
      '310100',
      subjectRef,
      first.serviceCode,
      first.serviceCode === 'elder.employee-pension' ? '2026-10' : 'x-1',
    );
    expect(stillOld.body).toMatchObject({ code: 'not-responsible', responsibleRegion: '440100' });
  });

  it('reminds before and escalates after the handoff deadline, once, with an injected now', async () => {
    const { citizenId, subjectRef } = await registerPerson(gateway, '120100');
    await insureIn(gateway, citizenId, 'pension', '440300');
    const jobs = running.app.get(LedgerJobs);
    const inTwoWeeks = new Date(Date.now() + 12 * 86400000);
    const run = await jobs.runHandoffDeadlines(inTwoWeeks);
    expect(run.ran).toBe(true);
    const mine = await count(`SELECT count(*) AS n FROM ledger.handoffs WHERE subject_ref = '${subjectRef}' AND reminded_at IS NOT NULL`);
    expect(mine).toBeGreaterThan(0);
    expect((await jobs.runHandoffDeadlines(inTwoWeeks)).reminded).toBe(0);
    const late = await jobs.runHandoffDeadlines(new Date(Date.now() + 40 * 86400000));
    expect(late.escalated).toBeGreaterThanOrEqual(mine);
    const queue = await call<Body>(gateway, 'GET', '/v1/ops/ledger/handoffs?limit=500', { token: OPERATOR });
    expect((queue.body.items as Body[]).filter((h) => h.subjectRef === subjectRef)).toHaveLength(mine);
    // each step is told once per case, naming the services it concerns
    const steps = await suite.db.query<{ step: string; services: number }>(
      `SELECT payload->>'step' AS step, jsonb_array_length(payload->'services') AS services FROM ledger.outbox
        WHERE subject = $1 AND event_type = 'cn.gov.tongban.ledger.handoff-case-updated.v1' ORDER BY seq`,
      [subjectRef],
    );
    expect(steps.map((s) => s.step)).toEqual(['reminder', 'escalated']);
    for (const s of steps) expect(s.services).toBe(mine);
    // two instances firing at once: the advisory lock lets one of them work
    const both = await Promise.all([
      jobs.runHandoffDeadlines(new Date(Date.now() + 41 * 86400000)),
      jobs.runHandoffDeadlines(new Date(Date.now() + 41 * 86400000)),
    ]);
    expect(both.filter((r) => r.ran).length).toBeGreaterThanOrEqual(1);
  });

  it('finds a gap when a periodic entitlement period ends without a claim, once', async () => {
    const subjectRef = await register('110100');
    expect((await claim('110100', subjectRef, 'veterans.preferential-care', '2026-11')).status).toBe(201);
    const gapJob = running.app.get(GapDetectionService);
    const run = await gapJob.run(new Date('2027-01-20T04:00:00Z'));
    expect(run.ran).toBe(true);
    const gaps = await call<{ items: Body[] }>(gateway, 'GET', '/v1/ops/ledger/gaps?limit=500', { token: OPERATOR });
    const mine = gaps.body.items.filter((g) => g.subjectRef === subjectRef);
    expect(mine.map((g) => g.periodKey)).toEqual(['2026-12']);
    expect(mine[0]).toMatchObject({ region: '110100', serviceCode: 'veterans.preferential-care' });
    expect((await gapJob.run(new Date('2027-01-20T04:00:00Z'))).detected).toBe(0);
    const gapEvents = (got: Collected[]): Collected[] =>
      got.filter(
        (g) =>
          g.message.key?.toString() === subjectRef &&
          fromKafkaMessage(g.message.headers, g.message.value).type === 'cn.gov.tongban.ledger.gap-detected.v1',
      );
    expect(gapEvents(await suite.collect('tongban.deliver.110000.v1', (got) => gapEvents(got).length > 0, 30000))).toHaveLength(1);
  });

  it('reconciles a streamed NDJSON upload against the ledger only: overlaps (named to related regions), gaps and unknown records, paged', async () => {
    const a = await register('360100');
    const b = await register('360100');
    expect((await claim('360100', a, 'veterans.preferential-care', '2026-10')).status).toBe(201);
    expect((await claim('360100', b, 'veterans.preferential-care', '2026-09')).status).toBe(201);
    // 440100 says it provided a's October (the ledger says 360100 did) and an unknown record;
    // 440100 is not related to a, so the overlap does not say who provided
    const lines = [
      { subjectRef: a, serviceCode: 'veterans.preferential-care', periodKey: '2026-10' },
      { subjectRef: `s1_${'C'.repeat(32)}`, serviceCode: 'housing.rental-subsidy', periodKey: '2026-10' },
    ];
    const up = await upload('440100', lines);
    expect(up.status).toBe(202);
    expect(up.body).toMatchObject({ status: 'completed', agency: 'veterans-affairs', records: 2, overlaps: 1, unknown: 1 });
    const strangerItems = await call<{ items: Body[] }>(gateway, 'GET', `/v1/reconciliations/${String(up.body.reconciliationId)}/items`, {
      token: token('440100', 'veterans-affairs'),
    });
    expect(strangerItems.body.items.find((i) => i.kind === 'overlap')).toMatchObject({ subjectRef: a, otherRegions: [] });
    // 360100 uploads its own a's October (other uploads are never compared) and a service nobody claimed;
    // it uploads nothing for b's October although b is entitled: a gap
    const own = await upload('360100', [lines[0], { subjectRef: a, serviceCode: 'veterans.services', periodKey: 'visit-1' }]);
    expect(own.body).toMatchObject({ records: 2, overlaps: 0, gaps: 1, unknown: 1 });
    const id = own.body.reconciliationId as string;
    const mine = token('360100', 'veterans-affairs');
    const page1 = await call<{ items: Body[]; next: string | null }>(gateway, 'GET', `/v1/reconciliations/${id}/items?limit=1`, {
      token: mine,
    });
    expect(page1.body.items).toHaveLength(1);
    const page2 = await call<{ items: Body[]; next: string | null }>(
      gateway,
      'GET',
      `/v1/reconciliations/${id}/items?limit=1&cursor=${page1.body.next}`,
      { token: mine },
    );
    const kinds = [...page1.body.items, ...page2.body.items].map((i) => i.kind).sort();
    expect(kinds).toEqual(['gap', 'unknown']);
    expect([...page1.body.items, ...page2.body.items].find((i) => i.kind === 'gap')).toMatchObject({ subjectRef: b, periodKey: '2026-10' });
    // visible to the uploading agency and operators only
    expect((await call(gateway, 'GET', `/v1/reconciliations/${id}`, { token: token('440100', 'veterans-affairs') })).status).toBe(404);
    expect((await call(gateway, 'GET', `/v1/reconciliations/${id}`, { token: token('360100', 'civil-affairs') })).status).toBe(404);
    expect((await call(gateway, 'GET', `/v1/reconciliations/${id}`, { token: OPERATOR })).status).toBe(200);
    // operators open a finding from the ledger's own operator views
    const gapItem = await call<Body>(gateway, 'GET', `/v1/ops/items/reconciliation-item/${id}:${String(page1.body.items[0].itemNo)}`, {
      token: OPERATOR,
    });
    expect(gapItem.status).toBe(200);
    expect(gapItem.body).toMatchObject({ actions: ['resolve'], facts: { reconciliationId: id, uploadingRegion: '360100' } });

    // a related region is told who else provided: 310100 helped a in an emergency, the hukou region uploads the same case
    expect((await claim('310100', a, 'assist.temporary', 'case:310100:c1')).status).toBe(201);
    const related = await call<Body>(gateway, 'POST', '/v1/reconciliations', {
      token: token('360100', 'civil-affairs'),
      headers: { 'content-type': 'application/x-ndjson' },
      rawBody: JSON.stringify({ subjectRef: a, serviceCode: 'assist.temporary', periodKey: 'case:310100:c1' }) + '\n',
    });
    const relatedItems = await call<{ items: Body[] }>(
      gateway,
      'GET',
      `/v1/reconciliations/${String(related.body.reconciliationId)}/items`,
      { token: token('360100', 'civil-affairs') },
    );
    expect(relatedItems.body.items).toEqual([expect.objectContaining({ kind: 'overlap', otherRegions: ['310100'] })]);

    const bad = await call<Body>(gateway, 'POST', '/v1/reconciliations', {
      token: token('440100', 'veterans-affairs'),
      headers: { 'content-type': 'application/x-ndjson' },
      rawBody: `${JSON.stringify(lines[0])}\n{"subjectRef":"${newCitizenId()}","serviceCode":"x.y","periodKey":"1"}\n`,
    });
    expect(bad.status).toBe(422);
    expect(bad.body).toMatchObject({ line: 2 });
    const json = await call(gateway, 'POST', '/v1/reconciliations', { token: token('440100', 'veterans-affairs'), body: lines[0] });
    expect(json.status).toBe(415);
  });
});
