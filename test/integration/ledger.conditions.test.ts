import { addDays, addMonths, chinaDay } from '@tongban/calendar';
import { anniversary, LedgerJobs } from '@tongban/ledger';
import { Suite } from '../harness/suite';
import { call, CallResult, token } from '../harness/http';
import { eventually } from '../harness/eventually';
import { guangzhouPermit, newCitizenId } from '../harness/fixtures';
import { GATEWAY_APP } from '../../apps/gateway/src/gateway.app';
import { LEDGER_APP } from '../../apps/ledger/src/ledger.app';
import { LedgerScheduler } from '../../apps/ledger/src/ledger.scheduler';

type Json = Record<string, unknown>;
type Pending = Array<{ handoffId: string; serviceCode: string; toRegion: string; reason: string }>;
type Explained = Array<{ serviceCode: string; rule: string; region: string; holder: string; reviewOn: string | null; conditions: Json[] }>;

const NANCHANG = '360100';
const GUANGZHOU = '440100';
const SHENZHEN = '440300';
const TODAY = chinaDay(new Date());

/**
 * Rights a city grants after N years of residence or insurance, or by points (seed 003 十; 居住证暂行条例
 * Art. 12–13; seed 000 八): the ledger proposes them only once the condition holds — a years threshold
 * on the day it is crossed, by the daily job; a points condition only with the city's decision.
 */
describe('years- and points-conditioned services (real apps, Kafka and PostgreSQL)', () => {
  let suite: Suite;
  let gateway: string;
  let jobs: LedgerJobs;

  const view = async (subjectRef: string, region = NANCHANG): Promise<Json> =>
    (await call<Json>(gateway, 'GET', `/v1/subjects/${subjectRef}/responsibilities`, { token: token(region, 'civil-affairs') })).body;
  const explained = async (subjectRef: string, serviceCode: string): Promise<Explained[number]> =>
    ((await view(subjectRef)).services as Explained).find((s) => s.serviceCode === serviceCode) as Explained[number];
  const pending = async (subjectRef: string): Promise<Pending> => (await view(subjectRef)).pendingHandoffs as Pending;

  /** A permit of `city` reaches the ledger (gateway → Kafka → ledger app): the unconditioned services are proposed. */
  async function permitted(city: string, overrides: Json = {}): Promise<string> {
    const permit = await call<Json>(gateway, 'POST', '/v1/residence-permits', {
      token: token(city, 'public-security'),
      body: guangzhouPermit(newCitizenId(), { residenceCity: city, ...overrides }),
    });
    expect(permit.status).toBe(201);
    const subjectRef = String(permit.body.subjectRef);
    await eventually(
      () => pending(subjectRef),
      (p) => (p ?? []).some((h) => h.toRegion === city),
      `the permit of ${city} to reach the ledger`,
      30000,
    );
    return subjectRef;
  }

  beforeAll(async () => {
    suite = await Suite.create('conditions');
    gateway = (await suite.start(GATEWAY_APP)).url;
    const ledger = await suite.start(LEDGER_APP);
    // the test runs the threshold job itself, on chosen days
    await ledger.app.get(LedgerScheduler).stop();
    jobs = ledger.app.get(LedgerJobs);
  });
  afterAll(() => suite.stop());

  it('proposes a residence-years service on the anniversary day itself, by the daily job, and explains it meanwhile', async () => {
    // 深圳: basic elderly care needs one year of residence; the year is complete tomorrow
    const since = addMonths(addDays(TODAY, 1), -12);
    const due = anniversary(since, 1);
    const subjectRef = await permitted(SHENZHEN, { residenceSince: since, issuedOn: TODAY, validUntil: addMonths(TODAY, 12) });
    expect((await pending(subjectRef)).map((h) => h.serviceCode)).not.toContain('elder.care-services');
    expect(await explained(subjectRef, 'elder.care-services')).toMatchObject({
      rule: 'residence-conditions-unmet',
      region: NANCHANG,
      holder: NANCHANG,
      reviewOn: due,
      conditions: [{ kind: 'residence-years', required: 'residence ≥ 1 year', met: false, metOn: due }],
    });
    expect((await view(subjectRef)).conditionsReviewOn).toBe(due);
    // a service without conditions is explained as such
    expect(await explained(subjectRef, 'med.public-health')).toMatchObject({
      rule: 'residence-conditions-met',
      region: SHENZHEN,
      conditions: [],
    });

    // the evening before: nothing is due
    const eve = await jobs.runConditionThresholds(new Date(`${addDays(due, -1)}T23:59:00+08:00`));
    expect(eve).toMatchObject({ ran: true });
    expect((await pending(subjectRef)).map((h) => h.serviceCode)).not.toContain('elder.care-services');
    // the anniversary, just after midnight in China: the threshold is crossed and the handoff proposed that day
    const run = await jobs.runConditionThresholds(new Date(`${due}T00:00:30+08:00`));
    expect(run.ran).toBe(true);
    expect(run.proposed).toBeGreaterThanOrEqual(1);
    const care = (await pending(subjectRef)).find((h) => h.serviceCode === 'elder.care-services');
    expect(care).toMatchObject({ toRegion: SHENZHEN });
    expect(care?.reason).toContain(`threshold was reached on ${due}`);
    expect(care?.reason).toContain('residence ≥ 1 year');
    // nothing else lies ahead for time alone to move (the other 深圳 conditions wait for insurance facts)
    expect((await view(subjectRef)).conditionsReviewOn).toBeNull();
    // the job does not look at the person again
    expect((await jobs.runConditionThresholds(new Date(`${due}T12:00:00+08:00`))).reviewed).toBe(0);
  });

  it("moves a points-allotted service only with the residence city's decision, which the proposal cites", async () => {
    // 广州: compulsory education by points (≥ 85, 积分制入学)
    const subjectRef = await permitted(GUANGZHOU);
    expect((await pending(subjectRef)).map((h) => h.serviceCode)).not.toContain('edu.compulsory');
    expect(await explained(subjectRef, 'edu.compulsory')).toMatchObject({
      rule: 'residence-conditions-unmet',
      reviewOn: null,
      conditions: [{ kind: 'points', required: '≥ 85 points (积分制入学)', met: false, metOn: null }],
    });
    const allot = (region: string, agency: 'education' | 'civil-affairs' | 'housing', body: Json): Promise<CallResult<Json>> =>
      call<Json>(gateway, 'POST', '/v1/points-allotments', {
        token: token(region, agency),
        body: { subjectRef, serviceCode: 'edu.compulsory', points: 92, decisionRef: '穗教积分〔2026〕0815', decidedOn: TODAY, ...body },
      });
    const low = await allot(GUANGZHOU, 'education', { points: 80 });
    expect([low.status, (low.body.errors as Json[])[0].field]).toEqual([422, '/body/points']);
    const none = await allot(GUANGZHOU, 'education', { serviceCode: 'edu.preschool' });
    expect([none.status, (none.body.errors as Json[])[0].field]).toEqual([422, '/body/serviceCode']);
    expect((await allot(GUANGZHOU, 'civil-affairs', {})).status).toBe(403); // a school place is the education bureau's
    expect((await allot(SHENZHEN, 'education', {})).status).toBe(404); // not related to the person
    expect((await allot(NANCHANG, 'education', {})).status).toBe(403); // the hukou region is not the residence city

    const decided = await allot(GUANGZHOU, 'education', {});
    expect(decided.status).toBe(201);
    expect(decided.body).toMatchObject({ region: GUANGZHOU, points: 92, decidedOn: TODAY, handoffId: expect.any(String) });
    const school = (await pending(subjectRef)).find((h) => h.serviceCode === 'edu.compulsory');
    expect(school).toMatchObject({ handoffId: decided.body.handoffId, toRegion: GUANGZHOU });
    expect(school?.reason).toContain('points decision 穗教积分〔2026〕0815 of 440100 积分制入学: 92 points ≥ 85');
    expect(await explained(subjectRef, 'edu.compulsory')).toMatchObject({
      rule: 'residence-conditions-met',
      region: GUANGZHOU,
      holder: NANCHANG, // until 广州 accepts
      conditions: [{ kind: 'points', met: true, metOn: TODAY }],
    });
    const again = await allot(GUANGZHOU, 'education', {});
    expect([again.status, again.body.reason]).toEqual([409, 'already-allotted']);

    // points do not stand in for years: 广州's public rental housing also needs 5 years of insurance there
    const housing = await allot(GUANGZHOU, 'housing', { serviceCode: 'housing.public-rental', points: 70 });
    expect([housing.status, housing.body.handoffId]).toEqual([201, null]);
    expect(await explained(subjectRef, 'housing.public-rental')).toMatchObject({
      rule: 'residence-conditions-unmet',
      conditions: [
        { kind: 'social-insurance-years', met: false },
        { kind: 'points', met: true },
      ],
    });
  });
});
