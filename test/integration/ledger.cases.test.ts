import { randomUUID } from 'node:crypto';
import { chinaDay } from '@tongban/calendar';
import { RunningApp } from '@tongban/http';
import { DOMAIN_TOPICS, EventValidator, fromKafkaMessage } from '@tongban/messaging';
import { Collected, Suite } from '../harness/suite';
import { permitIssuedMessage } from '../harness/fixtures';
import { agencyOf, call, OPERATOR, token } from '../harness/http';
import { LedgerJobs } from '@tongban/ledger';
import { eventually } from '../harness/eventually';
import { GATEWAY_APP } from '../../apps/gateway/src/gateway.app';
import { LEDGER_APP } from '../../apps/ledger/src/ledger.app';

type Body = Record<string, unknown>;
interface CaseService {
  handoffId: string;
  serviceCode: string;
  status?: string;
}

const TODAY = chinaDay(new Date());
const HUKOU = '440100'; // 广州
const CITY = '360100'; // 南昌, issues the permit

/**
 * One move, one case (issue 17): a residence permit makes the ledger open one handoff case for the
 * person, told once to both provinces with every service that moves; the receiving region's agencies
 * answer it as a whole (each its own services) or per service; each step is one case event; operators
 * see one queue row per case. Real Kafka and PostgreSQL.
 */
describe('handoff cases (real PostgreSQL and Kafka)', () => {
  let suite: Suite;
  let gateway: string;
  let running: RunningApp;
  let ledger: RunningApp;
  const validator = new EventValidator();

  beforeAll(async () => {
    suite = await Suite.create('cases');
    running = await suite.start(GATEWAY_APP);
    gateway = running.url;
    ledger = await suite.start(LEDGER_APP);
  });
  afterAll(() => suite.stop());

  const issuePermit = async (subjectRef: string, permitNumber = 'NC-2026-000901'): Promise<void> => {
    const producer = suite.kafka.producer();
    await producer.connect();
    await producer.send({
      topic: suite.topic(DOMAIN_TOPICS.residence.name),
      messages: [permitIssuedMessage(permitNumber, subjectRef, { hukouRegion: HUKOU, residenceCity: CITY, residenceSince: '2025-01-01' })],
    });
    await producer.disconnect();
  };
  const ofType = (got: Collected[], subjectRef: string, type: string) =>
    got
      .filter((g) => g.message.key?.toString() === subjectRef)
      .map((g) => fromKafkaMessage(g.message.headers, g.message.value))
      .filter((e) => e.type === type);

  it('a permit opens one case with every service that moves; it is answered whole and per service, one event per step', async () => {
    const subjectRef = `s1_${randomUUID().replace(/-/g, '')}`;
    await issuePermit(subjectRef);
    const PROPOSED = 'cn.gov.tongban.ledger.handoff-case-proposed.v1';
    const jiangxi = await suite.collect('tongban.deliver.360000.v1', (got) => ofType(got, subjectRef, PROPOSED).length > 0, 30000);
    const [proposed] = ofType(jiangxi, subjectRef, PROPOSED);
    validator.validate(proposed.type, proposed.data);
    expect(proposed.recipients.sort()).toEqual([CITY, HUKOU]);
    const c = proposed.data as { caseId: string; fromRegion: string; toRegion: string; services: CaseService[] };
    expect(c).toMatchObject({ fromRegion: HUKOU, toRegion: CITY });
    // the hukou province is told the same case, once
    const guangdong = await suite.collect('tongban.deliver.440000.v1', (got) => ofType(got, subjectRef, PROPOSED).length > 0, 30000);
    expect(ofType(guangdong, subjectRef, PROPOSED).map((e) => e.id)).toEqual([proposed.id]);
    // every proposal of the permit is in it (the per-service events still follow, one per service)
    const perService = ofType(jiangxi, subjectRef, 'cn.gov.tongban.ledger.handoff-proposed.v2');
    expect(c.services.map((s) => s.handoffId).sort()).toEqual(perService.map((e) => (e.data as Body).handoffId as string).sort());
    expect(c.services.length).toBeGreaterThan(3);

    // the case, to its two regions and operators only
    const seen = await call<Body>(gateway, 'GET', `/v1/handoff-cases/${c.caseId}`, { token: token(HUKOU, 'civil-affairs') });
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ caseId: c.caseId, subjectRef, status: 'open' });
    expect((await call(gateway, 'GET', `/v1/handoff-cases/${c.caseId}`, { token: token('110100', 'civil-affairs') })).status).toBe(404);
    expect((await call(gateway, 'GET', `/v1/handoff-cases/${c.caseId}`, { token: OPERATOR })).status).toBe(200);
    // operators see one queue row for the whole case
    const queue = await call<{ items: Array<{ id: string; subjectRef: string }> }>(
      gateway,
      'GET',
      `/v1/ops/queues/ledger-handoffs/items?q=${c.services[0].handoffId}`,
      { token: OPERATOR },
    );
    expect(queue.body.items.map((i) => i.id)).toEqual([c.caseId]);

    // the releasing region cannot accept; the education bureau of the city accepts the whole case: its services only
    expect(
      (
        await call(gateway, 'POST', `/v1/handoff-cases/${c.caseId}/accept`, {
          token: token(HUKOU, 'education'),
          body: { effectiveFrom: TODAY },
        })
      ).status,
    ).toBe(403);
    const accepted = await call<{ handoffs: Array<Body & CaseService> }>(gateway, 'POST', `/v1/handoff-cases/${c.caseId}/accept`, {
      token: token(CITY, 'education'),
      body: { effectiveFrom: TODAY },
    });
    expect(accepted.status).toBe(200);
    const byStatus = (status: string) => accepted.body.handoffs.filter((h) => h.status === status).map((h) => h.serviceCode);
    expect(byStatus('accepted').length).toBeGreaterThan(0);
    expect(byStatus('accepted').every((code) => code.startsWith('edu.'))).toBe(true);
    const open = byStatus('proposed');
    expect(open.length).toBeGreaterThan(0);

    const UPDATED = 'cn.gov.tongban.ledger.handoff-case-updated.v1';
    const steps = async (n: number) =>
      ofType(
        await suite.collect('tongban.deliver.440000.v1', (got) => ofType(got, subjectRef, UPDATED).length >= n, 30000),
        subjectRef,
        UPDATED,
      );
    const [acceptStep] = await steps(1);
    validator.validate(acceptStep.type, acceptStep.data);
    expect(acceptStep.data).toMatchObject({ step: 'accepted', caseId: c.caseId, open: [...open].sort() });
    expect((acceptStep.data as { services: CaseService[] }).services.map((s) => s.serviceCode).sort()).toEqual(byStatus('accepted').sort());

    // per service: one named service, by the agency that provides it; naming it again is 409
    const target = open[0];
    const reject = () =>
      call<{ status: string; handoffs: CaseService[] }>(gateway, 'POST', `/v1/handoff-cases/${c.caseId}/reject`, {
        token: token(CITY, agencyOf(target)),
        body: { reason: 'not resident in the city', services: [target] },
      });
    const rejected = await reject();
    expect(rejected.status).toBe(200);
    expect(rejected.body.handoffs.find((h) => h.serviceCode === target)?.status).toBe('rejected');
    expect((await reject()).status).toBe(409);
    const [, rejectStep] = await steps(2);
    validator.validate(rejectStep.type, rejectStep.data);
    expect(rejectStep.data).toMatchObject({
      step: 'rejected',
      services: [{ serviceCode: target, status: 'rejected', answerReason: 'not resident in the city' }],
      open: open.filter((code) => code !== target).sort(),
    });
  });

  it("reminds and escalates a case as a whole: one step each, naming every service, however small the job's page", async () => {
    const subjectRef = `s1_${randomUUID().replace(/-/g, '')}`;
    await issuePermit(subjectRef, 'NC-2026-000902');
    const open = (): Promise<Array<{ n: number }>> =>
      suite.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ledger.handoffs WHERE subject_ref = $1 AND status = 'proposed'`, [
        subjectRef,
      ]);
    const [{ n: services }] = await eventually(open, (rows) => rows[0].n > 3, 'the case to be proposed');
    const jobs = ledger.app.get(LedgerJobs);
    // pages of one case each: a page is never cut inside a case
    await jobs.runHandoffDeadlines(new Date(Date.now() + 12 * 86400000), 1);
    await jobs.runHandoffDeadlines(new Date(Date.now() + 40 * 86400000), 1);
    const steps = await suite.db.query<{ step: string; services: number }>(
      `SELECT payload->>'step' AS step, jsonb_array_length(payload->'services') AS services FROM ledger.outbox
        WHERE subject = $1 AND event_type = 'cn.gov.tongban.ledger.handoff-case-updated.v1' ORDER BY seq`,
      [subjectRef],
    );
    expect(steps).toEqual([
      { step: 'reminder', services },
      { step: 'escalated', services },
    ]);
  });
});
