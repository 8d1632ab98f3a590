import { execFile } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { CONSUMER_GROUPS, DeadLetterService, DOMAIN_TOPICS, OutboxRelays } from '@tongban/messaging';
import { KafkaLagRepository, OperatorViewsRepository, OpsMetricsUpdater } from '@tongban/ops';
import { LEDGER_OPERATOR_READS } from '@tongban/ledger';
import { MEDICAL_OPERATOR_READS } from '@tongban/medical';
import { SOCIAL_INSURANCE_OPERATOR_READS } from '@tongban/social-insurance';
import { DEAD_LETTER_OPERATOR_READS } from '@tongban/messaging';
import { ChinaClock } from '@tongban/calendar';
import { Suite } from '../harness/suite';
import { call, CallResult, OPERATOR, token } from '../harness/http';
import { newCitizenId } from '../harness/fixtures';
import { applyForPension, requestPensionTransfer } from '../harness/transfer-steps';
import { registerPerson } from '../harness/ledger-steps';
import { repoPath } from '@tongban/config';
import { GATEWAY_APP } from '../../apps/gateway/src/gateway.app';

type Json = Record<string, unknown>;
interface Queue {
  id: string;
  label: string;
  total: number;
  overdue: number;
  oldestAgeSeconds: number | null;
}
interface Item {
  id: string;
  kind: string;
  overdue: boolean;
  dueOn: string | null;
  statutoryWorkingDays: number | null;
  workingDaysLeft: number | null;
  link: string;
}

const subjectRef = (): string => `s1_${randomBytes(24).toString('base64url').slice(0, 32)}`;

describe('operator console APIs: queues, item history, decisions, Kafka health (real PostgreSQL and Kafka)', () => {
  let suite: Suite;
  let gateway: string;
  let siClock: ChinaClock;
  let updater: OpsMetricsUpdater;
  let views: OperatorViewsRepository;

  const ops = <T = Json>(method: string, path: string, body?: unknown): Promise<CallResult<T>> =>
    call<T>(gateway, method, path, { token: OPERATOR, body });
  const queues = async (): Promise<Queue[]> => (await ops<{ queues: Queue[] }>('GET', '/v1/ops/queues')).body.queues;
  const queue = async (id: string): Promise<Queue | undefined> => (await queues()).find((q) => q.id === id);

  /** A pension transfer requested by 广州 (or `inbound`) from 南昌 (or `outbound`), with the domain's clock pinned to `on` (China). */
  const requestTransfer = async (on?: string, inbound = '440100', outbound = '360100'): Promise<string> => {
    if (on) jest.spyOn(siClock, 'now').mockReturnValue(new Date(`${on}T10:00:00+08:00`));
    // applied for and the contact letter issued the same day: the outbound clock runs from it
    const res = await requestPensionTransfer(gateway, inbound, {
      citizenId: newCitizenId(),
      outboundRegion: outbound,
      hukouRegion: outbound,
    });
    jest.restoreAllMocks();
    expect(res.status).toBe(200);
    return String(res.body.transferId);
  };

  /** A handoff the releasing region objected to (seeded in the ledger's tables: a dispute for operators). */
  const seedDispute = async (): Promise<string> => {
    const ref = subjectRef();
    const id = randomUUID();
    await suite.db.query(`INSERT INTO ledger.subjects (subject_ref, hukou_region, registered_by) VALUES ($1, '360100', 'test')`, [ref]);
    const caseId = randomUUID();
    await suite.db.query(
      `INSERT INTO ledger.handoff_cases (subject_ref, case_id, from_region, to_region, reason, proposed_on) VALUES ($1, $2, '360100', '440100', 'permit issued', '2026-11-02')`,
      [ref, caseId],
    );
    await suite.db.query(
      `INSERT INTO ledger.handoffs (handoff_id, case_id, subject_ref, service_code, from_region, to_region, status, reason, proposed_on, remind_on, deadline, effective_by, answered_at, answered_by, answer_reason)
       VALUES ($1, $3, $2, 'edu.compulsory', '360100', '440100', 'disputed', 'permit issued', '2026-11-02', '2026-11-11', '2026-11-16', '2027-02-02', now(), '360100:dev-360100', 'the person still lives here')`,
      [id, ref, caseId],
    );
    return id;
  };

  const seedGap = async (): Promise<string> => {
    const id = randomUUID();
    await suite.db.query(
      `INSERT INTO ledger.gaps (gap_id, subject_ref, service_code, period_key, region, period_end) VALUES ($1, $2, 'edu.compulsory', '2026-09', '440100', '2026-09-30')`,
      [id, subjectRef()],
    );
    return id;
  };

  beforeAll(async () => {
    suite = await Suite.create('ops_api');
    const gw = await suite.start(GATEWAY_APP);
    // the gateway's relays are stopped: the events its commands write wait in the outboxes (the backlog reported below)
    await gw.app.get(OutboxRelays).stop();
    gateway = gw.url;
    siClock = gw.app.get(ChinaClock);
    views = gw.app.get(OperatorViewsRepository);
    // the gauges are exported by the owning apps (the ledger and social-insurance apps), which do not run
    // here: their updater, over this database and broker, exports into this process's registry
    updater = new OpsMetricsUpdater(
      { reads: [SOCIAL_INSURANCE_OPERATOR_READS, LEDGER_OPERATOR_READS], consumerGroups: ['ledger'] },
      views,
      gw.app.get(KafkaLagRepository),
      gw.app.get(DeadLetterService),
      siClock,
    );
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(() => suite.stop());

  it('lists every deployed queue with Chinese labels, and is closed to regions', async () => {
    const list = await ops<{ today: string; queues: Queue[] }>('GET', '/v1/ops/queues');
    expect(list.status).toBe(200);
    expect(list.body.today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const ids = list.body.queues.map((q) => q.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'dead-letters',
        'si-transfers-contact-letter',
        'si-transfers-certificate',
        'si-transfers-remittance',
        'si-transfers-receipt',
        'ledger-handoffs',
        'ledger-disputes',
        'ledger-gaps',
        'ledger-reconciliation',
        'medical-settlements',
        'medical-statements',
        'medical-clearing-disputes',
      ]),
    );
    expect(list.body.queues.find((q) => q.id === 'dead-letters')?.label).toBe('死信');
    expect((await call(gateway, 'GET', '/v1/ops/queues', { token: token('440100', 'public-security') })).status).toBe(403);
    expect((await call(gateway, 'GET', '/v1/ops/queues')).status).toBe(401);
    expect((await ops('GET', '/v1/ops/queues/no-such-queue/items')).status).toBe(404);
  });

  it("reads each lib's own operator views: every queue answers, every kind of item opens, a column a view uses cannot be dropped, a missing view stops start", async () => {
    const libs = [DEAD_LETTER_OPERATOR_READS, SOCIAL_INSURANCE_OPERATOR_READS, LEDGER_OPERATOR_READS, MEDICAL_OPERATOR_READS];
    expect((await queues()).map((q) => q.id)).toEqual(libs.flatMap((l) => l.queues.map((q) => q.id)));
    for (const reads of libs) {
      for (const q of reads.queues) expect((await ops('GET', `/v1/ops/queues/${q.id}/items`)).status).toBe(200);
      // an unknown id of each kind is a 404, never a cast error from the lib's function
      for (const kind of reads.itemKinds) {
        for (const id of [randomUUID(), 'not-an-id', `${randomUUID()}:7`, '440100:x'])
          expect((await ops('GET', `/v1/ops/items/${kind}/${encodeURIComponent(id)}`)).status).toBe(404);
      }
    }
    // a pension application waits for the inbound region's review and contact letter, on its own 15-working-day clock
    const applied = await applyForPension(gateway, '440100', { citizenId: newCitizenId(), outboundRegion: '360100' });
    expect(applied.status).toBe(202);
    const reviews = await ops<{ items: Item[] }>('GET', '/v1/ops/queues/si-transfers-contact-letter/items?limit=100');
    expect(reviews.body.items.find((i) => i.id === applied.body.transferId)).toMatchObject({ kind: 'transfer', statutoryWorkingDays: 15 });
    // the views are the libs' contract with the console: a migration cannot drop what they read without recreating them
    for (const [table, column] of [
      ['ledger.handoffs', 'answer_reason'],
      ['ledger.fact_changes', 'objection_deadline'],
      ['social_insurance.transfers', 'clock_started_on'],
      ['medical.statement_lines', 'dispute_reason'],
      ['messaging.dead_letters', 'error_code'],
    ])
      await expect(suite.db.query(`ALTER TABLE ${table} DROP COLUMN ${column}`)).rejects.toMatchObject({ code: '2BP01' });
    // a lib without its views (here: the ops schema itself) is refused at start, naming the schema and the missing relation
    await expect(views.verify({ schema: 'ops', queues: [], itemKinds: [] })).rejects.toThrow(
      /operator views of schema ops .*operator_queue/,
    );
  });

  it('shows an overdue transfer first, with its statutory deadline in working days, and its event history in order', async () => {
    const late = await requestTransfer('2026-10-09'); // 15 working days after 9 October (国庆 make-up days) lie well before today
    const fresh = await requestTransfer();
    const q = await queue('si-transfers-certificate');
    expect(q).toMatchObject({ label: '社保转移接续·待出具参保缴费凭证', total: 2, overdue: 1 });

    const page = await ops<{ items: Item[]; next: number | null }>('GET', '/v1/ops/queues/si-transfers-certificate/items?limit=1');
    expect(page.status).toBe(200);
    expect(page.body.items).toHaveLength(1);
    expect(page.body.items[0]).toMatchObject({ id: late, kind: 'transfer', overdue: true, statutoryWorkingDays: 15 });
    expect(page.body.items[0].workingDaysLeft).toBeLessThan(0);
    expect(page.body.next).toBe(1);
    const second = await ops<{ items: Item[]; next: number | null }>(
      'GET',
      '/v1/ops/queues/si-transfers-certificate/items?limit=1&offset=1',
    );
    expect(second.body.items[0]).toMatchObject({ id: fresh, overdue: false });
    expect(second.body.items[0].workingDaysLeft).toBeGreaterThan(0);
    expect(second.body.next).toBeNull();

    const detail = await ops<{ status: string; actions: string[]; facts: Json; events: Array<{ type: string; data: Json; seq: string }> }>(
      'GET',
      page.body.items[0].link,
    );
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({ status: 'requested', actions: [] });
    expect(detail.body.facts).toMatchObject({
      outboundRegion: '360100',
      inboundRegion: '440100',
      clockStartedOn: '2026-10-09',
      statutoryWorkingDays: 15,
    });
    expect(detail.body.events.map((e) => e.type)).toEqual(['cn.gov.tongban.social-insurance.contact-letter-issued.v3']);
    expect(detail.body.events[0].data).toMatchObject({ transferId: late });
    expect(JSON.stringify(detail.body)).not.toMatch(/\d{17}[\dX]/);
  });

  it('filters and searches on the server: region, service, status, overdue, a subjectRef or an id; validates each filter', async () => {
    // two transfers from 成都 into 深圳 (one overdue) beside the 广州 ones of the other tests
    const late = await requestTransfer('2026-10-09', '440300', '510100');
    const fresh = await requestTransfer(undefined, '440300', '510100');
    const lateRef = (await ops<{ subjectRef: string }>('GET', `/v1/ops/items/transfer/${late}`)).body.subjectRef;
    const page = async (query: string): Promise<{ total: number; ids: string[] }> => {
      const res = await ops<{ queue: Queue; items: Item[] }>('GET', `/v1/ops/queues/si-transfers-certificate/items?limit=500&${query}`);
      expect(res.status).toBe(200);
      return { total: res.body.queue.total, ids: res.body.items.map((i) => i.id) };
    };
    expect(await page('region=440300')).toEqual({ total: 2, ids: [late, fresh] });
    expect(await page('region=510000')).toEqual({ total: 2, ids: [late, fresh] }); // a province takes its cities
    expect((await page('region=440100')).ids).not.toContain(late);
    expect(await page('region=440300&overdue=true')).toEqual({ total: 1, ids: [late] });
    expect(await page('region=440300&overdue=false')).toEqual({ total: 1, ids: [fresh] });
    expect((await page('region=440300&service=elder.employee-pension')).ids).toEqual([late, fresh]);
    expect((await page('region=440300&service=med.employee-medical-insurance')).ids).toEqual([]);
    expect((await page('region=440300&status=requested/outbound')).ids).toEqual([late, fresh]);
    expect((await page('region=440300&status=applied/inbound')).ids).toEqual([]);
    expect(await page(`q=${lateRef}`)).toEqual({ total: 1, ids: [late] });
    expect(await page(`q=${fresh}`)).toEqual({ total: 1, ids: [fresh] });
    const items = await ops<{ items: Array<Item & { serviceCode: string | null; workingDaysLeft: number }> }>(
      'GET',
      `/v1/ops/queues/si-transfers-certificate/items?q=${late}`,
    );
    expect(items.body.items[0]).toMatchObject({ serviceCode: 'elder.employee-pension', overdue: true });
    expect(items.body.items[0].workingDaysLeft).toBeLessThanOrEqual(-1);

    // the queue list counts under the same filters: a search shows where its matches are
    const counted = await ops<{ queues: Queue[] }>('GET', `/v1/ops/queues?q=${lateRef}`);
    expect(counted.body.queues.filter((q) => q.total > 0).map((q) => [q.id, q.total, q.overdue])).toEqual([
      ['si-transfers-certificate', 1, 1],
    ]);
    // a disputed handoff, by its service and id
    const dispute = await seedDispute();
    const disputes = await ops<{ items: Item[] }>(
      'GET',
      `/v1/ops/queues/ledger-disputes/items?service=edu.compulsory&region=440000&q=${dispute}`,
    );
    expect(disputes.body.items.map((i) => i.id)).toEqual([dispute]);

    // validated against the contract before anything runs; never a citizen ID in a URL
    const refused = async (query: string): Promise<string[]> => {
      const res = await ops<{ code: string; errors?: Array<{ field: string }> }>(
        'GET',
        `/v1/ops/queues/si-transfers-certificate/items?${query}`,
      );
      expect(res.status).toBe(422);
      return (res.body.errors ?? []).map((e) => e.field);
    };
    expect(await refused('region=44')).toEqual(['/query/region']);
    expect(await refused('overdue=perhaps')).toEqual(['/query/overdue']);
    expect(await refused('service=EDU')).toEqual(['/query/service']);
    expect(await refused('q=a%20b')).toEqual(['/query/q']);
    expect(await refused(`q=${newCitizenId()}`)).toEqual(['/query/q']);
    expect(await refused('sort=due')).toEqual(['/query/sort']);
    expect((await ops('GET', `/v1/ops/queues?region=4403`)).status).toBe(422);
  });

  it('finds any item by its id, also one no queue holds, and shows the audit entry of its creating request (on the collection path)', async () => {
    // a filing: in no queue; registered by POST /v1/medical/filings, audited on that path
    const { citizenId } = await registerPerson(gateway, '360100');
    const filed = await call<{ filingId: string; subjectRef: string }>(gateway, 'POST', '/v1/medical/filings', {
      token: token('360100', 'healthcare-security'),
      body: { citizenId, category: 'long-term-resident', treatmentRegion: '440100', validFrom: '2026-11-01' },
      headers: { 'X-Request-Id': `filing-${randomUUID()}` },
    });
    expect(filed.status).toBe(201);
    const found = await ops<{ items: Array<{ kind: string; id: string; link: string; subjectRef: string }> }>(
      'GET',
      `/v1/ops/search?q=${filed.body.filingId}`,
    );
    expect(found.body.items).toEqual([
      expect.objectContaining({
        kind: 'filing',
        id: filed.body.filingId,
        subjectRef: filed.body.subjectRef,
        link: `/v1/ops/items/filing/${filed.body.filingId}`,
      }),
    ]);
    type Audit = { action: string; resource: string; requestId: string; matchedBy: string; status: number };
    const filing = await ops<{ audit: Audit[]; events: Array<{ type: string }> }>('GET', found.body.items[0].link);
    expect(filing.body.events.map((e) => e.type)).toEqual(['cn.gov.tongban.medical.filing-registered.v1']);
    expect(filing.body.audit).toEqual([
      expect.objectContaining({
        action: 'POST /v1/medical/filings',
        resource: '/v1/medical/filings',
        requestId: filed.headers.get('x-request-id'),
        matchedBy: 'request',
        status: 201,
      }),
    ]);

    // a pension application writes no event: its creating request is found from the transfer's own steps
    const applied = await applyForPension(gateway, '440100', { citizenId: newCitizenId(), outboundRegion: '360100' });
    expect(applied.status).toBe(202);
    const transfer = await ops<{ audit: Audit[] }>('GET', `/v1/ops/items/transfer/${String(applied.body.transferId)}`);
    expect(transfer.body.audit.map((a) => [a.action, a.resource, a.matchedBy])).toEqual([
      ['POST /v1/social-insurance/transfers', '/v1/social-insurance/transfers', 'request'],
    ]);
    const letter = await call(gateway, 'POST', `/v1/social-insurance/transfers/${String(applied.body.transferId)}/contact-letter`, {
      token: token('440100', 'human-resources'),
      body: {},
    });
    expect(letter.status).toBe(200);
    const stepped = await ops<{ audit: Audit[] }>('GET', `/v1/ops/items/transfer/${String(applied.body.transferId)}`);
    expect(stepped.body.audit.map((a) => [a.action, a.matchedBy])).toEqual([
      ['POST /v1/social-insurance/transfers', 'request'],
      ['POST /v1/social-insurance/transfers/:transferId/contact-letter', 'resource'],
    ]);
    // ids of no item, and ids of the wrong shape, find nothing
    for (const q of [randomUUID(), 'nothing-here', '440100:x'])
      expect((await ops<{ items: unknown[] }>('GET', `/v1/ops/search?q=${encodeURIComponent(q)}`)).body.items).toEqual([]);
    expect((await ops('GET', '/v1/ops/search')).status).toBe(422);
    expect(
      (await call(gateway, 'GET', `/v1/ops/search?q=${filed.body.filingId}`, { token: token('360100', 'healthcare-security') })).status,
    ).toBe(403);
  });

  it('decides a dispute once, in the ledger — concurrent decisions get one 200 and 409s — and the item leaves the queue with the decision audited', async () => {
    const id = await seedDispute();
    const before = await queue('ledger-disputes');
    expect(before?.overdue).toBeGreaterThanOrEqual(1);
    const detail = await ops<{ actions: string[]; facts: Json }>('GET', `/v1/ops/items/handoff/${id}`);
    // a note in the console would change nothing: the dispute is decided where it lives
    expect(detail.body.actions).toEqual([]);
    expect(detail.body.facts).toMatchObject({ decideWith: `POST /v1/handoffs/${id}/decision` });
    expect((await ops('POST', `/v1/ops/items/handoff/${id}/decisions`, { action: 'close', note: 'x' })).status).toBe(422);

    const results = await Promise.all(
      [1, 2, 3].map((n) => ops('POST', `/v1/handoffs/${id}/decision`, { decision: 'reject', reason: `rejected by operator ${n}` })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    expect(await suite.db.one(`SELECT status, decided_by_operator FROM ledger.handoffs WHERE handoff_id = $1`, [id])).toMatchObject({
      status: 'rejected',
      decided_by_operator: true,
    });
    expect((await queue('ledger-disputes'))?.total).toBe((before?.total ?? 0) - 1);

    const after = await ops<{ actions: string[]; audit: Array<{ action: string; status: number; actor: string }> }>(
      'GET',
      `/v1/ops/items/handoff/${id}`,
    );
    // the AuditInterceptor records successful operator writes (refused ones roll back with their transaction)
    expect(after.body.audit.map((a) => a.action)).toEqual(['POST /v1/handoffs/:handoffId/decision']);
    expect(after.body.audit.every((a) => a.actor.startsWith('operator:'))).toBe(true);
  });

  it('resolves a gap (a discrepancy), refuses actions that do not fit the kind, and validates the body', async () => {
    const gap = await seedGap();
    const before = (await queue('ledger-gaps'))?.total ?? 0;
    expect((await ops('POST', `/v1/ops/items/gap/${gap}/decisions`, { action: 'close', note: 'x' })).status).toBe(422);
    expect((await ops('POST', `/v1/ops/items/gap/${gap}/decisions`, { action: 'resolve', note: '' })).status).toBe(422);
    expect((await ops('POST', `/v1/ops/items/gap/${gap}/decisions`, { action: 'resolve', note: 'ok', extra: 1 })).status).toBe(422);
    expect((await ops('POST', `/v1/ops/items/gap/${randomUUID()}/decisions`, { action: 'resolve', note: 'ok' })).status).toBe(404);
    expect(
      (
        await call(gateway, 'POST', `/v1/ops/items/gap/${gap}/decisions`, {
          token: token('440100', 'public-security'),
          body: { action: 'resolve', note: 'ok' },
        })
      ).status,
    ).toBe(403);
    const resolved = await ops('POST', `/v1/ops/items/gap/${gap}/decisions`, { action: 'resolve', note: '已由广州补录申领' });
    expect(resolved.status).toBe(201);
    expect(resolved.body).toMatchObject({ action: 'resolve', note: '已由广州补录申领' });
    expect((await queue('ledger-gaps'))?.total).toBe(before - 1);
    expect((await ops('GET', `/v1/ops/items/transfer/${randomUUID()}`)).status).toBe(404);
    expect((await ops('GET', `/v1/ops/items/nonsense/1`)).status).toBe(422);
  });

  it('serves the same queues and items to the command-line tool (tongban-ops queues | show)', async () => {
    const late = await requestTransfer('2026-10-09');
    const run = (...args: string[]): Promise<{ stdout: string }> =>
      promisify(execFile)(
        repoPath('node_modules/.bin/ts-node-transpile-only'),
        ['-r', 'tsconfig-paths/register', '-P', 'tsconfig.json', 'tools/tongban-ops.ts', ...args],
        {
          cwd: repoPath('.'),
          env: { ...process.env, TONGBAN_URL: gateway, TONGBAN_TOKEN: OPERATOR },
        },
      );
    const queuesOut = (await run('queues')).stdout;
    expect(queuesOut).toMatch(/si-transfers-certificate\s+\d+ waiting\s+[1-9]\d* overdue/);
    expect(queuesOut).toContain('社保转移接续·待出具参保缴费凭证');
    expect((await run('queue', 'si-transfers-certificate')).stdout.split('\n')[0]).toMatch(/^OVERDUE transfer /);
    const shown = JSON.parse((await run('show', 'transfer', late)).stdout) as { events: Array<{ type: string }> };
    expect(shown.events.map((e) => e.type)).toEqual(['cn.gov.tongban.social-insurance.contact-letter-issued.v3']);
  });

  it('reports consumer lag per group and partition, outbox backlog, and exports them as metrics', async () => {
    // the ledger app is not running here: everything on its group's topics is lag
    const producer = suite.kafka.producer();
    await producer.connect();
    await producer.send({
      topic: suite.topic(DOMAIN_TOPICS.residence.name),
      messages: [1, 2, 3].map((n) => ({ key: `k${n}`, value: 'x' })),
    });
    await producer.disconnect();

    const report = await ops<{
      consumerGroups: Array<{
        groupId: string;
        totalLag: number;
        partitions: Array<{ topic: string; partition: number; lag: number; committed: string | null }>;
      }>;
      outboxes: Array<{ schema: string; backlog: number }>;
      deadLetters: unknown[];
    }>('GET', '/v1/ops/kafka');
    expect(report.status).toBe(200);
    const groups = new Map(report.body.consumerGroups.map((g) => [g.groupId, g]));
    expect([...groups.keys()].sort()).toEqual(
      Object.values(CONSUMER_GROUPS)
        .map((g) => suite.namespace + g.groupId)
        .sort(),
    );
    const ledger = groups.get(`${suite.namespace}tongban.ledger`)!;
    expect(ledger.totalLag).toBeGreaterThanOrEqual(3);
    expect(ledger.partitions).toHaveLength(DOMAIN_TOPICS.residence.partitions + DOMAIN_TOPICS.socialInsurance.partitions);
    const subscribed = CONSUMER_GROUPS.ledger.topics.map((t) => suite.topic(t));
    expect(ledger.partitions.every((p) => subscribed.includes(p.topic) && p.committed === null)).toBe(true);
    // no relay runs here: the transfer events wait in the outbox
    expect(report.body.outboxes.find((o) => o.schema === 'social_insurance')?.backlog).toBeGreaterThanOrEqual(2);
    expect(report.body.outboxes.map((o) => o.schema)).toEqual(
      expect.arrayContaining(['gateway', 'ledger', 'medical', 'residence', 'social_insurance']),
    );

    await updater.refresh();
    const scrape = await fetch(`${gateway}/metrics`).then((r) => r.text());
    expect(scrape).toMatch(
      new RegExp(
        `tongban_consumer_lag\\{group="${suite.namespace.replace(/\./g, '\\.')}tongban\\.ledger",topic="[^"]+",partition="\\d"[^}]*\\} \\d+`,
      ),
    );
    expect(scrape).toMatch(/tongban_overdue_items\{queue="si-transfers-certificate"[^}]*\} 3\n/); // the three transfers requested on 2026-10-09
    expect(scrape).toMatch(/tongban_queue_items\{queue="ledger-disputes"[^}]*\} \d+/);
    expect(scrape).toMatch(new RegExp(`tongban_dead_letters_open\\{group="tongban\\.ledger"[^}]*\\} \\d+\n`));
    // every series names the process's app
    expect(scrape).toMatch(/tongban_queue_items\{[^}]*app="gateway"/);
    expect(scrape).not.toMatch(/app="tongban"/);
  });
});
