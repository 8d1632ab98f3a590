import { loadCityPolicies, loadServiceCatalogue } from '@tongban/catalogue';
import { Database } from '@tongban/database';
import { ErrorCode } from '@tongban/errors';
import { Actor, AgencyKind, SubjectRefs } from '@tongban/identity';
import { Cause, Handoff, PointsAllotment, SubjectFacts } from './ledger.types';
import { PointsAllotmentRepository } from './points-allotment.repository';
import { PointsAllotmentCommand, PointsAllotmentService } from './points-allotment.service';
import { SubjectRepository } from './subject.repository';
import { SubjectService } from './subject.service';
import { FakeDatabase, PinnedClock, refusal } from '../../../test/harness/service-fakes';

const NOW = new Date('2026-09-01T02:00:00Z');
const REF = `s1_${'D'.repeat(32)}`;
const NANCHANG = '360100';
const GUANGZHOU = '440100';
const catalogue = loadServiceCatalogue();

const actor = (region: string, agency: AgencyKind = 'education'): Actor => ({ region, agency, credential: `${agency}-${region}` });
const resident: SubjectFacts = {
  subjectRef: REF,
  hukouRegion: NANCHANG,
  residenceCity: GUANGZHOU,
  permitId: '0b7e6c1d-2a3f-4e5d-8c9b-1a2b3c4d5e6f',
  residenceSince: '2025-06-01',
  insured: {},
  allotments: [],
};
const cmd = (over: Partial<PointsAllotmentCommand> = {}): PointsAllotmentCommand => ({
  subjectRef: REF,
  serviceCode: 'edu.compulsory', // 广州: ≥ 85 points (积分制入学)
  points: 92,
  decisionRef: '穗教积分〔2026〕0815',
  decidedOn: '2026-08-20',
  ...over,
});

function setup(facts: SubjectFacts | null = resident, related = true) {
  const db = new FakeDatabase();
  const stored: PointsAllotment[] = [];
  const allotments = {
    insert: jest.fn(async (_ref: string, a: PointsAllotment): Promise<boolean> => {
      if (stored.some((s) => s.serviceCode === a.serviceCode && s.region === a.region)) return false;
      stored.push(a);
      return true;
    }),
  };
  const subjects = {
    lock: jest.fn(async (): Promise<SubjectFacts | undefined> => facts ?? undefined),
    isRelated: jest.fn(async (): Promise<boolean> => related),
  };
  const applied: Array<{ facts: SubjectFacts; cause: Cause }> = [];
  const subjectService = {
    apply: jest.fn(async (f: SubjectFacts, cause: Cause): Promise<Handoff[]> => {
      applied.push({ facts: f, cause });
      return [{ handoffId: 'h-1', serviceCode: 'edu.compulsory' } as Handoff];
    }),
  };
  const refs = { parseRef: jest.fn() };
  const service = new PointsAllotmentService(
    db as unknown as Database,
    allotments as unknown as PointsAllotmentRepository,
    subjects as unknown as SubjectRepository,
    subjectService as unknown as SubjectService,
    catalogue,
    loadCityPolicies(catalogue),
    refs as unknown as SubjectRefs,
    new PinnedClock(NOW),
  );
  return { service, applied, stored, db };
}

describe("PointsAllotmentService: points are the residence city's decision, never inferred", () => {
  it('records the decision and applies it to the facts, citing it as the cause of the handoff', async () => {
    const { service, applied, db } = setup();
    const view = await service.allot(cmd(), actor('440106')); // a district's education bureau decides for its city
    expect(view).toMatchObject({ subjectRef: REF, serviceCode: 'edu.compulsory', region: GUANGZHOU, points: 92, handoffId: 'h-1' });
    expect(db.transactions).toBe(1);
    expect(applied).toHaveLength(1);
    expect(applied[0].facts.allotments).toEqual([expect.objectContaining({ serviceCode: 'edu.compulsory', region: GUANGZHOU })]);
    expect(applied[0].cause.reason).toBe('points decision 穗教积分〔2026〕0815 of 440100 积分制入学: 92 points ≥ 85');
  });

  it('refuses points below the threshold, a service without a points condition and a decision out of its window (422 naming the field)', async () => {
    const { service, applied } = setup();
    const field = async (c: PointsAllotmentCommand): Promise<unknown> => {
      const e = await refusal(
        service.allot(c, actor(GUANGZHOU, c.serviceCode === 'assist.minimum-living' ? 'civil-affairs' : 'education')),
      );
      expect(e.code).toBe(ErrorCode.ValidationFailed);
      return (e.extensions?.errors as Array<{ field: string }>)[0].field;
    };
    expect(await field(cmd({ points: 84.99 }))).toBe('/body/points');
    expect(await field(cmd({ serviceCode: 'edu.preschool' }))).toBe('/body/serviceCode');
    expect(await field(cmd({ serviceCode: 'assist.minimum-living' }))).toBe('/body/serviceCode');
    expect(await field(cmd({ decidedOn: '2026-09-02' }))).toBe('/body/decidedOn');
    expect(await field(cmd({ decidedOn: '2025-08-31' }))).toBe('/body/decidedOn');
    expect(applied).toEqual([]);
  });

  it("is decided by the city of the person's permit through the service's agency only", async () => {
    expect((await refusal(setup().service.allot(cmd(), actor(GUANGZHOU, 'civil-affairs')))).code).toBe(ErrorCode.Forbidden);
    // the hukou region is related but not the residence city
    expect((await refusal(setup().service.allot(cmd(), actor(NANCHANG)))).code).toBe(ErrorCode.Forbidden);
    // a person who left 广州 (no permit) is no longer allotted by it
    expect((await refusal(setup({ ...resident, residenceCity: null, permitId: null }).service.allot(cmd(), actor(GUANGZHOU)))).code).toBe(
      ErrorCode.Forbidden,
    );
    // an unrelated region, or a person the ledger does not know: as for nobody
    expect((await refusal(setup(resident, false).service.allot(cmd(), actor(GUANGZHOU)))).code).toBe(ErrorCode.NotFound);
    expect((await refusal(setup(null).service.allot(cmd(), actor(GUANGZHOU)))).code).toBe(ErrorCode.NotFound);
  });

  it('records one decision per person, service and city (409 already-allotted)', async () => {
    const { service, applied } = setup();
    await service.allot(cmd(), actor(GUANGZHOU));
    const again = await refusal(service.allot(cmd({ points: 95 }), actor(GUANGZHOU)));
    expect([again.code, again.extensions?.reason]).toEqual([ErrorCode.Conflict, 'already-allotted']);
    expect(applied).toHaveLength(1);
  });
});
