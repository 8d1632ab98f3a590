import type { AgencyKind } from '@tongban/identity';
import { EventValidator, fromKafkaMessage } from '@tongban/messaging';
import { randomBytes, randomUUID } from 'node:crypto';
import { ChinaClock, WorkingDayCalendar } from '@tongban/calendar';
import { SOCIAL_INSURANCE_SCHEMA, StepClock, TransferClockService, TransferDeadlines } from '@tongban/social-insurance';
import { calendarThrough, datasetWithSimulated2027 } from '../harness/holiday-datasets';
import { TransferClockScheduler } from '../../apps/social-insurance/src/transfer-clock.scheduler';
import { Collected, Suite } from '../harness/suite';
import { call, CallResult, OPERATOR, token } from '../harness/http';
import { newCitizenId } from '../harness/fixtures';
import {
  applyForPension,
  PENSION_APPLICATION_EVIDENCE,
  PENSION_CERTIFICATE_EVIDENCE,
  requestPensionTransfer,
} from '../harness/transfer-steps';
import { GATEWAY_APP } from '../../apps/gateway/src/gateway.app';
import { SOCIAL_INSURANCE_APP } from '../../apps/social-insurance/src/social-insurance.app';

type Json = Record<string, unknown>;
const BASE = '/v1/social-insurance/transfers';
const SI = 'cn.gov.tongban.social-insurance.';
/** The contracts' own validator (contracts/events/<type>.json), as the outbox writer and the consumers use it. */
const validator = new EventValidator();

/** Consecutive months from..to (inclusive), all with the same base. */
function months(from: string, to: string, baseFen: number): { month: string; baseFen: number }[] {
  const idx = (m: string): number => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
  const out: { month: string; baseFen: number }[] = [];
  for (let i = idx(from); i <= idx(to); i++) out.push({ month: `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`, baseFen });
  return out;
}

describe('social-insurance transfers end to end (real PostgreSQL and Kafka)', () => {
  let suite: Suite;
  let gateway: string;
  let clock: ChinaClock;
  let clockJob: TransferClockService;
  let deadlines: TransferDeadlines;
  let calendar: WorkingDayCalendar;

  /** Pins "today" in China for the gateway's transfer rules. */
  const today = (date: string): void => {
    jest.spyOn(clock, 'now').mockReturnValue(new Date(`${date}T10:00:00+08:00`));
  };
  /** Every step of a transfer is taken by the agency of its insurance type: 人社 for pension, 医保 for medical. */
  const typeOfTransfer = new Map<string, unknown>();
  const agencyFor = (insuranceType: unknown): AgencyKind => (insuranceType === 'medical' ? 'healthcare-security' : 'human-resources');
  const post = (path: string, region: string, body: unknown, headers?: Record<string, string>): Promise<CallResult> => {
    const insuranceType = path === '' ? (body as Json).insuranceType : typeOfTransfer.get(path.split('/')[1]);
    return call(gateway, 'POST', `${BASE}${path}`, {
      token: region === 'operator' ? OPERATOR : token(region, agencyFor(insuranceType)),
      body,
      headers,
    });
  };
  const get = (path: string, tok: string): Promise<CallResult> => call(gateway, 'GET', `${BASE}${path}`, { token: tok });
  const remember = (res: CallResult, insuranceType: unknown): CallResult => {
    if (typeof res.body.transferId === 'string') typeOfTransfer.set(res.body.transferId, insuranceType);
    return res;
  };
  /** Medical: the accepted application is the contact letter. Pension: applied for, then the contact letter issued at once. */
  const request = async (region: string, body: Json): Promise<CallResult> =>
    remember(
      body.insuranceType === 'pension' ? await requestPensionTransfer(gateway, region, body) : await post('', region, body),
      body.insuranceType,
    );
  const apply = async (region: string, body: Json): Promise<CallResult> =>
    remember(await applyForPension(gateway, region, body), 'pension');
  const hr = (region: string): string => token(region, 'human-resources');
  const med = (region: string): string => token(region, 'healthcare-security');
  const pensionRequest = (citizenId: string, extra: Json = {}): Json => ({
    citizenId,
    insuranceType: 'pension',
    outboundRegion: '360100',
    hukouRegion: '360100',
    evidence: PENSION_APPLICATION_EVIDENCE,
    ...extra,
  });
  const outboxCount = async (subjectRef: string): Promise<number> =>
    Number(
      (await suite.db.one<{ n: string }>(`SELECT count(*) AS n FROM ${SOCIAL_INSURANCE_SCHEMA}.outbox WHERE subject = $1`, [subjectRef]))
        ?.n,
    );
  const eventsOf = async (
    province: string,
    subjectRef: string,
    until: (types: string[]) => boolean,
  ): Promise<ReturnType<typeof fromKafkaMessage>[]> => {
    const mine = (got: Collected[]): Collected[] => got.filter((g) => g.message.key?.toString() === subjectRef);
    const types = (got: Collected[]): string[] => mine(got).map((g) => fromKafkaMessage(g.message.headers, g.message.value).type);
    const got = await suite.collect(`tongban.deliver.${province}.v1`, (all) => until(types(all)));
    return mine(got).map((g) => fromKafkaMessage(g.message.headers, g.message.value));
  };

  beforeAll(async () => {
    suite = await Suite.create('social_insurance');
    const gw = await suite.start(GATEWAY_APP);
    gateway = gw.url;
    clock = gw.app.get(ChinaClock);
    const si = await suite.start(SOCIAL_INSURANCE_APP);
    // The tests run the clock job themselves, for chosen days.
    await si.app.get(TransferClockScheduler).stop();
    clockJob = si.app.get(TransferClockService);
    deadlines = si.app.get(TransferDeadlines);
    calendar = gw.app.get(WorkingDayCalendar);
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(() => suite.stop());

  it('moves a pension from 南昌 (360100) to 广州 (440100): application, review, contact letter, certificate, funds, remittance, receipt — events in order to both provinces', async () => {
    const citizenId = newCitizenId();
    today('2026-09-16');
    // the written application reached 广州 on Mon 2026-09-14; its review runs 15 working days (国办发〔2009〕66号 Art. 8(2))
    const applied = await apply('440100', pensionRequest(citizenId, { appliedOn: '2026-09-14', inboundMonths: ['2026-08', '2026-09'] }));
    expect(applied.status).toBe(202);
    const id = applied.body.transferId as string;
    const subjectRef = applied.body.subjectRef as string;
    expect(applied.headers.get('location')).toBe(`${BASE}/${id}`);
    expect(applied.body).toMatchObject({
      state: 'applied',
      step: 'contact-letter',
      awaitingRegion: '440100',
      appliedOn: '2026-09-14',
      contactLetterOn: null,
      duplicateMonthsKept: 'inbound',
      hukouRegion: '360100', // from the ledger
    });
    // ending on the make-up Saturday 2026-10-10 of the National Day holiday
    expect(applied.body.deadline).toEqual({
      party: 'inbound',
      startedOn: '2026-09-14',
      workingDays: 15,
      dueOn: '2026-10-10',
      provisional: false,
    });
    expect(await outboxCount(subjectRef)).toBe(0); // the outbound region hears of it from the contact letter
    // the outbound region takes no step on an application
    const early = await post(`/${id}/certificate`, '360100', { months: months('2025-01', '2025-01', 1), accountBalanceFen: 0 });
    expect(early.body).toMatchObject({ status: 409, code: 'invalid-transition', state: 'applied' });

    today('2026-09-28');
    const created = await post(`/${id}/contact-letter`, '440100', {}, { 'Idempotency-Key': `letter-${id}` });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      state: 'requested',
      step: 'certificate',
      awaitingRegion: '360100',
      inboundRegion: '440100',
      outboundRegion: '360100',
      contactLetterOn: '2026-09-28',
    });
    // 15 working days after Mon 2026-09-28, across the National Day golden week and its make-up Saturday 10-10.
    expect(created.body.deadline).toEqual({
      party: 'outbound',
      startedOn: '2026-09-28',
      workingDays: 15,
      dueOn: '2026-10-23',
      provisional: false,
    });
    expect(JSON.stringify(created.body)).not.toContain(citizenId);

    today('2026-10-09');
    const certificate = {
      // 2019-07..12 at 5,000 yuan, 2020 at 6,000 yuan; 2026-08..09 were also paid in 广州 (duplicates).
      months: [
        ...months('2019-07', '2019-12', 500_000),
        ...months('2020-01', '2020-12', 600_000),
        ...months('2026-08', '2026-09', 700_000),
      ],
      accountBalanceFen: 1_234_567,
      evidence: PENSION_CERTIFICATE_EVIDENCE,
    };
    const certified = await post(`/${id}/certificate`, '360100', certificate, { 'Idempotency-Key': `cert-${id}` });
    expect(certified.status).toBe(200);
    // 2019: 6 × 500,000 × 12 % = 360,000; 2020: 12 × 600,000 × 12 % = 864,000; the duplicates are cleared here: not
    // pooled, and their individual-account share 2 × 700,000 × 8 % = 112,000 refunded to the person, not moved.
    expect(certified.body.funds).toMatchObject({
      transferFen: 2_346_567,
      accountBalanceFen: 1_234_567,
      refundedShareFen: 112_000,
      pooledFen: 1_224_000,
      years: [
        { year: 2019, months: 6, baseTotalFen: 3_000_000, pooledFen: 360_000 },
        { year: 2020, months: 12, baseTotalFen: 7_200_000, pooledFen: 864_000 },
      ],
      excludedMonths: [
        { month: '2026-08', baseFen: 700_000, reason: 'refunded-duplicate' },
        { month: '2026-09', baseFen: 700_000, reason: 'refunded-duplicate' },
      ],
    });
    expect(certified.body.duplicates).toMatchObject({
      months: ['2026-08', '2026-09'],
      kept: 'inbound',
      refundBy: 'outbound',
      refundFen: 112_000,
      refundedShares: [
        { month: '2026-08', baseFen: 700_000, ratePermille: 80, shareFen: 56_000 },
        { month: '2026-09', baseFen: 700_000, ratePermille: 80, shareFen: 56_000 },
      ],
    });
    expect((certified.body.duplicates as Json).source).toContain('先转后清');
    expect(certified.body).toMatchObject({ state: 'certified', step: 'remittance', awaitingRegion: '360100' });
    expect((certified.body.deadline as Json).dueOn).toBe('2026-10-23'); // one outbound clock for certificate and remittance
    // 18 months in 360100 (the hukou region) and 2 in 440100, where the relation now is: Art. 6(4), hukou region.
    expect(certified.body.collectionRegion).toMatchObject({
      region: '360100',
      rule: 'hukou-fallback',
      monthsByRegion: { '360100': 18, '440100': 2 },
    });
    const replay = await post(`/${id}/certificate`, '360100', certificate, { 'Idempotency-Key': `cert-${id}` });
    expect(replay.status).toBe(200);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');

    today('2026-10-12');
    const remitted = await post(`/${id}/remittance`, '360100', {
      amountFen: 2_346_567,
      remittedOn: '2026-10-12',
      reference: 'NC-2026-10-000123',
    });
    expect(remitted.status).toBe(200);
    expect(remitted.body).toMatchObject({ state: 'remitted', step: 'receipt', awaitingRegion: '440100' });
    expect(remitted.body.deadline).toEqual({
      party: 'inbound',
      startedOn: '2026-10-12',
      workingDays: 15,
      dueOn: '2026-11-02',
      provisional: false,
    });

    today('2026-10-14');
    const received = await post(`/${id}/receipt`, '440100', { amountFen: 2_346_567, receivedOn: '2026-10-14' });
    expect(received.status).toBe(200);
    expect(received.body).toMatchObject({
      state: 'completed',
      step: null,
      awaitingRegion: null,
      deadline: null,
      receipt: { amountFen: 2_346_567, receivedOn: '2026-10-14' },
    });

    const read = await get(`/${id}`, hr('360100'));
    expect(read.status).toBe(200);
    const history = read.body.history as Json[];
    expect(history.map((h) => [h.step, h.fromState, h.toState, h.region, h.actor])).toEqual([
      ['request', null, 'applied', '440100', '440100:dev-440100-human-resources'],
      ['contact-letter', 'applied', 'requested', '440100', '440100:dev-440100-human-resources'],
      ['certificate', 'requested', 'certified', '360100', '360100:dev-360100-human-resources'],
      ['remittance', 'certified', 'remitted', '360100', '360100:dev-360100-human-resources'],
      ['receipt', 'remitted', 'completed', '440100', '440100:dev-440100-human-resources'],
    ]);
    // the evidence each step referenced (统一证明材料要求, 000-十二) is kept with it
    expect(history.map((h) => [h.step, h.evidence])).toEqual([
      ['request', PENSION_APPLICATION_EVIDENCE],
      ['contact-letter', []],
      ['certificate', PENSION_CERTIFICATE_EVIDENCE],
      ['remittance', []],
      ['receipt', []],
    ]);
    expect((await get(`/${id}`, hr('110100'))).status).toBe(404);
    // the other agency of a party region does not see a pension transfer
    expect((await get(`/${id}`, med('360100'))).status).toBe(404);
    expect((await get(`/${id}`, OPERATOR)).status).toBe(200);

    const expected = [
      'contact-letter-issued.v3',
      'certificate-received.v2',
      'funds-computed.v3',
      'transfer-remitted.v2',
      'transfer-received.v1',
      'transfer-completed.v1',
    ].map((t) => `${SI}${t}`);
    for (const province of ['360000', '440000']) {
      const events = await eventsOf(province, subjectRef, (types) => types.length >= expected.length);
      expect(events.map((e) => e.type)).toEqual(expected);
      for (const e of events) {
        expect(e.recipients.sort()).toEqual(['360100', '440100']);
        expect(e.subject).toBe(subjectRef);
        expect(JSON.stringify(e)).not.toContain(citizenId);
      }
      expect(events[2].data).toMatchObject({
        transferId: id,
        transferFen: 2_346_567,
        pooledFen: 1_224_000,
        refundedShareFen: 112_000,
        duplicateMonthsKept: 'inbound',
        refundedDuplicateMonths: ['2026-08', '2026-09'],
        collectionRegion: { region: '360100', rule: 'hukou-fallback' },
      });
      expect(events[0].data).toMatchObject({
        appliedOn: '2026-09-14',
        issuedOn: '2026-09-28',
        deadline: { dueOn: '2026-10-23', provisional: false },
      });
      expect(events[3].data).toMatchObject({ deadline: { party: 'inbound', provisional: false } });
    }
  });

  it('lets the region whose step it is refuse, with a reason, and frees the person for a new transfer', async () => {
    const citizenId = newCitizenId();
    today('2026-10-09');
    const created = await request('440300', pensionRequest(citizenId));
    const id = created.body.transferId as string;
    const notYours = await post(`/${id}/refusal`, '440300', { reason: 'changed our mind' });
    expect(notYours.status).toBe(403);
    const refused = await post(`/${id}/refusal`, '360100', { reason: 'no insured record for this person in 360100' });
    expect(refused.status).toBe(200);
    expect(refused.body).toMatchObject({
      state: 'refused',
      step: null,
      refusal: { step: 'certificate', region: '360100', reason: 'no insured record for this person in 360100' },
    });
    expect(
      (await post(`/${id}/certificate`, '360100', { months: months('2025-01', '2025-02', 500_000), accountBalanceFen: 0 })).body,
    ).toMatchObject({ status: 409, code: 'invalid-transition' });
    const events = await eventsOf('440000', created.body.subjectRef as string, (types) => types.includes(`${SI}transfer-refused.v2`));
    expect(events.map((e) => e.type)).toEqual([`${SI}contact-letter-issued.v3`, `${SI}transfer-refused.v2`]);
    expect(events[1].data).toMatchObject({
      step: 'certificate',
      refusedBy: '360100',
      reason: 'no insured record for this person in 360100',
    });
    // again: this time 深圳's own review refuses the application, with its written reasons, to itself only
    const second = await post('', '440300', pensionRequest(citizenId));
    expect(second.body).toMatchObject({ state: 'applied', awaitingRegion: '440300' });
    const secondId = second.body.transferId as string;
    typeOfTransfer.set(secondId, 'pension');
    expect((await post(`/${secondId}/refusal`, '360100', { reason: 'not ours to review' })).status).toBe(403);
    const reviewed = await post(`/${secondId}/refusal`, '440300', { reason: '未在本地建立基本养老保险关系' });
    expect(reviewed.body).toMatchObject({ state: 'refused', refusal: { step: 'contact-letter', region: '440300' } });
    const rows = await suite.db.query<{ type: string; recipients: string[] }>(
      `SELECT event_type AS type, recipients FROM ${SOCIAL_INSURANCE_SCHEMA}.outbox WHERE payload->>'transferId' = $1`,
      [secondId],
    );
    expect(rows).toEqual([{ type: `${SI}transfer-refused.v2`, recipients: ['440300'] }]);
  });

  it('runs the statutory clock across the National Day golden week: reminder, then overdue event and operators queue item', async () => {
    today('2026-09-28');
    const created = await request('440100', { citizenId: newCitizenId(), insuranceType: 'medical', outboundRegion: '360100' });
    const id = created.body.transferId as string;
    // Medical, outbound 10 working days: 29, 30, (holiday 10-01..07), 08, 09, 10 (make-up Sat), 12, 13, 14, 15, 16.
    expect(created.body.deadline).toEqual({
      party: 'outbound',
      startedOn: '2026-09-28',
      workingDays: 10,
      dueOn: '2026-10-16',
      provisional: false,
    });

    const state = async (): Promise<Json> => (await get(`/${id}`, OPERATOR)).body;
    const clockSteps = async (): Promise<string[]> =>
      ((await state()).history as Json[]).map((h) => h.step as string).filter((s) => s !== 'request');
    expect((await clockJob.runOnce('2026-10-09')).ran).toBe(true); // 6 working days left: nothing yet
    expect(await clockSteps()).toEqual([]);
    await clockJob.runOnce('2026-10-13'); // 14, 15, 16: 3 working days left
    await clockJob.runOnce('2026-10-14'); // reminded once only
    await clockJob.runOnce('2026-10-16'); // the due day itself is not overdue
    expect(await clockSteps()).toEqual(['reminder']);
    expect((await state()).overdueSince).toBeNull();
    await clockJob.runOnce('2026-10-17');
    await clockJob.runOnce('2026-10-19');
    expect(await clockSteps()).toEqual(['reminder', 'overdue']);
    expect((await state()).overdueSince).toBe('2026-10-17');

    const queue = await call(gateway, 'GET', `${BASE}?overdue=true&region=360100&awaiting=true&limit=200`, { token: OPERATOR });
    expect(queue.status).toBe(200);
    expect((queue.body.items as Json[]).map((t) => t.transferId)).toContain(id);
    const mine = await call(gateway, 'GET', `${BASE}?overdue=true&awaiting=true&limit=200`, { token: med('360100') });
    expect((mine.body.items as Json[]).map((t) => t.transferId)).toContain(id);
    const notOverdue = await call(gateway, 'GET', `${BASE}?overdue=false&limit=200`, { token: med('360100') });
    expect((notOverdue.body.items as Json[]).map((t) => t.transferId)).not.toContain(id);

    const subjectRef = created.body.subjectRef as string;
    const jiangxi = await eventsOf('360000', subjectRef, (types) => types.includes(`${SI}deadline-overdue.v3`));
    expect(jiangxi.map((e) => e.type)).toEqual([`${SI}contact-letter-issued.v3`, `${SI}deadline-reminder.v3`, `${SI}deadline-overdue.v3`]);
    expect(jiangxi[1].data).toMatchObject({
      step: 'certificate',
      awaitingRegion: '360100',
      dueOn: '2026-10-16',
      dueOnProvisional: false,
      workingDaysLeft: 3,
      today: '2026-10-13',
    });
    expect(jiangxi[2].data).toMatchObject({ dueOn: '2026-10-16', dueOnProvisional: false, overdueSince: '2026-10-17' });
    // The reminder goes to the awaited region only; the overdue event to both.
    const guangdong = await eventsOf('440000', subjectRef, (types) => types.includes(`${SI}deadline-overdue.v3`));
    expect(guangdong.map((e) => e.type)).toEqual([`${SI}contact-letter-issued.v3`, `${SI}deadline-overdue.v3`]);

    // Taking the step resolves the queue item.
    today('2026-10-19');
    const certified = await post(`/${id}/certificate`, '360100', {
      months: months('2025-01', '2025-06', 500_000),
      accountBalanceFen: 12_345,
      contributionYears: 3,
    });
    expect(certified.status).toBe(200);
    expect(certified.body.overdueSince).toBe('2026-10-17'); // the outbound clock still runs past due until remittance
    const remitted = await post(`/${id}/remittance`, '360100', { amountFen: 12_345, remittedOn: '2026-10-19', reference: 'NC-1' });
    expect(remitted.body).toMatchObject({ overdueSince: null, deadline: { party: 'inbound', workingDays: 5, dueOn: '2026-10-26' } });
    const open = await suite.db.query(
      `SELECT 1 FROM ${SOCIAL_INSURANCE_SCHEMA}.clock_notices WHERE transfer_id = $1 AND resolved_at IS NULL`,
      [id],
    );
    expect(open).toHaveLength(0);
  });

  it('runs the inbound review clock of a pension application: reminder and overdue to the inbound region only', async () => {
    today('2026-09-16');
    const applied = await apply('440300', pensionRequest(newCitizenId(), { appliedOn: '2026-09-14' }));
    const id = applied.body.transferId as string;
    expect(applied.body.deadline).toMatchObject({ party: 'inbound', dueOn: '2026-10-10' });
    const steps = async (): Promise<string[]> =>
      (((await get(`/${id}`, OPERATOR)).body.history as Json[]) ?? []).map((h) => h.step as string).filter((x) => x !== 'request');
    await clockJob.runOnce('2026-10-08'); // 10-09 and 10-10 (make-up Saturday) left
    await clockJob.runOnce('2026-10-11'); // the due day has passed
    expect(await steps()).toEqual(['reminder', 'overdue']);
    const mine = await call(gateway, 'GET', `${BASE}?overdue=true&awaiting=true&step=contact-letter&limit=200`, { token: hr('440300') });
    expect((mine.body.items as Json[]).map((t) => t.transferId)).toContain(id);
    const rows = await suite.db.query<{ type: string; recipients: string[]; step: string }>(
      `SELECT event_type AS type, recipients, payload->>'step' AS step FROM ${SOCIAL_INSURANCE_SCHEMA}.outbox WHERE payload->>'transferId' = $1 ORDER BY seq`,
      [id],
    );
    expect(rows).toEqual([
      { type: `${SI}deadline-reminder.v3`, recipients: ['440300'], step: 'contact-letter' },
      { type: `${SI}deadline-overdue.v3`, recipients: ['440300'], step: 'contact-letter' },
    ]);
    // the contact letter, late, resolves the queue item and starts the outbound clock
    today('2026-10-12');
    const letter = await post(`/${id}/contact-letter`, '440300', {});
    expect(letter.body).toMatchObject({ state: 'requested', overdueSince: null, deadline: { party: 'outbound', startedOn: '2026-10-12' } });
  });

  it('places the collection on the region hierarchy: a hukou recorded for 江西 (360000) moving into 南昌 (360100) is Art. 6(1)', async () => {
    today('2026-09-28');
    const created = await request('360100', {
      citizenId: newCitizenId(),
      insuranceType: 'pension',
      outboundRegion: '440100',
      hukouRegion: '360000', // registered by 江西's public security
      inboundMonths: ['2026-08', '2026-09'],
    });
    expect(created.body).toMatchObject({ state: 'requested', hukouRegion: '360000' });
    const id = created.body.transferId as string;
    const certified = await post(`/${id}/certificate`, '440100', {
      months: months('2016-01', '2026-07', 500_000),
      accountBalanceFen: 0,
      evidence: PENSION_CERTIFICATE_EVIDENCE,
    });
    expect(certified.status).toBe(200);
    // 127 months in 广州 (≥ 10 years) would be Art. 6(2) were 360100 not within the hukou region 360000
    expect(certified.body.collectionRegion).toMatchObject({
      region: '360100',
      rule: 'hukou',
      monthsByRegion: { '440100': 127, '360100': 2 },
    });
  });

  it('keeps duplicate months with the outbound region when the inbound review says so: every month moves, nothing refunded here', async () => {
    today('2026-09-28');
    const citizenId = newCitizenId();
    const applied = await apply('440100', pensionRequest(citizenId, { inboundMonths: ['2026-08', '2026-09'] }));
    const id = applied.body.transferId as string;
    const letter = await post(`/${id}/contact-letter`, '440100', { duplicateMonthsKept: 'outbound' });
    expect(letter.body).toMatchObject({ duplicateMonthsKept: 'outbound' });
    const certified = await post(`/${id}/certificate`, '360100', {
      months: months('2026-07', '2026-09', 700_000),
      accountBalanceFen: 300_000,
      evidence: PENSION_CERTIFICATE_EVIDENCE,
    });
    expect(certified.body.duplicates).toMatchObject({
      months: ['2026-08', '2026-09'],
      kept: 'outbound',
      refundBy: 'inbound',
      refundFen: null,
    });
    // 3 × 700,000 × 12 % = 252,000 fen pooled + the whole balance
    expect(certified.body.funds).toMatchObject({ transferFen: 552_000, refundedShareFen: 0, pooledFen: 252_000, excludedMonths: [] });
  });

  it('detects duplicate months, keeps them with the inbound region and never counts them twice (medical)', async () => {
    today('2026-09-28');
    const created = await request('440100', {
      citizenId: newCitizenId(),
      insuranceType: 'medical',
      outboundRegion: '360100',
      inboundMonths: ['2026-03', '2026-04', '2026-05'],
    });
    const certified = await post(`/${created.body.transferId as string}/certificate`, '360100', {
      months: months('2025-10', '2026-04', 600_000),
      accountBalanceFen: 876_543,
      contributionYears: 5.5,
    });
    expect(certified.status).toBe(200);
    expect(certified.body.duplicates).toMatchObject({
      months: ['2026-03', '2026-04'],
      kept: 'inbound',
      refundBy: 'outbound',
      refundFen: null,
    });
    // The account balance moves; 66 certified months less the 2 refunded ones are credited.
    expect(certified.body.funds).toMatchObject({
      transferFen: 876_543,
      pooledFen: 0,
      contributionYears: 5.5,
      creditedContributionMonths: 64,
    });
    expect((certified.body.funds as { excludedMonths: Json[] }).excludedMonths.map((m) => m.month)).toEqual(['2026-03', '2026-04']);
  });

  it('computes the pooled part exactly to the fen, rounding once per year, and refuses a wrong remittance amount', async () => {
    today('2026-09-28');
    const created = await request('440100', pensionRequest(newCitizenId()));
    const id = created.body.transferId as string;
    const certified = await post(`/${id}/certificate`, '360100', {
      months: [
        { month: '1997-12', baseFen: 400_000 }, // before 1998: no pooled part
        { month: '2021-01', baseFen: 333_333 },
        { month: '2021-02', baseFen: 333_334 },
        { month: '2021-03', baseFen: 333_335 }, // 1,000,002 × 12 % = 120,000.24 → 120,000
        ...months('2022-07', '2022-12', 456_789), // 2,740,734 × 12 % = 328,888.08 → 328,888
        { month: '2023-05', baseFen: 999_999 }, // 999,999 × 12 % = 119,999.88 → 120,000
      ],
      accountBalanceFen: 5_000_001,
      evidence: PENSION_CERTIFICATE_EVIDENCE,
    });
    expect(certified.status).toBe(200);
    expect(certified.body.funds).toMatchObject({
      pooledFen: 568_888,
      transferFen: 5_568_889,
      years: [
        { year: 2021, months: 3, baseTotalFen: 1_000_002, pooledFen: 120_000 },
        { year: 2022, months: 6, baseTotalFen: 2_740_734, pooledFen: 328_888 },
        { year: 2023, months: 1, baseTotalFen: 999_999, pooledFen: 120_000 },
      ],
      excludedMonths: [{ month: '1997-12', baseFen: 400_000, reason: 'before-pooled-start' }],
      pooledRatePermille: 120,
      pooledStartYear: 1998,
    });
    const wrong = await post(`/${id}/remittance`, '360100', { amountFen: 5_568_888, remittedOn: '2026-09-28', reference: 'NC-2' });
    expect(wrong.status).toBe(422);
    expect(wrong.body).toMatchObject({ code: 'rule-violated', field: '/body/amountFen' });
    expect((await post(`/${id}/remittance`, '360100', { amountFen: 5_568_889, remittedOn: '2026-09-28', reference: 'NC-2' })).status).toBe(
      200,
    );
    const late = await post(`/${id}/cancellation`, '440100', { reason: 'too late' });
    expect(late.body).toMatchObject({ status: 409, code: 'invalid-transition' });
  });

  it('answers bad input with a precise problem and changes nothing', async () => {
    today('2026-09-28');
    const citizenId = newCitizenId();
    const created = await request('440100', pensionRequest(citizenId));
    const id = created.body.transferId as string;
    const subjectRef = created.body.subjectRef as string;
    const good = { months: months('2025-01', '2025-03', 500_000), accountBalanceFen: 100, evidence: PENSION_CERTIFICATE_EVIDENCE };

    const fromInbound = await post(`/${id}/certificate`, '440100', good);
    expect(fromInbound.status).toBe(403);
    expect(fromInbound.headers.get('content-type')).toContain('application/problem+json');
    expect((await post(`/${id}/certificate`, '110100', good)).status).toBe(404); // not a party: the transfer is not disclosed

    const problems: Array<[Json, string, string]> = [
      [
        {
          ...good,
          months: [
            { month: '2025-02', baseFen: 500_000 },
            { month: '2025-01', baseFen: 500_000 },
          ],
        },
        '/body/months/1/month',
        'validation-failed',
      ],
      [{ ...good, months: [{ month: '2026-10', baseFen: 500_000 }] }, '/body/months/0/month', 'validation-failed'],
      [{ ...good, months: [{ month: '2025-01', baseFen: -1 }] }, '/body/months/0/baseFen', 'validation-failed'],
      [{ ...good, months: [{ month: '2025-01', baseFen: 100_000_001 }] }, '/body/months/0/baseFen', 'validation-failed'],
      [{ ...good, months: [{ month: '2025-01', baseFen: 5000.5 }] }, '/body/months/0/baseFen', 'validation-failed'],
      [{ ...good, accountBalanceFen: -5 }, '/body/accountBalanceFen', 'validation-failed'],
      [{ ...good, contributionYears: 3 }, '/body/contributionYears', 'validation-failed'],
    ];
    for (const [body, field, code] of problems) {
      const res = await post(`/${id}/certificate`, '360100', body);
      expect(res.status).toBe(422);
      expect(res.body.code).toBe(code);
      const fields = [res.body.field, ...((res.body.errors as Json[] | undefined) ?? []).map((e) => e.field)];
      expect(fields).toContain(field);
    }
    const early = await post(`/${id}/receipt`, '440100', { amountFen: 0, receivedOn: '2026-09-28' });
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 'invalid-transition', state: 'requested' });
    expect((await post(`/${id}/remittance`, '360100', { amountFen: 0, remittedOn: '2026-09-28', reference: 'X' })).status).toBe(409);
    expect((await post(`/${id}/cancellation`, '360100', { reason: 'not ours' })).status).toBe(403);

    const second = await request('440300', pensionRequest(citizenId));
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ code: 'conflict', rule: 'one-open-transfer-per-person-and-insurance' });
    // the hukou region is the ledger's: a person it does not know is refused; a claim must match it
    const unknown = await post('', '440100', pensionRequest(newCitizenId()));
    expect(unknown.body).toMatchObject({ status: 422, code: 'rule-violated', reason: 'hukou-region-unknown' });
    const person = newCitizenId();
    const first = await apply('440100', pensionRequest(person)); // registered with the hukou region 360100
    expect((await post(`/${first.body.transferId as string}/cancellation`, '440100', { reason: 'withdrawn' })).status).toBe(200);
    const elsewhere = await post('', '440100', pensionRequest(person, { hukouRegion: '440100' }));
    expect(elsewhere.body).toMatchObject({
      status: 422,
      code: 'rule-violated',
      field: '/body/hukouRegion',
      reason: 'hukou-region-mismatch',
    });
    expect((await post('', '440100', pensionRequest(person, { hukouRegion: '360000' }))).status).toBe(202); // 江西 contains 南昌
    expect((await request('440100', pensionRequest(newCitizenId(), { outboundRegion: '440100' }))).body).toMatchObject({
      status: 422,
      field: '/body/outboundRegion',
    });
    expect((await request('440100', pensionRequest(newCitizenId(), { inboundMonths: ['2026-09', '2026-08'] }))).body).toMatchObject({
      status: 422,
      field: '/body/inboundMonths/1',
    });
    expect((await request('440100', pensionRequest(newCitizenId(), { region: '440100' }))).status).toBe(422);

    const after = await get(`/${id}`, hr('440100'));
    expect(after.body).toMatchObject({ state: 'requested', certificate: null, funds: null, duplicates: null });
    expect((after.body.history as Json[]).map((h) => h.step)).toEqual(['request', 'contact-letter']);
    expect(await outboxCount(subjectRef)).toBe(1);

    const cancelled = await post(`/${id}/cancellation`, '440100', { reason: 'the person withdrew the application' });
    expect(cancelled.body).toMatchObject({ state: 'cancelled', cancellation: { reason: 'the person withdrew the application' } });
  });

  it('refuses a pension application and certificate without the evidence the catalogue requires (000-十二), storing nothing', async () => {
    today('2026-09-28');
    const citizenId = newCitizenId();
    const rowCounts = async (): Promise<unknown> =>
      suite.db.one(
        `SELECT (SELECT count(*) FROM ${SOCIAL_INSURANCE_SCHEMA}.transfers) AS transfers,
                (SELECT count(*) FROM ${SOCIAL_INSURANCE_SCHEMA}.transfer_steps) AS steps,
                (SELECT count(*) FROM ${SOCIAL_INSURANCE_SCHEMA}.outbox) AS events`,
      );
    const before = await rowCounts();
    const refused = (missing: string[]): Json => ({
      status: 422,
      code: 'rule-violated',
      rule: 'evidence-required',
      clause: '000-十二',
      missing,
      errors: [{ field: '/body/evidence', message: `must reference a '${missing[0]}'` }],
    });
    // registered by the hukou region (applyForPension), then an application without the written application's reference
    const bare = await apply('440100', pensionRequest(citizenId, { evidence: undefined }));
    expect(bare.status).toBe(422);
    expect(bare.headers.get('content-type')).toContain('application/problem+json');
    expect(bare.body).toMatchObject(refused(['transfer-application']));
    expect(String(bare.body.detail)).toContain('seed 000 clause 十二');
    for (const evidence of [[], [{ kind: 'contribution-certificate', reference: 'RS-JFPZ-1' }]]) {
      expect((await post('', '440100', pensionRequest(citizenId, { evidence }))).body).toMatchObject(refused(['transfer-application']));
    }
    const malformed = await post(
      '',
      '440100',
      pensionRequest(citizenId, { evidence: [{ kind: 'transfer-application', reference: 'a b' }] }),
    );
    expect(malformed.status).toBe(422);
    expect(await rowCounts()).toEqual(before);

    // with the reference: accepted, the reference kept with the request
    const applied = await apply('440300', pensionRequest(newCitizenId()));
    expect(applied.status).toBe(202);
    const id = applied.body.transferId as string;
    expect((await post(`/${id}/contact-letter`, '440300', {})).status).toBe(200);
    const certificate = { months: months('2025-01', '2025-03', 500_000), accountBalanceFen: 100 };
    const noCertificate = await post(`/${id}/certificate`, '360100', certificate);
    expect(noCertificate.status).toBe(422);
    expect(noCertificate.body).toMatchObject(refused(['contribution-certificate']));
    const wrongKind = await post(`/${id}/certificate`, '360100', { ...certificate, evidence: PENSION_APPLICATION_EVIDENCE });
    expect(wrongKind.body).toMatchObject(refused(['contribution-certificate']));
    const unchanged = await get(`/${id}`, hr('440300'));
    expect(unchanged.body).toMatchObject({ state: 'requested', certificate: null, funds: null });
    expect((unchanged.body.history as Json[]).map((h) => h.step)).toEqual(['request', 'contact-letter']);
    expect(await outboxCount(applied.body.subjectRef as string)).toBe(1); // the contact letter only

    const certified = await post(`/${id}/certificate`, '360100', { ...certificate, evidence: PENSION_CERTIFICATE_EVIDENCE });
    expect(certified.body).toMatchObject({ state: 'certified' });
    const read = await get(`/${id}`, hr('360100'));
    expect((read.body.history as Json[]).map((h) => [h.step, h.evidence])).toEqual([
      ['request', PENSION_APPLICATION_EVIDENCE],
      ['contact-letter', []],
      ['certificate', PENSION_CERTIFICATE_EVIDENCE],
    ]);
    // a medical transfer requires none (the catalogue lists none for it)
    const medical = await request('440300', { citizenId: newCitizenId(), insuranceType: 'medical', outboundRegion: '360100' });
    expect(medical.status).toBe(202);
  });

  it('admits exactly one of two concurrent requests for the same person and insurance', async () => {
    const citizenId = newCitizenId();
    const results = await Promise.all([
      apply('440100', pensionRequest(citizenId)),
      apply('440300', pensionRequest(citizenId)),
      apply('310100', pensionRequest(citizenId)),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([202, 409, 409]);
    // A medical transfer of the same person is a different relation.
    expect((await request('440100', { citizenId, insuranceType: 'medical', outboundRegion: '360100' })).status).toBe(202);
  });

  it('pages the queue view and shows a region only the transfers it is party to', async () => {
    today('2026-10-20');
    const ids: string[] = [];
    for (let i = 0; i < 3; i++)
      ids.push(
        (await request('120100', { citizenId: newCitizenId(), insuranceType: 'medical', outboundRegion: '510100' })).body
          .transferId as string,
      );
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: CallResult = await call(gateway, 'GET', `${BASE}?role=inbound&limit=2${after ? `&after=${after}` : ''}`, {
        token: med('120100'),
      });
      expect(page.status).toBe(200);
      expect((page.body.items as Json[]).length).toBeLessThanOrEqual(2);
      seen.push(...(page.body.items as Json[]).map((t) => t.transferId as string));
      after = page.body.next as string | null;
    } while (after);
    expect(seen).toEqual(ids);
    const outbound = await call(gateway, 'GET', `${BASE}?role=outbound&step=certificate&awaiting=true`, { token: med('510100') });
    expect((outbound.body.items as Json[]).map((t) => t.transferId)).toEqual(ids);
    expect(
      ((await call(gateway, 'GET', BASE, { token: med('320500') })).body.items as Json[]).filter((t) =>
        ids.includes(t.transferId as string),
      ),
    ).toHaveLength(0);
    expect((await call(gateway, 'GET', `${BASE}?region=510100`, { token: med('320500') })).status).toBe(403);
    // 人社 lists pension transfers only; asking for medical ones is refused
    expect((await call(gateway, 'GET', `${BASE}?insuranceType=medical`, { token: hr('510100') })).status).toBe(403);
    const ops = await call(gateway, 'GET', `${BASE}?region=120100&state=requested&insuranceType=medical`, { token: OPERATOR });
    expect((ops.body.items as Json[]).map((t) => t.transferId)).toEqual(ids);
    expect((await call(gateway, 'GET', `${BASE}?state=bogus`, { token: OPERATOR })).status).toBe(422);
    expect((await post('', 'operator', pensionRequest(newCitizenId()))).status).toBe(403); // operators read, regions act
  });

  describe('clocks past the holiday data (issue 15, item 7)', () => {
    const subjectRef = (): string => `s1_${randomBytes(24).toString('base64url')}`;
    /**
     * An open transfer written straight to the table, so a test can have many, or one past any dataset: awaiting the
     * certificate, or (`applied`) a pension application awaiting the inbound review.
     */
    const insertOpen = async (clock: StepClock, extra: { overdueSince?: string; applied?: boolean } = {}): Promise<string> => {
      const id = randomUUID();
      await suite.db.query(
        `INSERT INTO ${SOCIAL_INSURANCE_SCHEMA}.transfers (transfer_id, subject_ref, insurance_type, inbound_region, outbound_region, state,
           clock_party, clock_started_on, clock_working_days, due_on, due_on_provisional, overdue_since, created_by, updated_by,
           applied_on, contact_letter_on)
         VALUES ($1, $2, 'pension', '440100', '360100', $9, $3, $4, $5, $6, $7, $8, 'test', 'test', $4::date, CASE WHEN $9 = 'applied' THEN NULL ELSE $4::date END)`,
        [
          id,
          subjectRef(),
          clock.party,
          clock.startedOn,
          clock.workingDays,
          clock.dueOn,
          clock.provisional,
          extra.overdueSince ?? null,
          extra.applied ? 'applied' : 'requested',
        ],
      );
      return id;
    };
    const subjectOf = async (id: string): Promise<string> =>
      (await suite.db.one<{ s: string }>(`SELECT subject_ref AS s FROM ${SOCIAL_INSURANCE_SCHEMA}.transfers WHERE transfer_id = $1`, [id]))
        ?.s as string;
    /** The transfer's events as written to the outbox (type, recipients, data), in order. */
    const written = (id: string): Promise<Array<{ type: string; recipients: string[]; data: Json }>> =>
      suite.db.query(
        `SELECT event_type AS type, recipients, payload AS data FROM ${SOCIAL_INSURANCE_SCHEMA}.outbox WHERE payload->>'transferId' = $1 ORDER BY seq`,
        [id],
      );
    const row = (id: string): Promise<{ due_on: string; due_on_provisional: boolean; overdue_since: string | null } | undefined> =>
      suite.db.one(
        `SELECT to_char(due_on, 'YYYY-MM-DD') AS due_on, due_on_provisional, to_char(overdue_since, 'YYYY-MM-DD') AS overdue_since
           FROM ${SOCIAL_INSURANCE_SCHEMA}.transfers WHERE transfer_id = $1`,
        [id],
      );
    const notices = async (ids: string[], kind: string): Promise<number> =>
      Number(
        (
          await suite.db.one<{ n: string }>(
            `SELECT count(*) AS n FROM ${SOCIAL_INSURANCE_SCHEMA}.clock_notices WHERE transfer_id = ANY($1::uuid[]) AND kind = $2`,
            [ids, kind],
          )
        )?.n,
      );

    it('a transfer requested near the end of the holiday data gets a due date, provisional in the contract, and is reminded', async () => {
      today('2026-12-20');
      const created = await request('440100', { citizenId: newCitizenId(), insuranceType: 'medical', outboundRegion: '360100' });
      expect(created.status).toBe(202);
      const expected = calendar.deadline('2026-12-20', 10);
      // With the 1.5.7 dataset (to 2026-12-28): Dec 21–25, 28, 29–31, (元旦), Mon 2027-01-04 — provisional.
      if (calendar.coverage().lastYear === 2026) expect(expected).toEqual({ date: '2027-01-04', provisional: true });
      expect(created.body.deadline).toEqual({
        party: 'outbound',
        startedOn: '2026-12-20',
        workingDays: 10,
        dueOn: expected.date,
        provisional: expected.provisional,
      });
      const id = created.body.transferId as string;
      expect((await get(`/${id}`, OPERATOR)).body.deadline).toMatchObject({ dueOn: expected.date, provisional: expected.provisional });
      await clockJob.runOnce(calendar.addWorkingDays('2026-12-20', 7)); // 3 working days left
      expect(await notices([id], 'reminder')).toBe(1);
      // The agencies are told the date is provisional: in the contact letter's deadline and in the reminder.
      const events = await eventsOf('360000', created.body.subjectRef as string, (types) => types.includes(`${SI}deadline-reminder.v3`));
      expect(events.map((e) => [e.type, e.data])).toEqual([
        [`${SI}contact-letter-issued.v3`, expect.objectContaining({ deadline: expect.objectContaining(created.body.deadline as Json) })],
        [`${SI}deadline-reminder.v3`, expect.objectContaining({ dueOn: expected.date, dueOnProvisional: expected.provisional })],
      ]);
      for (const e of events) expect(() => validator.validate(e.type, e.data)).not.toThrow();
    });

    it('walks every transfer due, a bounded page at a time: twelve transfers with pages of five are all reminded, then all overdue', async () => {
      const clock: StepClock = { party: 'outbound', startedOn: '2026-10-21', workingDays: 10, dueOn: '2026-11-04', provisional: false };
      const ids: string[] = [];
      for (let i = 0; i < 12; i++) ids.push(await insertOpen(clock));
      const reminded = await clockJob.runOnce('2026-11-02', 5);
      expect(reminded.ran).toBe(true);
      expect(reminded.reminders).toBeGreaterThanOrEqual(12);
      expect(await notices(ids, 'reminder')).toBe(12);
      // Reminded transfers stay candidates until overdue; they never crowd the others out of a run.
      const late = await clockJob.runOnce('2026-11-05', 5);
      expect(late.overdue).toBeGreaterThanOrEqual(12);
      expect(await notices(ids, 'overdue')).toBe(12);
      for (const id of ids) expect((await row(id))?.overdue_since).toBe('2026-11-05');
    });

    it('recomputes provisional due dates once a newer holiday dataset covers them (National Day 2027)', async () => {
      // Pension, 15 working days from Tue 2027-09-28, counted on the statutory holidays (Oct 1–5 off): Fri Oct 22.
      const cut = new TransferDeadlines(calendarThrough(2026));
      const provisional = cut.start('pension', 'outbound', '2027-09-28');
      expect(provisional).toMatchObject({ dueOn: '2027-10-22', provisional: true });
      const open = await insertOpen(provisional);
      // Flagged overdue on the provisional date; the official schedule pushes the date back past "today".
      const flagged = await insertOpen(provisional, { overdueSince: '2027-10-23' });
      // A pension application awaiting the inbound review, due on the same provisional day: the outbound region has
      // not heard of it, and must not hear of its new date either.
      const application = await insertOpen({ ...provisional, party: 'inbound' }, { applied: true });
      await suite.db.query(
        `INSERT INTO ${SOCIAL_INSURANCE_SCHEMA}.clock_notices (transfer_id, clock_party, clock_started_on, kind, step, awaiting_region, due_on, raised_on)
         VALUES ($1, 'outbound', '2027-09-28', 'overdue', 'certificate', '360100', '2027-10-22', '2027-10-23')`,
        [flagged],
      );

      // The same dataset: nothing moves.
      jest.spyOn(deadlines, 'count').mockImplementation((c) => cut.count(c));
      await clockJob.recomputeProvisional('2027-10-23', 1);
      expect(await row(open)).toEqual({ due_on: '2027-10-22', due_on_provisional: true, overdue_since: null });

      // A newer dataset arrives (a simulated 2027 schedule: Oct 1–7 off, Sat Oct 9 worked): Mon Oct 25, official.
      const newer = new TransferDeadlines(new WorkingDayCalendar(datasetWithSimulated2027()));
      jest.spyOn(deadlines, 'count').mockImplementation((c) => newer.count(c));
      const run = await clockJob.recomputeProvisional('2027-10-23', 1); // pages of one
      expect(run.ran).toBe(true);
      expect(run.recomputed).toBeGreaterThanOrEqual(2);
      expect(await row(open)).toEqual({ due_on: '2027-10-25', due_on_provisional: false, overdue_since: null });
      expect(await row(flagged)).toEqual({ due_on: '2027-10-25', due_on_provisional: false, overdue_since: null });

      // The regions are told, in the recompute's transaction: one deadline-changed per transfer, to those that heard of the step.
      const changed = (id: string, awaitingRegion: string, overdueWithdrawn: boolean): Json => ({
        transferId: id,
        step: awaitingRegion === '440100' ? 'contact-letter' : 'certificate',
        awaitingRegion,
        startedOn: '2027-09-28',
        workingDays: 15,
        previousDueOn: '2027-10-22',
        dueOn: '2027-10-25',
        provisional: false,
        overdueWithdrawn,
        recomputedOn: '2027-10-23',
      });
      expect(await written(open)).toEqual([
        {
          type: `${SI}deadline-changed.v1`,
          recipients: ['440100', '360100'],
          data: expect.objectContaining(changed(open, '360100', false)),
        },
      ]);
      expect(await written(flagged)).toEqual([
        {
          type: `${SI}deadline-changed.v1`,
          recipients: ['440100', '360100'],
          data: expect.objectContaining(changed(flagged, '360100', true)),
        },
      ]);
      expect(await written(application)).toEqual([
        { type: `${SI}deadline-changed.v1`, recipients: ['440100'], data: expect.objectContaining(changed(application, '440100', false)) },
      ]);
      // …and relayed to the provinces' delivery topics, valid against the contract.
      for (const [id, provinces] of [
        [open, ['360000', '440000']],
        [flagged, ['360000', '440000']],
        [application, ['440000']],
      ] as const) {
        const ref = await subjectOf(id);
        for (const province of provinces) {
          const [event] = await eventsOf(province, ref, (types) => types.includes(`${SI}deadline-changed.v1`));
          expect(event).toMatchObject({ type: `${SI}deadline-changed.v1`, source: 'tongban/social-insurance-clock', subject: ref });
          expect(event.recipients).toEqual(id === application ? ['440100'] : ['440100', '360100']);
          expect(() => validator.validate(event.type, event.data)).not.toThrow();
        }
      }
      const history = (await get(`/${open}`, OPERATOR)).body.history as Json[];
      expect(history.at(-1)).toMatchObject({
        step: 'deadline',
        actor: 'clock:social-insurance',
        detail: { deadline: { dueOn: '2027-10-25', provisional: false }, previousDueOn: '2027-10-22' },
      });
      const openOverdue = await suite.db.query(
        `SELECT 1 FROM ${SOCIAL_INSURANCE_SCHEMA}.clock_notices WHERE transfer_id = $1 AND kind = 'overdue' AND resolved_at IS NULL`,
        [flagged],
      );
      expect(openOverdue).toHaveLength(0);
      // Official now: not looked at again; and past the new date the overdue item is raised for it.
      expect((await clockJob.recomputeProvisional('2027-10-23')).recomputed).toBe(0);
      jest.restoreAllMocks();
      await clockJob.runOnce('2027-10-26');
      expect((await row(flagged))?.overdue_since).toBe('2027-10-26');
      expect(await notices([flagged], 'overdue')).toBe(2);
      expect((await written(flagged)).map((e) => [e.type, e.data.dueOn, e.data.dueOnProvisional])).toEqual([
        [`${SI}deadline-changed.v1`, '2027-10-25', undefined],
        [`${SI}deadline-overdue.v3`, '2027-10-25', false],
      ]);
    });
  });
});
