import { addDays, addMonths } from '@tongban/calendar';
import { loadServiceCatalogue } from '@tongban/catalogue';
import { Database } from '@tongban/database';
import { DomainError, ErrorCode } from '@tongban/errors';
import { Actor, AgencyKind, SubjectRefs } from '@tongban/identity';
import fc from 'fast-check';
import { CatalogueBackfillService } from './catalogue-backfill.service';
import { ClaimRepository, NewClaim } from './claim.repository';
import { Holder, MEDICAL_INSURANCE_SERVICES, ProvisionClaim } from './ledger.types';
import { ProvisionClaimService } from './provision-claim.service';
import { ResponsibilityRepository } from './responsibility.repository';
import { SubjectRepository } from './subject.repository';
import { Mocked, PinnedClock, refusal } from '../../../test/harness/service-fakes';

// Saturday 10 October 2026, 10:00 in China: the monthly claim window is 2025-10 … 2026-11
const NOW = new Date('2026-10-10T02:00:00Z');
const TODAY = '2026-10-10';
const REF = `s1_${'A'.repeat(32)}`;
const NANCHANG = '360100';
const GUANGZHOU = '440100';
const SHENZHEN = '440300';

const MONTHLY = 'elder.resident-pension'; // hukou, 人社, an entitlement per period
const TERM = 'edu.compulsory'; // school term, 教育
const YEARLY = 'med.resident-medical-insurance'; // 医保
const ON_DEMAND = 'emp.vocational-training'; // one-off, 人社, no entitlement
const BILL = 'med.cross-region-settlement'; // treatment: bill:<region>:<id>
const EMERGENCY = 'assist.temporary'; // emergency: case:<region>:<id>, 民政

const actor = (region: string | null, agency: AgencyKind | null = 'human-resources'): Actor => ({
  region,
  agency: region === null ? null : agency,
  credential: `${agency ?? 'operator'}-${region ?? 'ops'}`,
  requestId: 'req-1',
});
const holder = (region: string, since = '2025-01-01T00:00:00+08:00'): Holder => ({
  responsibilityId: `resp-${region}`,
  serviceCode: MONTHLY,
  region,
  since,
});

/** The claim a repository stores for a new one, claimed at `at`. */
const stored = (c: NewClaim, at: Date = NOW): ProvisionClaim => ({
  claimId: c.claimId,
  subjectRef: c.subjectRef,
  serviceCode: c.serviceCode,
  periodKey: c.periodKey,
  region: c.region,
  basis: c.basis,
  claimedAt: at.toISOString(),
  periodStart: c.heldAt.slice(0, 10),
  periodEnd: c.periodEnd.slice(0, 10),
  evidence: c.evidence,
});

function setup(now: Date = NOW) {
  const claims: Mocked<ClaimRepository, 'claimIfHolder' | 'insertIfFree' | 'find' | 'openEntitlement'> = {
    // the one-statement path answers "not taken" here, so the step-by-step path below is what is tested;
    // its own tests (below) make it take the claim
    claimIfHolder: jest.fn().mockResolvedValue(undefined),
    insertIfFree: jest.fn().mockImplementation(async (c: NewClaim): Promise<ProvisionClaim> => stored(c, now)),
    find: jest.fn().mockResolvedValue(undefined),
    openEntitlement: jest
      .fn()
      .mockImplementation(async (_ref: string, _code: string, periodStart: string) => ({ since: periodStart, openedBy: 'hr' })),
  };
  const responsibilities: Mocked<ResponsibilityRepository, 'heldAtLocked' | 'currentRegions'> = {
    heldAtLocked: jest.fn().mockResolvedValue(holder(NANCHANG)),
    currentRegions: jest.fn().mockResolvedValue([]),
  };
  const subjects: Mocked<SubjectRepository, 'isRelated' | 'exists' | 'find'> = {
    isRelated: jest.fn().mockResolvedValue(true),
    exists: jest.fn().mockResolvedValue(true),
    find: jest.fn().mockResolvedValue({
      subjectRef: REF,
      hukouRegion: NANCHANG,
      residenceCity: GUANGZHOU,
      permitId: null,
      residenceSince: null,
      insured: {},
    }),
  };
  const backfill: Mocked<CatalogueBackfillService, 'openIfNeverHeld'> = { openIfNeverHeld: jest.fn().mockResolvedValue(false) };
  const db = { tx: jest.fn(<T>(fn: () => Promise<T>): Promise<T> => fn()) };
  const service = new ProvisionClaimService(
    db as unknown as Database,
    claims as unknown as ClaimRepository,
    responsibilities as unknown as ResponsibilityRepository,
    subjects as unknown as SubjectRepository,
    loadServiceCatalogue(),
    new SubjectRefs([{ version: 1, secret: Buffer.alloc(32, 7) }], 1),
    new PinnedClock(now),
    backfill as unknown as CatalogueBackfillService,
  );
  return { service, claims, responsibilities, subjects, db, backfill };
}

const fieldsOf = (e: DomainError): unknown => (e.extensions.errors as Array<{ field: string }>).map((f) => f.field);

describe('ProvisionClaimService.claim', () => {
  it('stores a claim for the holder at the period start, judged at the start of that day in China', async () => {
    const { service, claims, responsibilities } = setup();
    const claim = await service.claim({ subjectRef: REF, serviceCode: MONTHLY, periodKey: '2026-03' }, actor(NANCHANG));
    expect(responsibilities.heldAtLocked).toHaveBeenCalledWith(REF, MONTHLY, '2026-03-01T00:00:00+08:00');
    expect(claims.insertIfFree).toHaveBeenCalledWith(
      expect.objectContaining({
        subjectRef: REF,
        serviceCode: MONTHLY,
        periodKey: '2026-03',
        region: NANCHANG,
        basis: 'hukou',
        heldAt: '2026-03-01T00:00:00+08:00',
        periodEnd: '2026-04-01T00:00:00+08:00',
      }),
      'resp-360100',
      actor(NANCHANG),
    );
    expect(claim).toMatchObject({ region: NANCHANG, periodStart: '2026-03-01', periodEnd: '2026-04-01' });
  });

  it.each([
    [TERM, 'education', '2026-autumn', '2026-08-01', '2027-02-01'],
    [TERM, 'education', '2026-spring', '2026-02-01', '2026-08-01'],
    [YEARLY, 'healthcare-security', '2026', '2026-01-01', '2027-01-01'],
  ] as const)('%s %s: the holder of %s is asked at %s', async (code, agency, key, start, end) => {
    const { service, claims, responsibilities } = setup();
    await service.claim({ subjectRef: REF, serviceCode: code, periodKey: key }, actor(NANCHANG, agency));
    expect(responsibilities.heldAtLocked).toHaveBeenCalledWith(REF, code, `${start}T00:00:00+08:00`);
    expect(claims.insertIfFree.mock.calls[0][0]).toMatchObject({ heldAt: `${start}T00:00:00+08:00`, periodEnd: `${end}T00:00:00+08:00` });
  });

  it('a service without periods is judged at its reference date, today (in China) by default', async () => {
    // 16:30 UTC on 9 October is already the 10th in China
    const { service, claims, responsibilities } = setup(new Date('2026-10-09T16:30:00Z'));
    await service.claim({ subjectRef: REF, serviceCode: ON_DEMAND, periodKey: 'course-17' }, actor(NANCHANG));
    expect(responsibilities.heldAtLocked).toHaveBeenCalledWith(REF, ON_DEMAND, '2026-10-10T00:00:00+08:00');
    expect(claims.insertIfFree.mock.calls[0][0]).toMatchObject({ periodEnd: '2026-10-11T00:00:00+08:00' });

    await service.claim({ subjectRef: REF, serviceCode: ON_DEMAND, periodKey: 'course-18', referenceDate: '2026-02-14' }, actor(NANCHANG));
    expect(responsibilities.heldAtLocked).toHaveBeenLastCalledWith(REF, ON_DEMAND, '2026-02-14T00:00:00+08:00');
  });

  describe('the claim window (12 months back, one period ahead)', () => {
    it.each(['2025-10', '2026-10', '2026-11'])('accepts monthly %s', async (key) => {
      const { service } = setup();
      await expect(service.claim({ subjectRef: REF, serviceCode: MONTHLY, periodKey: key }, actor(NANCHANG))).resolves.toMatchObject({
        periodKey: key,
      });
    });

    it.each(['2025-09', '2026-12', '1999-01'])('refuses monthly %s with 422 naming the window, before reading anything', async (key) => {
      const { service, responsibilities, claims, db } = setup();
      const e = await refusal(service.claim({ subjectRef: REF, serviceCode: MONTHLY, periodKey: key }, actor(NANCHANG)));
      expect(e.code).toBe(ErrorCode.ValidationFailed);
      expect(e.extensions).toMatchObject({ notBefore: '2025-10-10', lastStart: '2026-11-01' });
      expect(fieldsOf(e)).toEqual(['/body/periodKey']);
      expect(db.tx).not.toHaveBeenCalled();
      expect(responsibilities.heldAtLocked).not.toHaveBeenCalled();
      expect(claims.insertIfFree).not.toHaveBeenCalled();
    });

    it('steps by the service period: the next school term and year are claimable, the one after is not', async () => {
      const { service } = setup();
      const edu = actor(NANCHANG, 'education');
      const med = actor(NANCHANG, 'healthcare-security');
      await expect(service.claim({ subjectRef: REF, serviceCode: TERM, periodKey: '2027-spring' }, edu)).resolves.toBeDefined();
      // the autumn term 2025 ends after 2025-10-10; the spring term before it does not
      await expect(service.claim({ subjectRef: REF, serviceCode: TERM, periodKey: '2025-autumn' }, edu)).resolves.toBeDefined();
      expect((await refusal(service.claim({ subjectRef: REF, serviceCode: TERM, periodKey: '2025-spring' }, edu))).code).toBe(
        ErrorCode.ValidationFailed,
      );
      const late = await refusal(service.claim({ subjectRef: REF, serviceCode: TERM, periodKey: '2027-autumn' }, edu));
      expect(late.extensions).toMatchObject({ notBefore: '2025-10-10', lastStart: '2027-02-01' });
      await expect(service.claim({ subjectRef: REF, serviceCode: YEARLY, periodKey: '2027' }, med)).resolves.toBeDefined();
      expect((await refusal(service.claim({ subjectRef: REF, serviceCode: YEARLY, periodKey: '2028' }, med))).code).toBe(
        ErrorCode.ValidationFailed,
      );
      expect((await refusal(service.claim({ subjectRef: REF, serviceCode: YEARLY, periodKey: '2024' }, med))).code).toBe(
        ErrorCode.ValidationFailed,
      );
    });

    it('the window moves with the day in China, not in UTC', async () => {
      // 31 October 16:30 UTC is 1 November in China: December is next month there
      const { service } = setup(new Date('2026-10-31T16:30:00Z'));
      await expect(service.claim({ subjectRef: REF, serviceCode: MONTHLY, periodKey: '2026-12' }, actor(NANCHANG))).resolves.toBeDefined();
      const { service: before } = setup(new Date('2026-10-31T15:30:00Z'));
      expect((await refusal(before.claim({ subjectRef: REF, serviceCode: MONTHLY, periodKey: '2026-12' }, actor(NANCHANG)))).code).toBe(
        ErrorCode.ValidationFailed,
      );
    });

    it.each([
      ['2025-10-10', 'accepted', true],
      ['2025-10-09', 'refused', false],
      ['2026-11-30', 'accepted', true],
      ['2026-12-01', 'refused', false],
    ] as const)('reference date %s is %s: twelve months back to the day, up to the end of next month', async (date, _outcome, ok) => {
      const { service } = setup();
      const call = service.claim({ subjectRef: REF, serviceCode: ON_DEMAND, periodKey: `c-${date}`, referenceDate: date }, actor(NANCHANG));
      if (ok) return expect(call).resolves.toMatchObject({ periodStart: date });
      const e = await refusal(call);
      expect(e.code).toBe(ErrorCode.ValidationFailed);
      expect(fieldsOf(e)).toEqual(['/body/referenceDate']);
      expect(e.extensions).toMatchObject({ notBefore: '2025-10-10', lastStart: '2026-11-01' });
    });
  });

  it('refuses a reference date on a periodic service: the period key names the day', async () => {
    const { service } = setup();
    const e = await refusal(
      service.claim({ subjectRef: REF, serviceCode: MONTHLY, periodKey: '2026-03', referenceDate: '2026-03-15' }, actor(NANCHANG)),
    );
    expect(e.code).toBe(ErrorCode.ValidationFailed);
    expect(fieldsOf(e)).toEqual(['/body/referenceDate']);
  });

  it.each([
    ['a month without its leading zero', MONTHLY, '2026-3', 'human-resources'],
    ['a year for a monthly service', MONTHLY, '2026', 'human-resources'],
    ['a term that is not spring or autumn', TERM, '2026-summer', 'education'],
    ['a month for a yearly service', YEARLY, '2026-01', 'healthcare-security'],
    ['spaces', ON_DEMAND, 'a key with spaces', 'human-resources'],
    ['101 characters', ON_DEMAND, 'x'.repeat(101), 'human-resources'],
  ] as const)('a key of %s is refused at /body/periodKey', async (_what, code, key, agency) => {
    const { service } = setup();
    const e = await refusal(service.claim({ subjectRef: REF, serviceCode: code, periodKey: key }, actor(NANCHANG, agency)));
    expect(e.code).toBe(ErrorCode.ValidationFailed);
    expect(fieldsOf(e)).toEqual(['/body/periodKey']);
  });

  it('refuses an unknown service code, a subject key version not configured and a malformed reference', async () => {
    const { service } = setup();
    const unknown = await refusal(service.claim({ subjectRef: REF, serviceCode: 'edu.nope', periodKey: '2026-03' }, actor(NANCHANG)));
    expect(unknown.code).toBe(ErrorCode.ValidationFailed);
    expect(fieldsOf(unknown)).toEqual(['/body/serviceCode']);
    const version = await refusal(
      service.claim({ subjectRef: `s2_${'A'.repeat(32)}`, serviceCode: MONTHLY, periodKey: '2026-03' }, actor(NANCHANG)),
    );
    expect(version.code).toBe(ErrorCode.ValidationFailed);
    expect(fieldsOf(version)).toEqual(['/body/subjectRef']);
    const malformed = await refusal(service.claim({ subjectRef: 'someone', serviceCode: MONTHLY, periodKey: '2026-03' }, actor(NANCHANG)));
    expect(malformed).toMatchObject({ code: ErrorCode.ValidationFailed, extensions: { reason: 'subject-ref-format' } });
  });

  it('is for a region acting through the agency that provides the service, never for operators', async () => {
    const { service, db } = setup();
    const cmd = { subjectRef: REF, serviceCode: MONTHLY, periodKey: '2026-03' };
    expect((await refusal(service.claim(cmd, actor(null)))).code).toBe(ErrorCode.Forbidden);
    const wrong = await refusal(service.claim(cmd, actor(NANCHANG, 'public-security')));
    expect(wrong).toMatchObject({ code: ErrorCode.Forbidden, extensions: { requiredAgency: 'human-resources' } });
    expect(db.tx).not.toHaveBeenCalled();
  });

  describe('the holder at the period start', () => {
    it('another holder: 409 not-responsible naming it, for a region related to the person', async () => {
      const { service, responsibilities, subjects, claims } = setup();
      responsibilities.heldAtLocked.mockResolvedValue(holder(GUANGZHOU, '2025-06-01T00:00:00+08:00'));
      const e = await refusal(service.claim({ subjectRef: REF, serviceCode: MONTHLY, periodKey: '2026-03' }, actor(NANCHANG)));
      expect(e.code).toBe(ErrorCode.NotResponsible);
      expect(e.extensions).toEqual({
        responsibleRegion: GUANGZHOU,
        since: '2025-06-01T00:00:00+08:00',
        serviceCode: MONTHLY,
        periodStart: '2026-03-01',
      });
      expect(subjects.isRelated).toHaveBeenCalledWith(REF, NANCHANG);
      expect(claims.insertIfFree).not.toHaveBeenCalled();
    });

    it('an unrelated region learns nothing: 404 as for an unknown person, with or without a holder', async () => {
      const { service, responsibilities, subjects } = setup();
      subjects.isRelated.mockResolvedValue(false);
      responsibilities.heldAtLocked.mockResolvedValue(holder(GUANGZHOU));
      const held = await refusal(service.claim({ subjectRef: REF, serviceCode: MONTHLY, periodKey: '2026-03' }, actor(SHENZHEN)));
      expect(held).toMatchObject({ code: ErrorCode.NotFound, extensions: {} });
      responsibilities.heldAtLocked.mockResolvedValue(undefined);
      const none = await refusal(service.claim({ subjectRef: REF, serviceCode: MONTHLY, periodKey: '2026-03' }, actor(SHENZHEN)));
      expect(none).toMatchObject({ code: ErrorCode.NotFound, extensions: {} });
    });

    it('the holder itself is not asked whether it is related', async () => {
      const { service, subjects } = setup();
      await service.claim({ subjectRef: REF, serviceCode: MONTHLY, periodKey: '2026-03' }, actor(NANCHANG));
      expect(subjects.isRelated).not.toHaveBeenCalled();
    });

    it('no holder then (before the ledger knew the person): 409 rule before-ledger to a related region', async () => {
      const { service, responsibilities } = setup();
      responsibilities.heldAtLocked.mockResolvedValue(undefined);
      const e = await refusal(service.claim({ subjectRef: REF, serviceCode: MONTHLY, periodKey: '2025-11' }, actor(NANCHANG)));
      expect(e).toMatchObject({ code: ErrorCode.RuleViolated, extensions: { rule: 'before-ledger' } });
    });
  });

  it('a key taken: 409 already-claimed naming the claimant, and no entitlement opened', async () => {
    const { service, claims } = setup();
    const existing: ProvisionClaim = {
      claimId: '0d3f7a52-4a8e-4c2b-9b61-3f0e5c2d9a10',
      subjectRef: REF,
      serviceCode: MONTHLY,
      periodKey: '2026-03',
      region: GUANGZHOU,
      basis: 'hukou',
      claimedAt: '2026-03-02T01:00:00.000Z',
      periodStart: '2026-03-01',
      periodEnd: '2026-04-01',
      evidence: [],
    };
    claims.insertIfFree.mockResolvedValue(undefined);
    claims.find.mockResolvedValue(existing);
    const e = await refusal(service.claim({ subjectRef: REF, serviceCode: MONTHLY, periodKey: '2026-03' }, actor(NANCHANG)));
    expect(e.code).toBe(ErrorCode.AlreadyClaimed);
    expect(e.extensions).toEqual({ claimedBy: GUANGZHOU, claimId: existing.claimId, claimedAt: existing.claimedAt });
    expect(claims.find).toHaveBeenCalledWith(REF, MONTHLY, '2026-03');
    expect(claims.openEntitlement).not.toHaveBeenCalled();

    claims.find.mockResolvedValue(undefined);
    const gone = await refusal(service.claim({ subjectRef: REF, serviceCode: MONTHLY, periodKey: '2026-03' }, actor(NANCHANG)));
    expect(gone).toMatchObject({ code: ErrorCode.AlreadyClaimed, extensions: { claimedBy: null, claimId: null, claimedAt: null } });
  });

  it('opens the entitlement from the claimed period for a periodic service only', async () => {
    const { service, claims } = setup();
    await service.claim({ subjectRef: REF, serviceCode: MONTHLY, periodKey: '2026-03' }, actor(NANCHANG));
    expect(claims.openEntitlement).toHaveBeenCalledWith(REF, MONTHLY, '2026-03-01', 'first claim', actor(NANCHANG));
    claims.openEntitlement.mockClear();
    await service.claim({ subjectRef: REF, serviceCode: ON_DEMAND, periodKey: 'course-1' }, actor(NANCHANG));
    expect(claims.openEntitlement).not.toHaveBeenCalled();
  });

  describe('place-bound keys', () => {
    const med = (region: string): Actor => actor(region, 'healthcare-security');

    it('a bill is claimed by the treatment region its key names, with no interval behind it', async () => {
      const { service, claims, responsibilities, subjects } = setup();
      const claim = await service.claim({ subjectRef: REF, serviceCode: BILL, periodKey: `bill:${GUANGZHOU}:S-001` }, med(GUANGZHOU));
      expect(claim).toMatchObject({ region: GUANGZHOU, basis: 'treatment', periodStart: TODAY });
      expect(claims.insertIfFree.mock.calls[0][1]).toBeNull();
      expect(responsibilities.heldAtLocked).not.toHaveBeenCalled();
      expect(subjects.exists).toHaveBeenCalledWith(REF);
      expect(claims.openEntitlement).not.toHaveBeenCalled();
    });

    it("a bill may be claimed by the person's medical insurer now (reimbursement by hand), by no other region", async () => {
      const { service, responsibilities } = setup();
      responsibilities.currentRegions.mockResolvedValue([NANCHANG]);
      await expect(
        service.claim({ subjectRef: REF, serviceCode: BILL, periodKey: `bill:${GUANGZHOU}:S-001` }, med(NANCHANG)),
      ).resolves.toMatchObject({ region: NANCHANG });
      expect(responsibilities.currentRegions).toHaveBeenCalledWith(REF, MEDICAL_INSURANCE_SERVICES);
      const e = await refusal(service.claim({ subjectRef: REF, serviceCode: BILL, periodKey: `bill:${GUANGZHOU}:S-001` }, med(SHENZHEN)));
      expect(e.code).toBe(ErrorCode.RuleViolated);
      expect(e.extensions).toEqual({
        rule: 'place-bound-key',
        errors: [{ field: '/body/periodKey', message: `bound to region ${GUANGZHOU}` }],
      });
    });

    it('an emergency is claimed by its place only, whoever insures the person', async () => {
      const { service, responsibilities } = setup();
      responsibilities.currentRegions.mockResolvedValue([NANCHANG]);
      const civil = (region: string): Actor => actor(region, 'civil-affairs');
      await expect(
        service.claim({ subjectRef: REF, serviceCode: EMERGENCY, periodKey: `case:${SHENZHEN}:E-9` }, civil(SHENZHEN)),
      ).resolves.toMatchObject({ basis: 'emergency' });
      const e = await refusal(
        service.claim({ subjectRef: REF, serviceCode: EMERGENCY, periodKey: `case:${SHENZHEN}:E-9` }, civil(NANCHANG)),
      );
      expect(e).toMatchObject({ code: ErrorCode.RuleViolated, extensions: { rule: 'place-bound-key' } });
      expect(responsibilities.currentRegions).not.toHaveBeenCalled();
    });

    it.each([`case:${GUANGZHOU}:S-1`, `bill:4401:S-1`, `bill:${GUANGZHOU}:`, 'S-1'])(
      'a bill keyed %j is refused at /body/periodKey',
      async (key) => {
        const { service } = setup();
        const e = await refusal(service.claim({ subjectRef: REF, serviceCode: BILL, periodKey: key }, med(GUANGZHOU)));
        expect(e.code).toBe(ErrorCode.ValidationFailed);
        expect(fieldsOf(e)).toEqual(['/body/periodKey']);
      },
    );

    it('a person the ledger does not know: 404 before the key is read', async () => {
      const { service, subjects } = setup();
      subjects.exists.mockResolvedValue(false);
      const e = await refusal(service.claim({ subjectRef: REF, serviceCode: BILL, periodKey: 'not-a-bill' }, med(GUANGZHOU)));
      expect(e.code).toBe(ErrorCode.NotFound);
    });
  });

  it('property: a monthly claim is stored iff its month is one of the 12 before today, this one or the next, and the caller held it at its start', async () => {
    const monthKey = (index: number): string => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 3 * 365 }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: -16, max: 3 }),
        fc.constantFrom('caller', 'other', 'none'),
        fc.boolean(),
        async (dayOffset, hour, monthOffset, held, related) => {
          const today = addDays('2025-01-01', dayOffset);
          const now = new Date(`${today}T${String(hour).padStart(2, '0')}:30:00+08:00`);
          const index = Number(today.slice(0, 4)) * 12 + Number(today.slice(5, 7)) - 1 + monthOffset;
          const key = monthKey(index);
          const start = `${key}-01`;
          const { service, responsibilities, subjects, claims } = setup(now);
          responsibilities.heldAtLocked.mockResolvedValue(held === 'none' ? undefined : holder(held === 'caller' ? NANCHANG : GUANGZHOU));
          subjects.isRelated.mockResolvedValue(related);
          const outcome = await service.claim({ subjectRef: REF, serviceCode: MONTHLY, periodKey: key }, actor(NANCHANG)).then(
            (c) => c,
            (e: unknown) => e,
          );
          if (monthOffset < -12 || monthOffset > 1) {
            expect(outcome).toMatchObject({ code: ErrorCode.ValidationFailed, extensions: { notBefore: addMonths(today, -12) } });
            expect(responsibilities.heldAtLocked).not.toHaveBeenCalled();
            return;
          }
          expect(responsibilities.heldAtLocked).toHaveBeenCalledWith(REF, MONTHLY, `${start}T00:00:00+08:00`);
          if (held === 'caller') {
            expect(outcome).toMatchObject({ region: NANCHANG, periodKey: key, periodStart: start });
            expect(claims.openEntitlement).toHaveBeenCalledWith(REF, MONTHLY, start, 'first claim', actor(NANCHANG));
            return;
          }
          const expected = !related ? ErrorCode.NotFound : held === 'other' ? ErrorCode.NotResponsible : ErrorCode.RuleViolated;
          expect(outcome).toMatchObject({ code: expected });
          expect(claims.insertIfFree).not.toHaveBeenCalled();
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('ProvisionClaimService.openEntitlement', () => {
  it('the holder at the first period start opens it, and is told the period it now starts with', async () => {
    const { service, claims, responsibilities } = setup();
    claims.openEntitlement.mockResolvedValue({ since: '2026-01-01', openedBy: 'human-resources-360100' });
    const opened = await service.openEntitlement({ subjectRef: REF, serviceCode: MONTHLY, sincePeriod: '2026-03' }, actor(NANCHANG));
    expect(responsibilities.heldAtLocked).toHaveBeenCalledWith(REF, MONTHLY, '2026-03-01T00:00:00+08:00');
    expect(claims.openEntitlement).toHaveBeenCalledWith(
      REF,
      MONTHLY,
      '2026-03-01',
      `opened by the responsible region ${NANCHANG}`,
      actor(NANCHANG),
    );
    // an earlier start already stored stays: the answer names that period
    expect(opened).toEqual({
      subjectRef: REF,
      serviceCode: MONTHLY,
      sincePeriod: '2026-01',
      since: '2026-01-01',
      openedBy: 'human-resources-360100',
    });
  });

  it('names a school term by its key', async () => {
    const { service, claims } = setup();
    claims.openEntitlement.mockResolvedValue({ since: '2026-02-01', openedBy: 'edu' });
    const opened = await service.openEntitlement(
      { subjectRef: REF, serviceCode: TERM, sincePeriod: '2026-autumn' },
      actor(NANCHANG, 'education'),
    );
    expect(opened.sincePeriod).toBe('2026-spring');
  });

  it('a service provided on demand has no entitlement: 409 rule not-periodic', async () => {
    const { service } = setup();
    const e = await refusal(service.openEntitlement({ subjectRef: REF, serviceCode: ON_DEMAND, sincePeriod: '2026-03' }, actor(NANCHANG)));
    expect(e).toMatchObject({ code: ErrorCode.RuleViolated, extensions: { rule: 'not-periodic' } });
  });

  it('refuses a period outside the claim window or of the wrong form at /body/sincePeriod', async () => {
    const { service, claims } = setup();
    for (const key of ['2025-09', '2026-12', '2026-3']) {
      const e = await refusal(service.openEntitlement({ subjectRef: REF, serviceCode: MONTHLY, sincePeriod: key }, actor(NANCHANG)));
      expect(e.code).toBe(ErrorCode.ValidationFailed);
      expect(fieldsOf(e)).toEqual(['/body/sincePeriod']);
    }
    expect(claims.openEntitlement).not.toHaveBeenCalled();
  });

  it('only the holder opens it: not-responsible to a related region, not-found to another; never operators', async () => {
    const { service, responsibilities, subjects, claims } = setup();
    responsibilities.heldAtLocked.mockResolvedValue(holder(GUANGZHOU));
    const cmd = { subjectRef: REF, serviceCode: MONTHLY, sincePeriod: '2026-03' };
    expect((await refusal(service.openEntitlement(cmd, actor(NANCHANG)))).code).toBe(ErrorCode.NotResponsible);
    subjects.isRelated.mockResolvedValue(false);
    expect((await refusal(service.openEntitlement(cmd, actor(NANCHANG)))).code).toBe(ErrorCode.NotFound);
    expect((await refusal(service.openEntitlement(cmd, actor(null)))).code).toBe(ErrorCode.Forbidden);
    expect((await refusal(service.openEntitlement(cmd, actor(GUANGZHOU, 'civil-affairs')))).extensions).toEqual({
      requiredAgency: 'human-resources',
    });
    expect(claims.openEntitlement).not.toHaveBeenCalled();
  });
});

describe('ProvisionClaimService.claim: evidence (统一证明材料要求, seed 000 （十二）) and services of a newer catalogue version', () => {
  const PERMIT = { kind: 'residence-permit', reference: 'P-440100-0001' };

  it('the residence city claiming a residence-permit item must reference the permit: 422 evidence-required naming it', async () => {
    const { service, responsibilities, claims } = setup();
    responsibilities.heldAtLocked.mockResolvedValue({ ...holder(GUANGZHOU), serviceCode: TERM });
    const cmd = { subjectRef: REF, serviceCode: TERM, periodKey: '2026-autumn' };
    const e = await refusal(service.claim(cmd, actor(GUANGZHOU, 'education')));
    expect(e).toMatchObject({
      code: ErrorCode.RuleViolated,
      extensions: { rule: 'evidence-required', clause: '000-十二', missing: ['residence-permit'] },
    });
    expect(claims.insertIfFree).not.toHaveBeenCalled();
    await service.claim({ ...cmd, evidence: [PERMIT] }, actor(GUANGZHOU, 'education'));
    expect(claims.insertIfFree.mock.calls[0][0]).toMatchObject({ evidence: [PERMIT] });
  });

  it('the hukou region needs no permit; a service without an evidence rule needs none; the hukou region is read only when a kind is missing', async () => {
    const { service, subjects, claims } = setup();
    await service.claim({ subjectRef: REF, serviceCode: TERM, periodKey: '2026-autumn' }, actor(NANCHANG, 'education'));
    expect(subjects.find).toHaveBeenCalledTimes(1);
    await service.claim({ subjectRef: REF, serviceCode: MONTHLY, periodKey: '2026-03' }, actor(NANCHANG));
    await service.claim({ subjectRef: REF, serviceCode: TERM, periodKey: '2026-spring', evidence: [PERMIT] }, actor(NANCHANG, 'education'));
    expect(subjects.find).toHaveBeenCalledTimes(1);
    expect(claims.insertIfFree).toHaveBeenCalledTimes(3);
  });

  it('a held service the person never had a holder for is opened on the spot (default holder), then claimed', async () => {
    const { service, responsibilities, backfill, claims } = setup();
    responsibilities.heldAtLocked.mockResolvedValueOnce(undefined).mockResolvedValueOnce(holder(NANCHANG));
    backfill.openIfNeverHeld.mockResolvedValue(true);
    await service.claim({ subjectRef: REF, serviceCode: MONTHLY, periodKey: '2026-03' }, actor(NANCHANG));
    expect(backfill.openIfNeverHeld).toHaveBeenCalledWith(REF, MONTHLY, NOW);
    expect(claims.insertIfFree).toHaveBeenCalledTimes(1);
  });

  it('a place-based service (a bill) never opens holders', async () => {
    const { service, backfill, responsibilities } = setup();
    await service.claim({ subjectRef: REF, serviceCode: BILL, periodKey: `bill:${GUANGZHOU}:S1` }, actor(GUANGZHOU, 'healthcare-security'));
    expect(backfill.openIfNeverHeld).not.toHaveBeenCalled();
    expect(responsibilities.heldAtLocked).not.toHaveBeenCalled();
  });
});

describe('ProvisionClaimService.claim: the one-statement path', () => {
  const PERMIT = { kind: 'residence-permit', reference: 'P-440100-0001' };
  it('a holder claiming a free key: one repository call, the entitlement opened from the period for a periodic service only', async () => {
    const { service, claims, responsibilities, subjects } = setup();
    claims.claimIfHolder.mockImplementation(async (c: NewClaim) => stored(c));
    const claim = await service.claim({ subjectRef: REF, serviceCode: MONTHLY, periodKey: '2026-03' }, actor(NANCHANG));
    expect(claims.claimIfHolder).toHaveBeenCalledWith(
      expect.objectContaining({ region: NANCHANG, heldAt: '2026-03-01T00:00:00+08:00', periodEnd: '2026-04-01T00:00:00+08:00' }),
      actor(NANCHANG),
      '2026-03-01',
    );
    expect(claim).toMatchObject({ region: NANCHANG, periodStart: '2026-03-01' });
    await service.claim({ subjectRef: REF, serviceCode: ON_DEMAND, periodKey: 'course-17' }, actor(NANCHANG));
    expect(claims.claimIfHolder.mock.calls[1][2]).toBeNull();
    for (const step of [responsibilities.heldAtLocked, subjects.isRelated, subjects.find, claims.insertIfFree, claims.openEntitlement])
      expect(step).not.toHaveBeenCalled();
  });

  it('not taken (another holder, none, a taken key): the step-by-step path answers, as before', async () => {
    const { service, claims, responsibilities } = setup();
    responsibilities.heldAtLocked.mockResolvedValue(holder(GUANGZHOU));
    const e = await refusal(service.claim({ subjectRef: REF, serviceCode: MONTHLY, periodKey: '2026-03' }, actor(NANCHANG)));
    expect(e).toMatchObject({ code: ErrorCode.NotResponsible, extensions: { responsibleRegion: GUANGZHOU } });
    expect(claims.claimIfHolder).toHaveBeenCalledTimes(1);
    expect(claims.insertIfFree).not.toHaveBeenCalled();
  });

  it('is not tried for place-based keys, nor when the evidence needs the person read or is malformed', async () => {
    const { service, claims } = setup();
    await service.claim({ subjectRef: REF, serviceCode: BILL, periodKey: `bill:${GUANGZHOU}:S1` }, actor(GUANGZHOU, 'healthcare-security'));
    await service.claim({ subjectRef: REF, serviceCode: TERM, periodKey: '2026-autumn' }, actor(NANCHANG, 'education'));
    await refusal(
      service.claim(
        { subjectRef: REF, serviceCode: MONTHLY, periodKey: '2026-03', evidence: [{ kind: 'x', reference: 'has space' }] },
        actor(NANCHANG),
      ),
    );
    expect(claims.claimIfHolder).not.toHaveBeenCalled();
    await service.claim({ subjectRef: REF, serviceCode: TERM, periodKey: '2026-spring', evidence: [PERMIT] }, actor(NANCHANG, 'education'));
    expect(claims.claimIfHolder).toHaveBeenCalledTimes(1);
  });
});
