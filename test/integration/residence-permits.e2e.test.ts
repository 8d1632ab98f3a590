import { CloudEvent, fromKafkaMessage } from '@tongban/messaging';
import { ChinaClock } from '@tongban/calendar';
import { PermitSuspensionJob } from '@tongban/residence';
import { Collected, Suite } from '../harness/suite';
import { call, token } from '../harness/http';
import { guangzhouPermit, newCitizenId } from '../harness/fixtures';
import { GATEWAY_APP } from '../../apps/gateway/src/gateway.app';
import { RESIDENCE_PERMIT_APP } from '../../apps/residence-permit/src/residence-permit.app';

interface Problem {
  status: number;
  code: string;
  detail: string;
  activeCity?: string;
  clause?: string;
  field?: string;
  errors?: Array<{ field: string; message: string }>;
}
type Body = Record<string, unknown>;

describe('residence permits: lifecycle, recognition, history and points (real PostgreSQL and Kafka)', () => {
  let suite: Suite;
  let gateway: string;
  let job: PermitSuspensionJob;
  let clock: ChinaClock;

  /** The gateway's residence rules run on `day` (China): the stories below span years, each step on its own day. */
  const on = (day: string): void => {
    jest.spyOn(clock, 'now').mockReturnValue(new Date(`${day}T10:00:00+08:00`));
  };

  const post = <T = Body>(path: string, region: string, body: unknown) =>
    call<T>(gateway, 'POST', path, { token: token(region, 'public-security'), body });
  const issue = async (region: string, body: Body): Promise<Body> => {
    const res = await post('/v1/residence-permits', region, body);
    expect([res.status, res.body]).toEqual([201, expect.objectContaining({ status: 'active' })]);
    return res.body;
  };
  const permitIn = (city: string, citizenId: string, residenceSince: string, validUntil = '2031-01-01'): Body =>
    guangzhouPermit(citizenId, {
      residenceCity: city,
      permitNumber: `P${city}-${citizenId.slice(14)}-${residenceSince.slice(0, 4)}`,
      residenceSince,
      issuedOn: addSixMonths(residenceSince),
      validUntil,
    });
  /** The residence events of one person (the ledger's own events about the person travel on the same topics). */
  const eventsOf = (got: Collected[], subjectRef: string): CloudEvent[] =>
    got
      .filter((g) => g.message.key?.toString() === subjectRef)
      .map((g) => fromKafkaMessage(g.message.headers, g.message.value))
      .filter((e) => e.type.startsWith('cn.gov.tongban.residence.'));
  const counts = async (): Promise<Record<string, number>> => {
    const row = await suite.db.one<Record<string, string>>(
      `SELECT (SELECT count(*) FROM residence.permits) AS permits, (SELECT count(*) FROM residence.endorsements) AS endorsements,
              (SELECT count(*) FROM residence.outbox) AS outbox,
              (SELECT count(*) FROM residence.permits WHERE updated_by IS NOT NULL) AS changed`,
    );
    return Object.fromEntries(Object.entries(row ?? {}).map(([k, v]) => [k, Number(v)]));
  };

  beforeAll(async () => {
    suite = await Suite.create('residence');
    const gw = await suite.start(GATEWAY_APP);
    gateway = gw.url;
    clock = gw.app.get(ChinaClock);
    const adapter = await suite.start(RESIDENCE_PERMIT_APP);
    job = adapter.app.get(PermitSuspensionJob);
  });
  afterAll(() => suite.stop());
  beforeEach(() => on('2026-11-28'));

  it('runs a permit through endorsement, renewal, a missed endorsement, a late one and cancellation; both regions read every event in order', async () => {
    const issued = await issue('440100', guangzhouPermit(newCitizenId()));
    const id = String(issued.permitId);
    const subjectRef = String(issued.subjectRef);
    expect(issued).toMatchObject({ endorsementDue: '2027-02-02', residenceYearsCountFrom: '2025-06-01', lastEndorsedOn: null });

    on('2027-01-20');
    const onTime = await post(`/v1/residence-permits/${id}/endorsements`, '440100', { endorsedOn: '2027-01-20' });
    expect([onTime.status, onTime.body.endorsementDue, onTime.body.residenceYearsCountFrom]).toEqual([200, '2028-02-02', '2025-06-01']);
    const renewed = await post(`/v1/residence-permits/${id}/renewals`, '440100', { validUntil: '2032-02-01' });
    expect([renewed.status, renewed.body.validUntil]).toEqual([200, '2032-02-01']);

    // the endorsement due 2028-02-02 is missed: the job (with an injected day) suspends the permit
    expect(await job.run('2028-02-02')).toBe(0);
    expect(await job.run('2028-02-04')).toBeGreaterThanOrEqual(1);
    expect(await job.run('2028-02-04')).toBe(0);
    const suspended = await call(gateway, 'GET', `/v1/residence-permits/${id}`, { token: token('360100', 'public-security') });
    expect(suspended.body).toMatchObject({ status: 'suspended', suspendedOn: '2028-02-03' });
    const blocked = await post<Problem>(`/v1/residence-permits/${id}/renewals`, '440100', { validUntil: '2033-02-01' });
    expect([blocked.status, blocked.body.code]).toEqual([409, 'invalid-transition']);

    // the late endorsement restores the permit and restarts the count of residence years
    on('2028-03-10');
    const late = await post(`/v1/residence-permits/${id}/endorsements`, '440100', { endorsedOn: '2028-03-10' });
    expect(late.body).toMatchObject({
      status: 'active',
      suspendedOn: null,
      residenceYearsCountFrom: '2028-03-10',
      endorsementDue: '2029-03-10',
    });
    const history = await call<Body>(gateway, 'GET', `/v1/subjects/${subjectRef}/residence-history?asOf=2029-03-01`, {
      token: token('440100', 'public-security'),
    });
    expect(history.status).toBe(200);
    expect(history.body.intervals).toEqual([
      expect.objectContaining({ city: '440100', countedFrom: '2028-03-10', months: 11, endedBy: 'as-of' }),
    ]);
    expect((history.body.why as string[]).join('\n')).toContain('restarted the count of residence years from 2028-03-10');

    on('2029-06-01');
    const cancelled = await post(`/v1/residence-permits/${id}/cancellation`, '440100', {
      reason: 'moved to 深圳',
      effectiveOn: '2029-06-01',
    });
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelledOn: '2029-06-01', cancellationReason: 'moved to 深圳' });

    const expected = ['permit-issued', 'permit-endorsed', 'permit-renewed', 'permit-suspended', 'permit-endorsed', 'permit-cancelled'].map(
      (t) => `cn.gov.tongban.residence.${t}.v1`,
    );
    for (const topic of ['tongban.deliver.440000.v1', 'tongban.deliver.360000.v1']) {
      const events = eventsOf(await suite.collect(topic, (got) => eventsOf(got, subjectRef).length >= expected.length), subjectRef);
      expect(events.map((e) => e.type)).toEqual(expected);
      for (const e of events) {
        expect(e.recipients.sort()).toEqual(['360100', '440100']);
        expect(e.data).toMatchObject({ permitId: id, subjectRef, hukouRegion: '360100', residenceCity: '440100' });
      }
      expect(events[3].data).toMatchObject({
        status: 'suspended',
        reason: 'endorsement-missed',
        dueOn: '2028-02-02',
        suspendedOn: '2028-02-03',
        effectiveOn: '2028-02-03',
      });
      expect(events[4].data).toMatchObject({
        late: true,
        lapsedOn: '2028-02-03',
        residenceYearsCountFrom: '2028-03-10',
        nextEndorsementDue: '2029-03-10',
      });
      expect(events[5].data).toMatchObject({ status: 'cancelled', cancelledOn: '2029-06-01', effectiveOn: '2029-06-01' });
    }
  });

  it('records the lapse at endorsement time when the job has not run yet', async () => {
    const issued = await issue('440100', guangzhouPermit(newCitizenId(), { validUntil: '2030-02-01' }));
    on('2027-03-01');
    const late = await post(`/v1/residence-permits/${String(issued.permitId)}/endorsements`, '440100', { endorsedOn: '2027-03-01' });
    expect(late.body).toMatchObject({ status: 'active', residenceYearsCountFrom: '2027-03-01', endorsementDue: '2028-03-01' });
    const rows = await suite.db.query<{ event_type: string; payload: Body }>(
      `SELECT event_type, payload FROM residence.outbox WHERE subject = $1 ORDER BY seq`,
      [issued.subjectRef],
    );
    expect(rows.map((r) => r.event_type.split('.')[4])).toEqual(['permit-issued', 'permit-suspended', 'permit-endorsed']);
    expect(rows[1].payload).toMatchObject({ suspendedOn: '2027-02-03', dueOn: '2027-02-02' });
    on('2027-06-01');
    const early = await post<Problem>(`/v1/residence-permits/${String(issued.permitId)}/endorsements`, '440100', {
      endorsedOn: '2027-06-01',
    });
    expect([early.status, early.body.code, early.body.field]).toEqual([422, 'rule-violated', '/body/endorsedOn']);
  });

  it('keeps the accumulated years of a move 上海 → 苏州 inside 长三角, but not of a move 上海 → 广州', async () => {
    const mover = async (to: string): Promise<string> => {
      const citizenId = newCitizenId();
      const shanghai = await issue('310100', permitIn('310100', citizenId, '2023-01-01'));
      expect(
        (await post(`/v1/residence-permits/${String(shanghai.permitId)}/endorsements`, '310100', { endorsedOn: '2024-06-20' })).status,
      ).toBe(200);
      // while the 上海 permit is held, the new city is refused, without being told which city holds it
      const refused = await post<Problem>('/v1/residence-permits', to, permitIn(to, citizenId, '2025-03-01'));
      expect([refused.status, refused.body.code, refused.body.activeCity]).toEqual([409, 'conflict', undefined]);
      expect(JSON.stringify(refused.body)).not.toContain('310100');
      expect(
        (
          await post(`/v1/residence-permits/${String(shanghai.permitId)}/cancellation`, '310100', {
            reason: 'moved',
            effectiveOn: '2025-03-01',
          })
        ).status,
      ).toBe(200);
      await issue(to, permitIn(to, citizenId, '2025-03-01'));
      return String(shanghai.subjectRef);
    };
    const toSuzhou = await mover('320500');
    const toGuangzhou = await mover('440100');

    const suzhou = await call<Body>(gateway, 'GET', `/v1/subjects/${toSuzhou}/residence-history?asOf=2026-03-01`, {
      token: token('320500', 'public-security'),
    });
    const yrd = (suzhou.body.groups as Body[]).find((g) => g.groupId === 'yrd');
    // 上海 [2023-01-01, 2025-03-01) = 26 months + 苏州 [2025-03-01, 2026-03-02) = 12 months
    expect(yrd).toMatchObject({ targetCity: '320500', recognisedMonths: 38 });
    const guangzhou = await call<Body>(gateway, 'GET', `/v1/subjects/${toGuangzhou}/residence-history?asOf=2026-03-01`, {
      token: token('440100', 'public-security'),
    });
    expect((guangzhou.body.groups as Body[]).find((g) => g.groupId === 'gba')).toMatchObject({
      targetCity: '440100',
      recognisedMonths: 12,
    });
    expect((guangzhou.body.why as string[]).join('\n')).toContain('share no recognition group');

    // the recognition is an event to 苏州, the hukou region and 上海; none for the move to 广州
    const jiangsu = eventsOf(
      await suite.collect('tongban.deliver.320000.v1', (got) =>
        eventsOf(got, toSuzhou).some((e) => e.type.endsWith('permit-recognised.v1')),
      ),
      toSuzhou,
    );
    const recognised = jiangsu.find((e) => e.type === 'cn.gov.tongban.residence.permit-recognised.v1')!;
    expect(recognised.recipients.sort()).toEqual(['310100', '320500', '360100']);
    expect(recognised.data).toMatchObject({
      residenceCity: '320500',
      groupId: 'yrd',
      recognisedMonths: 26,
      sources: [expect.objectContaining({ city: '310100', recognisedMonths: 26 })],
    });
    const shanghaiTopic = eventsOf(
      await suite.collect('tongban.deliver.310000.v1', (got) =>
        eventsOf(got, toSuzhou).some((e) => e.type.endsWith('permit-recognised.v1')),
      ),
      toSuzhou,
    );
    expect(shanghaiTopic.map((e) => e.type)).toContain('cn.gov.tongban.residence.permit-recognised.v1');
    const guangdong = eventsOf(
      await suite.collect('tongban.deliver.440000.v1', (got) => eventsOf(got, toGuangzhou).length >= 1),
      toGuangzhou,
    );
    expect(guangdong.map((e) => e.type)).not.toContain('cn.gov.tongban.residence.permit-recognised.v1');

    // only related regions see the history
    expect(
      (await call(gateway, 'GET', `/v1/subjects/${toSuzhou}/residence-history`, { token: token('310100', 'public-security') })).status,
    ).toBe(200);
    expect(
      (await call(gateway, 'GET', `/v1/subjects/${toSuzhou}/residence-history`, { token: token('360100', 'public-security') })).status,
    ).toBe(200);
    expect(
      (await call(gateway, 'GET', `/v1/subjects/${toSuzhou}/residence-history`, { token: token('440100', 'public-security') })).status,
    ).toBe(404);

    // points: the same facts re-scored under 苏州's scheme, item by item
    const points = await post<Body>('/v1/points-conversions', '320500', {
      subjectRef: toSuzhou,
      fromCity: '310100',
      toCity: '320500',
      asOf: '2026-03-01',
      facts: { socialInsuranceMonths: 30, housing: 'rented' },
    });
    expect(points.status).toBe(200);
    expect(points.body.facts).toMatchObject({
      residenceMonthsFrom: 38,
      residenceMonthsTo: 38,
      socialInsuranceMonths: 30,
      housing: 'rented',
    });
    // 上海: floor(38×6/12)=19 + floor(30×3/12)=7 + 10 = 36; 苏州: floor(38×5/12)=15 + floor(30×5/12)=12 + 10 = 37
    expect([(points.body.from as Body).total, (points.body.to as Body).total]).toEqual([36, 37]);
    expect(((points.body.to as Body).items as Body[]).map((i) => [i.kind, i.points])).toEqual([
      ['residence-years', 15],
      ['social-insurance-years', 12],
      ['stable-housing', 10],
    ]);
    expect((points.body.explanation as string[])[0]).toContain('38 month(s) of residence counted by 320500 苏州市 → 15 in 320500 苏州市');
    const toGz = await post<Body>('/v1/points-conversions', '440100', {
      subjectRef: toGuangzhou,
      fromCity: '310100',
      toCity: '440100',
      asOf: '2026-03-01',
    });
    expect(toGz.body.facts).toMatchObject({ residenceMonthsFrom: 26, residenceMonthsTo: 12 });
  });

  it('refuses bad input precisely and changes nothing', async () => {
    on('2026-12-01');
    const issued = await issue('440100', guangzhouPermit(newCitizenId()));
    const id = String(issued.permitId);
    const before = await counts();
    const cases: Array<[string, Promise<{ status: number; body: Problem }>, number, string]> = [
      [
        'unknown residence city',
        post<Problem>('/v1/residence-permits', '440100', guangzhouPermit(newCitizenId(), { residenceCity: '449900' })),
        422,
        'invalid-region-code',
      ],
      [
        'unknown hukou region',
        post<Problem>('/v1/residence-permits', '440100', guangzhouPermit(newCitizenId(), { hukouRegion: '990000' })),
        422,
        'invalid-region-code',
      ],
      [
        'validity ending before issue',
        post<Problem>('/v1/residence-permits', '440100', guangzhouPermit(newCitizenId(), { validUntil: '2026-01-01' })),
        422,
        'rule-violated',
      ],
      [
        'six months not met',
        post<Problem>('/v1/residence-permits', '440100', guangzhouPermit(newCitizenId(), { residenceSince: '2025-10-01' })),
        422,
        'rule-violated',
      ],
      [
        'the hukou region changes the permit',
        post<Problem>(`/v1/residence-permits/${id}/endorsements`, '360100', { endorsedOn: '2027-01-20' }),
        403,
        'forbidden',
      ],
      [
        'an unrelated city changes the permit',
        post<Problem>(`/v1/residence-permits/${id}/cancellation`, '110100', { reason: 'x', effectiveOn: '2026-06-01' }),
        404,
        'not-found',
      ],
      [
        'an unknown permit',
        post<Problem>('/v1/residence-permits/00000000-0000-4000-8000-000000000000/renewals', '440100', { validUntil: '2030-01-01' }),
        404,
        'not-found',
      ],
      [
        'a renewal that shortens',
        post<Problem>(`/v1/residence-permits/${id}/renewals`, '440100', { validUntil: '2026-12-01' }),
        422,
        'rule-violated',
      ],
      [
        'a cancellation before residence',
        post<Problem>(`/v1/residence-permits/${id}/cancellation`, '440100', { reason: 'x', effectiveOn: '2024-01-01' }),
        422,
        'rule-violated',
      ],
      [
        'an endorsement before its window',
        post<Problem>(`/v1/residence-permits/${id}/endorsements`, '440100', { endorsedOn: '2026-12-01' }),
        422,
        'rule-violated',
      ],
      [
        'an unknown property',
        post<Problem>(`/v1/residence-permits/${id}/endorsements`, '440100', { endorsedOn: '2027-01-20', late: true }),
        422,
        'validation-failed',
      ],
      [
        'points from an unknown city',
        post<Problem>('/v1/points-conversions', '440100', { fromCity: '999900', toCity: '440100', facts: { residenceMonths: 12 } }),
        422,
        'invalid-region-code',
      ],
      [
        'points for a bystander',
        post<Problem>('/v1/points-conversions', '110100', { fromCity: '310100', toCity: '440100', facts: { residenceMonths: 12 } }),
        403,
        'forbidden',
      ],
      [
        'points without facts',
        post<Problem>('/v1/points-conversions', '440100', { fromCity: '310100', toCity: '440100' }),
        422,
        'validation-failed',
      ],
      [
        'points for a city without a scheme',
        post<Problem>('/v1/points-conversions', '440100', { fromCity: '360100', toCity: '440100', facts: { residenceMonths: 12 } }),
        422,
        'rule-violated',
      ],
    ];
    for (const [name, response, status, code] of cases) {
      const res = await response;
      expect([name, res.status, res.body.code]).toEqual([name, status, code]);
      expect(res.body.detail.length).toBeGreaterThan(10);
    }
    expect(await counts()).toEqual(before);

    // a cancelled permit cannot change again; a suspended one still blocks a second city
    expect((await post(`/v1/residence-permits/${id}/cancellation`, '440100', { reason: 'left', effectiveOn: '2026-06-01' })).status).toBe(
      200,
    );
    const again = await post<Problem>(`/v1/residence-permits/${id}/cancellation`, '440100', { reason: 'left', effectiveOn: '2026-06-01' });
    expect([again.status, again.body.code]).toEqual([409, 'invalid-transition']);
  });

  it('gives concurrent endorsements of one permit one effect, and concurrent permits of one person in two cities one winner', async () => {
    const issued = await issue('440100', guangzhouPermit(newCitizenId()));
    const before = await counts();
    on('2027-01-25');
    const responses = await Promise.all(
      Array.from({ length: 8 }, () =>
        post(`/v1/residence-permits/${String(issued.permitId)}/endorsements`, '440100', { endorsedOn: '2027-01-25' }),
      ),
    );
    expect(responses.filter((r) => r.status === 200)).toHaveLength(1);
    expect(responses.every((r) => r.status === 200 || r.status === 422 || r.status === 409)).toBe(true);
    const after = await counts();
    expect([after.endorsements - before.endorsements, after.outbox - before.outbox]).toEqual([1, 1]);

    const citizenId = newCitizenId();
    const both = await Promise.all([
      post<Problem>('/v1/residence-permits', '440100', permitIn('440100', citizenId, '2025-03-01')),
      post<Problem>('/v1/residence-permits', '440300', permitIn('440300', citizenId, '2025-03-01')),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
  });
});

function addSixMonths(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  const month = m + 6;
  return `${y + Math.floor((month - 1) / 12)}-${String(((month - 1) % 12) + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
