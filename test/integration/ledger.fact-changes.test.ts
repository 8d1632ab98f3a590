import { addDays, ChinaClock, chinaDay, WorkingDayCalendar } from '@tongban/calendar';
import { LedgerJobs } from '@tongban/ledger';
import { RunningApp } from '@tongban/http';
import { EventValidator, fromKafkaMessage } from '@tongban/messaging';
import { Collected, Suite } from '../harness/suite';
import { agencyOf, call, CallResult, OPERATOR, token } from '../harness/http';
import { newCitizenId } from '../harness/fixtures';
import { registerPerson } from '../harness/ledger-steps';
import { datasetWithSimulated2027 } from '../harness/holiday-datasets';
import { GATEWAY_APP } from '../../apps/gateway/src/gateway.app';

type Json = Record<string, unknown>;
type Pending = Array<{ handoffId: string; serviceCode: string; fromRegion: string; toRegion: string }>;

const NANCHANG = '360100';
const GUANGZHOU = '440100';
const SUZHOU = '320500';
const CHENGDU = '510100';
const L = 'cn.gov.tongban.ledger.';
/** The contracts' own validator (contracts/events/<type>.json), as the outbox writer and the consumers use it. */
const validator = new EventValidator();
/** A recent move: a hukou move is stated within a year of it. */
const MOVED_ON = addDays(chinaDay(new Date()), -27);

/**
 * Facts that move responsibility have authors: a hukou move is stated by the new hukou region's public
 * security, an insured region by the new region's agency of that branch; both are provisional until the
 * releasing region consents or its objection window lapses, and a dispute is decided by operators.
 */
describe('fact changes: provisional statements, consent, objection window, disputes (real PostgreSQL and Kafka)', () => {
  let suite: Suite;
  let running: RunningApp;
  let gateway: string;

  beforeAll(async () => {
    suite = await Suite.create('facts');
    running = await suite.start(GATEWAY_APP);
    gateway = running.url;
  });
  afterAll(() => suite.stop());

  const post = (path: string, region: string, agency: Parameters<typeof token>[1], body?: unknown): Promise<CallResult<Json>> =>
    call<Json>(gateway, 'POST', path, { token: token(region, agency), body });
  const moveHukou = (to: string, citizenId: string): Promise<CallResult<Json>> =>
    post('/v1/hukou-moves', to, 'public-security', { citizenId, hukouRegion: to, movedOn: MOVED_ON });
  const view = async (subjectRef: string, region = NANCHANG): Promise<Json> =>
    (await call<Json>(gateway, 'GET', `/v1/subjects/${subjectRef}/responsibilities`, { token: token(region, 'civil-affairs') })).body;
  const holderOf = async (subjectRef: string, service: string): Promise<string | undefined> =>
    ((await view(subjectRef)).holders as Array<{ serviceCode: string; region: string }>).find((h) => h.serviceCode === service)?.region;
  const claim = (region: string, subjectRef: string, serviceCode: string, periodKey: string): Promise<CallResult<Json>> =>
    post('/v1/provision-claims', region, agencyOf(serviceCode), { subjectRef, serviceCode, periodKey });
  /** The ledger events written about a handoff or a fact change (type, recipients, data), in order. */
  const written = (key: 'handoffId' | 'changeId', id: string): Promise<Array<{ type: string; recipients: string[]; data: Json }>> =>
    suite.db.query(`SELECT event_type AS type, recipients, payload AS data FROM ledger.outbox WHERE payload->>'${key}' = $1 ORDER BY seq`, [
      id,
    ]);
  /** One person's events of a type on a delivery topic, as an agency reads them, once one with this data has come. */
  const delivered = async (
    province: string,
    subjectRef: string,
    type: string,
    data: Json = {},
  ): Promise<ReturnType<typeof fromKafkaMessage>[]> => {
    const mine = (got: Collected[]): ReturnType<typeof fromKafkaMessage>[] =>
      got
        .filter((g) => g.message.key?.toString() === subjectRef)
        .map((g) => fromKafkaMessage(g.message.headers, g.message.value))
        .filter((e) => e.type === type);
    const has = (e: ReturnType<typeof fromKafkaMessage>): boolean => Object.entries(data).every(([k, v]) => (e.data as Json)[k] === v);
    return mine(await suite.collect(`tongban.deliver.${province}.v1`, (got) => mine(got).some(has)));
  };

  it('a region stating a hukou move cannot take the person over: nothing moves, it learns nothing, and only the old hukou region answers', async () => {
    const { citizenId, subjectRef } = await registerPerson(gateway, NANCHANG);
    const stated = await moveHukou(CHENGDU, citizenId);
    expect(stated.status).toBe(202);
    // provisional; the stating region is not told who releases, and holds no handoff to accept
    expect(stated.body).toMatchObject({ kind: 'hukou-move', status: 'provisional', toRegion: CHENGDU, fromRegion: null, subjectRef });
    const changeId = String(stated.body.changeId);
    expect((await view(subjectRef)).pendingHandoffs).toEqual([]);
    expect((await view(subjectRef)).pendingFactChanges).toEqual([
      expect.objectContaining({ changeId, fromRegion: NANCHANG, status: 'provisional' }),
    ]);
    expect(
      (await call(gateway, 'GET', `/v1/subjects/${subjectRef}/responsibilities`, { token: token(CHENGDU, 'public-security') })).status,
    ).toBe(404);
    expect((await claim(CHENGDU, subjectRef, 'veterans.preferential-care', '2026-11')).status).toBe(404);
    expect((await claim(NANCHANG, subjectRef, 'veterans.preferential-care', '2026-11')).status).toBe(201);
    // the stater cannot consent to its own statement, nor can another agency of the old hukou region
    expect((await post(`/v1/fact-changes/${changeId}/consent`, CHENGDU, 'public-security')).status).toBe(403);
    const wrongAgency = await post(`/v1/fact-changes/${changeId}/consent`, NANCHANG, 'human-resources');
    expect([wrongAgency.status, wrongAgency.body.requiredAgency]).toEqual([403, 'public-security']);
    expect((await post(`/v1/fact-changes/${changeId}/consent`, GUANGZHOU, 'public-security')).status).toBe(404);
    // the statement is told to the old hukou region only
    const stateEvents = (got: Collected[]): Collected[] =>
      got.filter(
        (g) =>
          g.message.key?.toString() === subjectRef &&
          fromKafkaMessage(g.message.headers, g.message.value).type === 'cn.gov.tongban.ledger.fact-change-stated.v2',
      );
    const [notice] = stateEvents(await suite.collect('tongban.deliver.360000.v1', (got) => stateEvents(got).length > 0));
    expect(fromKafkaMessage(notice.message.headers, notice.message.value).recipients).toEqual([NANCHANG]);
    // a second statement by another region waits for the first to end
    const second = await moveHukou(GUANGZHOU, citizenId);
    expect([second.status, second.body.reason]).toEqual([409, 'fact-change-open']);
    expect(JSON.stringify(second.body)).not.toContain(CHENGDU);

    // the old hukou region objects: a dispute; operators reject it; nothing moved, ever
    const objected = await post(`/v1/fact-changes/${changeId}/objection`, NANCHANG, 'public-security', {
      reason: 'no move-out (迁出) was registered here',
    });
    expect(objected.body).toMatchObject({ status: 'disputed', objectionReason: 'no move-out (迁出) was registered here' });
    expect((await post(`/v1/fact-changes/${changeId}/consent`, NANCHANG, 'public-security')).status).toBe(409);
    expect(
      (await post(`/v1/fact-changes/${changeId}/decision`, NANCHANG, 'public-security', { outcome: 'definitive', note: 'x' })).status,
    ).toBe(403);
    const rejected = await call<Json>(gateway, 'POST', `/v1/fact-changes/${changeId}/decision`, {
      token: OPERATOR,
      body: { outcome: 'rejected', note: 'the move-out was never registered' },
    });
    expect(rejected.body).toMatchObject({ status: 'rejected', decision: 'operator', note: 'the move-out was never registered' });
    expect(
      (await call<Json>(gateway, 'GET', `/v1/fact-changes/${changeId}`, { token: token(CHENGDU, 'public-security') })).body,
    ).toMatchObject({ status: 'rejected', fromRegion: null });
    expect((await view(subjectRef)).hukouRegion).toBe(NANCHANG);
    expect(await holderOf(subjectRef, 'veterans.preferential-care')).toBe(NANCHANG);
  });

  it('a real move: the old hukou region consents, the change is definitive, and only then are handoffs proposed to the new one', async () => {
    const { citizenId, subjectRef } = await registerPerson(gateway, NANCHANG);
    const stated = await moveHukou(GUANGZHOU, citizenId);
    const consent = await post(`/v1/fact-changes/${String(stated.body.changeId)}/consent`, NANCHANG, 'public-security');
    expect(consent.body).toMatchObject({ status: 'definitive', decision: 'consent', fromRegion: NANCHANG, toRegion: GUANGZHOU });
    const after = await view(subjectRef, GUANGZHOU);
    expect(after).toMatchObject({ hukouRegion: GUANGZHOU, pendingFactChanges: [] });
    const veterans = (after.pendingHandoffs as Pending).find((h) => h.serviceCode === 'veterans.preferential-care');
    expect(veterans).toMatchObject({ fromRegion: NANCHANG, toRegion: GUANGZHOU });
    // the gaining region's agency for the service accepts; the old holder keeps it until then
    expect(await holderOf(subjectRef, 'veterans.preferential-care')).toBe(NANCHANG);
    const today = chinaDay(new Date());
    expect(
      (await post(`/v1/handoffs/${String(veterans?.handoffId)}/accept`, GUANGZHOU, 'veterans-affairs', { effectiveFrom: today })).status,
    ).toBe(200);
    expect(await holderOf(subjectRef, 'veterans.preferential-care')).toBe(GUANGZHOU);
    // the stating region, now the hukou region, sees who released
    expect(
      (await call<Json>(gateway, 'GET', `/v1/fact-changes/${String(stated.body.changeId)}`, { token: token(GUANGZHOU, 'public-security') }))
        .body.fromRegion,
    ).toBe(NANCHANG);
  });

  it('silence is consent: after the objection window (working days) the change is definitive, and a late objection is refused', async () => {
    const { citizenId, subjectRef } = await registerPerson(gateway, NANCHANG);
    const stated = await moveHukou(SUZHOU, citizenId);
    const deadline = String(stated.body.objectionDeadline);
    const jobs = running.app.get(LedgerJobs);
    // on the last day to object nothing happens yet
    expect((await jobs.runFactChangeWindows(new Date(`${deadline}T12:00:00+08:00`))).applied).toBe(0);
    expect((await view(subjectRef)).hukouRegion).toBe(NANCHANG);
    const late = await jobs.runFactChangeWindows(new Date(new Date(`${deadline}T12:00:00+08:00`).getTime() + 86400000));
    expect(late.applied).toBeGreaterThanOrEqual(1);
    expect((await view(subjectRef, SUZHOU)).hukouRegion).toBe(SUZHOU);
    const change = await call<Json>(gateway, 'GET', `/v1/fact-changes/${String(stated.body.changeId)}`, { token: OPERATOR });
    expect(change.body).toMatchObject({ status: 'definitive', decision: 'objection-window' });
    expect(
      (await post(`/v1/fact-changes/${String(stated.body.changeId)}/objection`, NANCHANG, 'public-security', { reason: 'too late' }))
        .status,
    ).toBe(409);
    expect(((await view(subjectRef, SUZHOU)).pendingHandoffs as Pending).some((h) => h.toRegion === SUZHOU)).toBe(true);
  });

  it('an insured region is stated per branch by that branch agency; a disputed one is decided by operators; other branches stay (seed 000 四)', async () => {
    const { citizenId, subjectRef } = await registerPerson(gateway, NANCHANG);
    // 苏州's 医保 cannot state a pension relation, nor 苏州's 人社 a medical one
    const wrong = await post('/v1/insured-region-changes', SUZHOU, 'healthcare-security', {
      citizenId,
      branch: 'pension',
      insuredRegion: SUZHOU,
      since: '1990-01-01',
    });
    expect([wrong.status, wrong.body.requiredAgency]).toEqual([403, 'human-resources']);
    const stated = await post('/v1/insured-region-changes', SUZHOU, 'human-resources', {
      citizenId,
      branch: 'pension',
      insuredRegion: SUZHOU,
      since: '1990-01-01',
    });
    expect(stated.body).toMatchObject({ status: 'provisional', kind: 'insured-region', branch: 'pension', fromRegion: null });
    expect((await view(subjectRef)).pendingHandoffs).toEqual([]);
    const changeId = String(stated.body.changeId);
    expect(
      (await post(`/v1/fact-changes/${changeId}/objection`, NANCHANG, 'human-resources', { reason: 'still contributing here' })).body
        .status,
    ).toBe('disputed');
    // the dispute waits in the operators' queue, with how to decide it
    const queue = await call<{ items: Json[] }>(gateway, 'GET', '/v1/ops/queues/ledger-fact-disputes/items?limit=200', { token: OPERATOR });
    expect(queue.body.items.map((i) => i.id)).toContain(changeId);
    const item = await call<Json>(gateway, 'GET', `/v1/ops/items/fact-change/${changeId}`, { token: OPERATOR });
    expect(item.body).toMatchObject({
      status: 'disputed',
      actions: [],
      facts: { objectionReason: 'still contributing here', decideWith: `POST /v1/fact-changes/${changeId}/decision` },
    });
    const decided = await call<Json>(gateway, 'POST', `/v1/fact-changes/${changeId}/decision`, {
      token: OPERATOR,
      body: { outcome: 'definitive', note: 'contribution records show 苏州 since 1990' },
    });
    expect(decided.body).toMatchObject({ status: 'definitive', decision: 'operator' });
    const after = await view(subjectRef, SUZHOU);
    expect(after.insuredRegions).toEqual([{ branch: 'pension', region: SUZHOU, since: '1990-01-01' }]);
    // only the pension branch's service moves; medical, unemployment and work injury stay with the hukou region
    expect((after.pendingHandoffs as Pending).map((h) => [h.serviceCode, h.toRegion])).toEqual([['elder.employee-pension', SUZHOU]]);
    // a medical relation of the same person elsewhere is its own fact: a retiree's pension in one region, medical insurance in another
    const medical = await post('/v1/insured-region-changes', GUANGZHOU, 'healthcare-security', {
      citizenId,
      branch: 'medical',
      insuredRegion: GUANGZHOU,
      since: '2024-01-01',
    });
    expect((await post(`/v1/fact-changes/${String(medical.body.changeId)}/consent`, NANCHANG, 'healthcare-security')).body.status).toBe(
      'definitive',
    );
    const both = await view(subjectRef, GUANGZHOU);
    expect(both.insuredRegions).toEqual([
      { branch: 'medical', region: GUANGZHOU, since: '2024-01-01' },
      { branch: 'pension', region: SUZHOU, since: '1990-01-01' },
    ]);
    expect((both.pendingHandoffs as Pending).map((h) => [h.serviceCode, h.toRegion]).sort()).toEqual([
      ['elder.employee-pension', SUZHOU],
      ['med.employee-medical-insurance', GUANGZHOU],
    ]);
  });

  it('a first insured region that is the hukou region takes nothing from anyone and is recorded at once', async () => {
    const { citizenId, subjectRef } = await registerPerson(gateway, NANCHANG);
    const res = await post('/v1/insured-region-changes', NANCHANG, 'human-resources', {
      citizenId,
      branch: 'unemployment',
      insuredRegion: NANCHANG,
      since: '2020-03-01',
    });
    expect(res.body).toMatchObject({ status: 'definitive', decision: 'uncontested', fromRegion: NANCHANG, toRegion: NANCHANG });
    expect((await view(subjectRef)).insuredRegions).toEqual([{ branch: 'unemployment', region: NANCHANG, since: '2020-03-01' }]);
    expect(
      (
        await post('/v1/insured-region-changes', NANCHANG, 'human-resources', {
          citizenId,
          branch: 'unemployment',
          insuredRegion: NANCHANG,
          since: '2020-03-01',
        })
      ).status,
    ).toBe(409);
  });

  it('of concurrent statements of one fact by several regions exactly one stays open; a person the ledger does not know is registered instead', async () => {
    const { citizenId, subjectRef } = await registerPerson(gateway, NANCHANG);
    const results = await Promise.all([GUANGZHOU, SUZHOU, CHENGDU, '110100', '310100', '440300'].map((to) => moveHukou(to, citizenId)));
    expect(results.map((r) => r.status).sort()).toEqual([202, 409, 409, 409, 409, 409]);
    const open = await suite.db.one<{ n: string }>(
      `SELECT count(*) AS n FROM ledger.fact_changes WHERE subject_ref = $1 AND status = 'provisional'`,
      [subjectRef],
    );
    expect(Number(open?.n)).toBe(1);
    const unknown = await moveHukou(GUANGZHOU, newCitizenId());
    expect([unknown.status, unknown.body.code]).toEqual([404, 'not-found']);
  });

  it('registering an ID number registered elsewhere says neither who the person is nor where', async () => {
    const { citizenId, subjectRef } = await registerPerson(gateway, NANCHANG);
    const res = await post('/v1/subjects', CHENGDU, 'public-security', { citizenId, hukouRegion: CHENGDU });
    expect([res.status, res.body.code, res.body.reason]).toEqual([409, 'conflict', 'registered-elsewhere']);
    expect(JSON.stringify(res.body)).not.toContain(subjectRef);
    expect(JSON.stringify(res.body)).not.toContain(NANCHANG);
  });

  it('deadlines past the holiday data are provisional, and are counted again once a newer dataset covers them (issue 15, item 7)', async () => {
    const calendar = running.app.get(WorkingDayCalendar);
    const jobs = running.app.get(LedgerJobs);
    // A fact change still in its objection window, and a handoff proposal not yet answered…
    const pending = await registerPerson(gateway, NANCHANG);
    const change = String((await moveHukou(CHENGDU, pending.citizenId)).body.changeId);
    const moved = await registerPerson(gateway, NANCHANG);
    const stated = await moveHukou(GUANGZHOU, moved.citizenId);
    await post(`/v1/fact-changes/${String(stated.body.changeId)}/consent`, NANCHANG, 'public-security');
    const handoff = ((await view(moved.subjectRef, GUANGZHOU)).pendingHandoffs as Pending)[0].handoffId;
    // …both dated Fri 2026-12-18, as the code before this change stored them: the handoff due on New Year's Day
    // 2027 (Monday–Friday counting past the dataset), flagged by migration 0103.
    await suite.db.query(
      `UPDATE ledger.handoffs SET proposed_on = '2026-12-18', remind_on = '2026-12-29', deadline = '2027-01-01', deadline_provisional = true WHERE handoff_id = $1`,
      [handoff],
    );
    await suite.db.query(
      `UPDATE ledger.fact_changes SET stated_at = '2026-12-18T10:00:00+08:00', objection_deadline = '2027-01-11', objection_deadline_provisional = true
        WHERE change_id = $1`,
      [change],
    );
    const handoffView = async (): Promise<Json> =>
      (await call<Json>(gateway, 'GET', `/v1/handoffs/${handoff}`, { token: token(GUANGZHOU, 'veterans-affairs') })).body;
    const changeView = async (): Promise<Json> =>
      (await call<Json>(gateway, 'GET', `/v1/fact-changes/${change}`, { token: OPERATOR })).body;

    const handoffEvents = async (): Promise<unknown[]> =>
      (await written('handoffId', handoff)).filter((e) => e.type === `${L}handoff-deadline-changed.v1`);
    const changeEvents = async (): Promise<unknown[]> =>
      (await written('changeId', change)).filter((e) => e.type === `${L}fact-change-deadline-changed.v1`);

    // Counted again on the installed calendar: New Year's Day is skipped.
    const run = await jobs.runProvisionalDeadlines(new Date('2026-12-21T10:00:00+08:00'));
    expect(run.ran).toBe(true);
    const due = calendar.deadline('2026-12-18', 10);
    if (calendar.coverage().lastYear === 2026) expect(due).toEqual({ date: '2027-01-04', provisional: true });
    expect(await handoffView()).toMatchObject({ deadline: due.date, deadlineProvisional: due.provisional });
    const window = calendar.deadline('2026-12-18', 15); // Dec 21–25, 28–31, (元旦), Jan 4–8, Mon Jan 11
    expect(await changeView()).toMatchObject({ objectionDeadline: window.date, objectionDeadlineProvisional: window.provisional });
    // The moved deadline is announced to both regions of the handoff; the unchanged objection deadline is not.
    const handoffChanged = (previousDeadline: string, deadline: string, deadlineProvisional: boolean, recomputedOn: string): unknown => ({
      type: `${L}handoff-deadline-changed.v1`,
      recipients: [NANCHANG, GUANGZHOU],
      data: expect.objectContaining({
        handoffId: handoff,
        status: 'proposed',
        previousDeadline,
        deadline,
        deadlineProvisional,
        recomputedOn,
      }),
    });
    expect(await handoffEvents()).toEqual([handoffChanged('2027-01-01', due.date, due.provisional, '2026-12-21')]);
    expect(await changeEvents()).toEqual(window.date === '2027-01-11' && window.provisional ? [] : [expect.anything()]);
    const before = (await changeEvents()).length;

    // A newer dataset arrives (a simulated 2027 schedule): the same dates, now official.
    const newer = new WorkingDayCalendar(datasetWithSimulated2027());
    jest.spyOn(calendar, 'deadline').mockImplementation((start, n) => newer.deadline(start, n));
    jest.spyOn(calendar, 'addWorkingDays').mockImplementation((start, n) => newer.addWorkingDays(start, n));
    try {
      expect((await jobs.runProvisionalDeadlines(new Date('2026-12-22T10:00:00+08:00'))).recomputed).toBeGreaterThanOrEqual(2);
      expect(await handoffView()).toMatchObject({ remindOn: '2026-12-29', deadline: '2027-01-04', deadlineProvisional: false });
      expect(await changeView()).toMatchObject({ objectionDeadline: '2027-01-11', objectionDeadlineProvisional: false });
      // Official: not looked at again.
      const again = await jobs.runProvisionalDeadlines();
      expect(again.recomputed).toBe(0);
    } finally {
      jest.restoreAllMocks();
    }
    // Each date that became official is announced once: the handoff's to both regions, the objection deadline to the
    // releasing region only (the stating region is not told who releases before the change is definitive).
    expect((await handoffEvents()).slice(1)).toEqual([handoffChanged(due.date, '2027-01-04', false, '2026-12-22')]);
    expect((await changeEvents()).slice(before)).toEqual([
      {
        type: `${L}fact-change-deadline-changed.v1`,
        recipients: [NANCHANG],
        data: expect.objectContaining({
          changeId: change,
          toRegion: CHENGDU,
          status: 'provisional',
          previousObjectionDeadline: window.date,
          objectionDeadline: '2027-01-11',
          objectionDeadlineProvisional: false,
          recomputedOn: '2026-12-22',
        }),
      },
    ]);
    // As the agencies read them: on their provinces' delivery topics, valid against the contract.
    for (const province of ['360000', '440000']) {
      const events = await delivered(province, moved.subjectRef, `${L}handoff-deadline-changed.v1`, { deadlineProvisional: false });
      expect(events.map((e) => [e.recipients, e.data])).toContainEqual([
        [NANCHANG, GUANGZHOU],
        expect.objectContaining({ handoffId: handoff, deadline: '2027-01-04', deadlineProvisional: false }),
      ]);
      for (const e of events) expect(() => validator.validate(e.type, e.data)).not.toThrow();
    }
    const [notice] = (
      await delivered('360000', pending.subjectRef, `${L}fact-change-deadline-changed.v1`, { objectionDeadlineProvisional: false })
    ).filter((e) => (e.data as Json).objectionDeadlineProvisional === false);
    expect(notice).toMatchObject({ recipients: [NANCHANG], source: 'tongban/ledger-clock', data: { changeId: change } });
    expect(() => validator.validate(notice.type, notice.data)).not.toThrow();
  });

  it('a statement and a proposal dated near the end of the holiday data tell the regions their deadlines are provisional (issue 15, item 7)', async () => {
    const clock = running.app.get(ChinaClock);
    const calendar = running.app.get(WorkingDayCalendar);
    jest.spyOn(clock, 'now').mockReturnValue(new Date('2026-12-18T10:00:00+08:00'));
    try {
      const person = await registerPerson(gateway, NANCHANG);
      const stated = await post('/v1/hukou-moves', GUANGZHOU, 'public-security', {
        citizenId: person.citizenId,
        hukouRegion: GUANGZHOU,
        movedOn: '2026-12-01',
      });
      expect(stated.status).toBe(202);
      const changeId = String(stated.body.changeId);
      const window = calendar.deadline('2026-12-18', 15);
      if (calendar.coverage().lastYear === 2026) expect(window).toEqual({ date: '2027-01-11', provisional: true });
      expect(await written('changeId', changeId)).toEqual([
        {
          type: `${L}fact-change-stated.v2`,
          recipients: [NANCHANG],
          data: expect.objectContaining({ objectionDeadline: window.date, objectionDeadlineProvisional: window.provisional }),
        },
      ]);
      await post(`/v1/fact-changes/${changeId}/consent`, NANCHANG, 'public-security');
      const handoffId = ((await view(person.subjectRef, GUANGZHOU)).pendingHandoffs as Pending)[0].handoffId;
      const due = calendar.deadline('2026-12-18', 10);
      if (calendar.coverage().lastYear === 2026) expect(due).toEqual({ date: '2027-01-04', provisional: true });
      const proposed = (await delivered('440000', person.subjectRef, `${L}handoff-proposed.v2`, { handoffId })).find(
        (e) => (e.data as Json).handoffId === handoffId,
      );
      expect(proposed).toMatchObject({
        recipients: [NANCHANG, GUANGZHOU],
        data: { handoffId, deadline: due.date, deadlineProvisional: due.provisional },
      });
      expect(() => validator.validate(`${L}handoff-proposed.v2`, proposed?.data)).not.toThrow();
    } finally {
      jest.restoreAllMocks();
    }
  });
});
