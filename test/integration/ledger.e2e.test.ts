import { randomUUID } from 'node:crypto';
import { makeCitizenId } from '@tongban/identity';
import { LEDGER_SCHEMA, LedgerJobs } from '@tongban/ledger';
import { CONSUMER_GROUPS, DOMAIN_TOPICS, fromKafkaMessage, toKafkaHeaders } from '@tongban/messaging';
import { GatewayModule } from '../../apps/gateway/src/gateway.module';
import { RunningApp } from '@tongban/http';
import { Collected, Suite } from '../harness/suite';
import { call, OPERATOR, token } from '../harness/http';
import { newCitizenId } from '../harness/fixtures';

type Body = Record<string, unknown>;

describe('responsibility ledger end to end (real PostgreSQL and Kafka)', () => {
  let suite: Suite;
  let running: RunningApp;
  let gateway: string;

  beforeAll(async () => {
    suite = await Suite.create('ledger');
    running = await suite.start({ name: 'gateway', module: GatewayModule, consumer: { ...CONSUMER_GROUPS.ledger, inboxSchema: LEDGER_SCHEMA } });
    gateway = running.url;
  });
  afterAll(() => suite.stop());

  const register = async (hukouRegion: string, citizenId = newCitizenId()): Promise<string> => {
    const res = await call(gateway, 'POST', '/v1/subjects', { token: token(hukouRegion), body: { citizenId, hukouRegion } });
    expect(res.status).toBe(201);
    return res.body.subjectRef as string;
  };
  const claim = (region: string, subjectRef: string, serviceCode: string, periodKey: string, headers: Record<string, string> = {}) =>
    call(gateway, 'POST', '/v1/provision-claims', { token: token(region), body: { subjectRef, serviceCode, periodKey }, headers });
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
    for (const [citizenId, reason] of cases) {
      const res = await call(gateway, 'POST', '/v1/subjects', { token: token('360100'), body: { citizenId, hukouRegion: '360100' } });
      expect(res.status).toBe(422);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.body).toMatchObject({ code: 'invalid-citizen-id', reason });
      expect(JSON.stringify(res.body)).not.toContain(citizenId);
    }
    expect(await count(`SELECT count(*) AS n FROM ledger.subjects`)).toBe(before);
    expect(await count(`SELECT count(*) AS n FROM ledger.responsibilities`)).toBeGreaterThanOrEqual(0);
  });

  it('lets only the hukou region register, and answers with every held service at the hukou region', async () => {
    const other = await call(gateway, 'POST', '/v1/subjects', { token: token('440100'), body: { citizenId: newCitizenId(), hukouRegion: '360100' } });
    expect(other.status).toBe(403);
    const res = await call<Body>(gateway, 'POST', '/v1/subjects', { token: token('360100'), body: { citizenId: newCitizenId(), hukouRegion: '360100' } });
    expect(res.status).toBe(201);
    const holders = res.body.holders as Array<{ serviceCode: string; region: string }>;
    expect(holders.length).toBeGreaterThan(20);
    expect(new Set(holders.map((h) => h.region))).toEqual(new Set(['360100']));
    expect(holders.find((h) => h.serviceCode === 'assist.temporary')).toBeUndefined();
  });

  it('grants exactly one of 50 concurrent claims for one key from two regions', async () => {
    const subjectRef = await register('360100');
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => claim(i % 2 === 0 ? '360100' : '440100', subjectRef, 'veterans.preferential-care', '2026-10')),
    );
    const created = results.filter((r) => r.status === 201);
    expect(created).toHaveLength(1);
    expect(created[0].body).toMatchObject({ region: '360100', subjectRef, serviceCode: 'veterans.preferential-care', periodKey: '2026-10' });
    for (const r of results.filter((x) => x.status !== 201)) {
      expect(r.status).toBe(409);
      if (r.body.code === 'already-claimed') expect(r.body.claimedBy).toBe('360100');
      else expect(r.body).toMatchObject({ code: 'not-responsible', responsibleRegion: '360100' });
    }
    expect(await count(`SELECT count(*) AS n FROM ledger.provision_claims WHERE subject_ref = '${subjectRef}'`)).toBe(1);
  });

  it('races 50 claims for one place-based key (treatment region vs insured region): exactly one wins', async () => {
    const subjectRef = await register('360100');
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => claim(i % 2 === 0 ? '440100' : '360100', subjectRef, 'med.cross-region-settlement', 'bill:440100:S123')),
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

  it('grants temporary assistance to the region of the emergency, whatever the hukou, once per episode', async () => {
    const registered = await register('360100');
    const ok = await claim('310100', registered, 'assist.temporary', 'emergency:2026-11-20:fire');
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ region: '310100', basis: 'emergency' });
    const again = await claim('360100', registered, 'assist.temporary', 'emergency:2026-11-20:fire');
    expect(again.body).toMatchObject({ code: 'already-claimed', claimedBy: '310100' });
    // a person the ledger has never seen (no permit, no registration) is helped where the emergency is
    const stranger = await call(gateway, 'POST', '/v1/subjects', { token: token('510100'), body: { citizenId: newCitizenId('510104'), hukouRegion: '510100' } });
    const unregisteredRef = `s1_${'A'.repeat(32)}`;
    expect(stranger.status).toBe(201);
    const elsewhere = await claim('440300', unregisteredRef, 'assist.temporary', 'emergency:2026-11-21:flood');
    expect(elsewhere.status).toBe(201);
    // a held service still needs the responsible region
    const refused = await claim('440300', registered, 'assist.minimum-living', '2026-10');
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'not-responsible', responsibleRegion: '360100' });
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
    const data = {
      permitId: randomUUID(),
      permitNumber: 'NC-2026-000777',
      subjectRef,
      hukouRegion: '440100',
      residenceCity: '360100',
      basis: 'employment',
      residenceSince: '2025-01-01',
      issuedOn: '2026-02-01',
      validUntil: '2027-02-01',
    };
    await producer.send({
      topic: suite.topic(DOMAIN_TOPICS.residence.name),
      messages: [
        {
          key: subjectRef,
          value: JSON.stringify(data),
          headers: toKafkaHeaders({
            id: eventId,
            source: '360100/residence-permit',
            type: 'cn.gov.tongban.residence.permit-issued.v1',
            subject: subjectRef,
            time: new Date().toISOString(),
            dataschema: 'urn:tongban:event-schema:cn.gov.tongban.residence.permit-issued.v1',
            recipients: ['360100', '440100'],
          }),
        },
      ],
    });
    await producer.disconnect();

    const proposals = (got: Collected[]): Collected[] =>
      got.filter((g) => g.message.key?.toString() === subjectRef && fromKafkaMessage(g.message.headers, g.message.value).type === 'cn.gov.tongban.ledger.handoff-proposed.v1');
    const proposed = proposals(
      await suite.collect(DOMAIN_TOPICS.ledger.name, (got) => proposals(got).length > 0, 30000).catch(async (error: unknown) => {
        const dead = await suite.db.query(`SELECT error_code, error_detail FROM messaging.dead_letters`);
        throw new Error(`${String(error)}; dead letters: ${JSON.stringify(dead)}`);
      }),
    );
    const events = proposed.map((g) => fromKafkaMessage(g.message.headers, g.message.value));
    for (const e of events) expect(e.recipients.sort()).toEqual(['360100', '440100']);
    const education = events.find((e) => (e.data as Body).serviceCode === 'edu.compulsory');
    expect(education?.data).toMatchObject({ fromRegion: '440100', toRegion: '360100', status: 'proposed' });
    // the person's hukou province sees the proposal on its delivery topic
    const guangdong = await suite.collect('tongban.deliver.440000.v1', (got) => proposals(got).length > 0, 30000);
    expect(proposals(guangdong).length).toBeGreaterThan(0);

    // until acceptance the hukou region stays responsible
    const view = await call<Body>(gateway, 'GET', `/v1/subjects/${subjectRef}/responsibilities`, { token: token('360100') });
    expect(view.status).toBe(200);
    expect((view.body.pendingHandoffs as Body[]).length).toBe(events.length);
    expect((await call(gateway, 'GET', `/v1/subjects/${subjectRef}/responsibilities`, { token: token('110100') })).status).toBe(404);
    const early = await claim('360100', subjectRef, 'edu.compulsory', '2026-autumn');
    expect(early.body).toMatchObject({ code: 'not-responsible', responsibleRegion: '440100' });

    const handoffId = (education?.data as Body).handoffId as string;
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    expect((await call(gateway, 'POST', `/v1/handoffs/${handoffId}/accept`, { token: token('440100'), body: { effectiveFrom: today } })).status).toBe(403);
    const accepted = await call<Body>(gateway, 'POST', `/v1/handoffs/${handoffId}/accept`, { token: token('360100'), body: { effectiveFrom: today } });
    expect(accepted.status).toBe(200);
    expect(accepted.body.status).toBe('accepted');
    expect((await call(gateway, 'POST', `/v1/handoffs/${handoffId}/accept`, { token: token('360100'), body: { effectiveFrom: today } })).status).toBe(409);

    const old = await claim('440100', subjectRef, 'edu.compulsory', '2026-autumn');
    expect(old.status).toBe(409);
    expect(old.body).toMatchObject({ code: 'not-responsible', responsibleRegion: '360100' });
    const fresh = await claim('360100', subjectRef, 'edu.compulsory', '2026-autumn');
    expect(fresh.status).toBe(201);

    const changed = (got: Collected[]): Collected[] =>
      got.filter((g) => g.message.key?.toString() === subjectRef && fromKafkaMessage(g.message.headers, g.message.value).type === 'cn.gov.tongban.ledger.responsibility-changed.v1');
    const jiangxi = changed(await suite.collect('tongban.deliver.360000.v1', (got) => changed(got).length > 0, 30000));
    expect(fromKafkaMessage(jiangxi[0].message.headers, jiangxi[0].message.value).data).toMatchObject({ fromRegion: '440100', toRegion: '360100', handoffId });

    // replaying the same event has no second effect (inbox)
    expect(await count(`SELECT count(*) AS n FROM ledger.inbox WHERE event_id = '${eventId}'`)).toBe(1);
  });

  it('rejects and objects: the holder stays, a dispute reaches the operators', async () => {
    const subjectRef = await register('440100');
    await call(gateway, 'POST', `/v1/subjects/${subjectRef}/employment`, { token: token('310100'), body: { insuredRegion: '310100', since: '2026-01-01' } });
    const view = await call<Body>(gateway, 'GET', `/v1/subjects/${subjectRef}/responsibilities`, { token: token('310100') });
    const pending = view.body.pendingHandoffs as Array<{ handoffId: string; serviceCode: string }>;
    expect(pending.map((p) => p.serviceCode)).toContain('elder.employee-pension');
    const [first, second] = pending;
    const rejected = await call<Body>(gateway, 'POST', `/v1/handoffs/${first.handoffId}/reject`, { token: token('310100'), body: { reason: 'not insured here yet' } });
    expect(rejected.body.status).toBe('rejected');
    const objected = await call<Body>(gateway, 'POST', `/v1/handoffs/${second.handoffId}/object`, { token: token('440100'), body: { reason: 'the person still works here' } });
    expect(objected.body.status).toBe('disputed');
    expect((await call(gateway, 'POST', `/v1/handoffs/${second.handoffId}/accept`, { token: token('310100'), body: { effectiveFrom: '2099-01-01' } })).status).toBe(409);
    const queue = await call<Body>(gateway, 'GET', '/v1/ops/ledger/handoffs?limit=500', { token: OPERATOR });
    expect((queue.body.items as Body[]).map((h) => h.handoffId)).toContain(second.handoffId);
    const stillOld = await claim('310100', subjectRef, first.serviceCode, first.serviceCode === 'elder.employee-pension' ? '2026-10' : 'x-1');
    expect(stillOld.body).toMatchObject({ code: 'not-responsible', responsibleRegion: '440100' });
  });

  it('reminds before and escalates after the handoff deadline, once, with an injected now', async () => {
    const subjectRef = await register('120100');
    await call(gateway, 'POST', `/v1/subjects/${subjectRef}/employment`, { token: token('440300'), body: { insuredRegion: '440300', since: '2026-01-01' } });
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
    // two instances firing at once: the advisory lock lets one of them work
    const both = await Promise.all([jobs.runHandoffDeadlines(new Date(Date.now() + 41 * 86400000)), jobs.runHandoffDeadlines(new Date(Date.now() + 41 * 86400000))]);
    expect(both.filter((r) => r.ran).length).toBeGreaterThanOrEqual(1);
  });

  it('finds a gap when a periodic entitlement period ends without a claim, once', async () => {
    const subjectRef = await register('110100');
    expect((await claim('110100', subjectRef, 'veterans.preferential-care', '2026-11')).status).toBe(201);
    const jobs = running.app.get(LedgerJobs);
    const run = await jobs.runGapDetection(new Date('2027-01-20T04:00:00Z'));
    expect(run.ran).toBe(true);
    const gaps = await call<{ items: Body[] }>(gateway, 'GET', '/v1/ops/ledger/gaps?limit=500', { token: OPERATOR });
    const mine = gaps.body.items.filter((g) => g.subjectRef === subjectRef);
    expect(mine.map((g) => g.periodKey)).toEqual(['2026-12']);
    expect(mine[0]).toMatchObject({ region: '110100', serviceCode: 'veterans.preferential-care' });
    expect((await jobs.runGapDetection(new Date('2027-01-20T04:00:00Z'))).detected).toBe(0);
    const gapEvents = (got: Collected[]): Collected[] =>
      got.filter((g) => g.message.key?.toString() === subjectRef && fromKafkaMessage(g.message.headers, g.message.value).type === 'cn.gov.tongban.ledger.gap-detected.v1');
    expect(gapEvents(await suite.collect('tongban.deliver.110000.v1', (got) => gapEvents(got).length > 0, 30000))).toHaveLength(1);
  });

  it('reconciles a streamed NDJSON upload: overlaps, gaps and unknown records, paged', async () => {
    const a = await register('360100');
    const b = await register('360100');
    expect((await claim('360100', a, 'veterans.preferential-care', '2026-10')).status).toBe(201);
    expect((await claim('360100', b, 'veterans.preferential-care', '2026-09')).status).toBe(201);
    // 440100 says it provided a's October (the ledger says 360100 did) and an unknown record
    const lines = [
      { subjectRef: a, serviceCode: 'veterans.preferential-care', periodKey: '2026-10' },
      { subjectRef: `s1_${'C'.repeat(32)}`, serviceCode: 'housing.rental-subsidy', periodKey: '2026-10' },
    ];
    const up = await call<Body>(gateway, 'POST', '/v1/reconciliations', {
      token: token('440100'),
      headers: { 'content-type': 'application/x-ndjson' },
      rawBody: lines.map((l) => JSON.stringify(l)).join('\n') + '\n',
    });
    expect(up.status).toBe(202);
    expect(up.body).toMatchObject({ status: 'completed', records: 2, overlaps: 1, unknown: 1 });
    // 360100 uploads nothing for b's October although b is entitled: a gap
    const own = await call<Body>(gateway, 'POST', '/v1/reconciliations', {
      token: token('360100'),
      headers: { 'content-type': 'application/x-ndjson' },
      rawBody: JSON.stringify({ subjectRef: a, serviceCode: 'veterans.preferential-care', periodKey: '2026-10' }) + '\n',
    });
    expect(own.body).toMatchObject({ records: 1, overlaps: 1, gaps: 1 });
    const id = own.body.reconciliationId as string;
    const page1 = await call<{ items: Body[]; next: string | null }>(gateway, 'GET', `/v1/reconciliations/${id}/items?limit=1`, { token: token('360100') });
    expect(page1.body.items).toHaveLength(1);
    const page2 = await call<{ items: Body[]; next: string | null }>(gateway, 'GET', `/v1/reconciliations/${id}/items?limit=1&cursor=${page1.body.next}`, { token: token('360100') });
    const kinds = [...page1.body.items, ...page2.body.items].map((i) => i.kind).sort();
    expect(kinds).toEqual(['gap', 'overlap']);
    expect([...page1.body.items, ...page2.body.items].find((i) => i.kind === 'gap')).toMatchObject({ subjectRef: b, periodKey: '2026-10' });
    expect((await call(gateway, 'GET', `/v1/reconciliations/${id}`, { token: token('440100') })).status).toBe(404);

    const bad = await call<Body>(gateway, 'POST', '/v1/reconciliations', {
      token: token('440100'),
      headers: { 'content-type': 'application/x-ndjson' },
      rawBody: `${JSON.stringify(lines[0])}\n{"subjectRef":"${newCitizenId()}","serviceCode":"x.y","periodKey":"1"}\n`,
    });
    expect(bad.status).toBe(422);
    expect(bad.body).toMatchObject({ line: 2 });
    const json = await call(gateway, 'POST', '/v1/reconciliations', { token: token('440100'), body: lines[0] });
    expect(json.status).toBe(415);
  });
});
