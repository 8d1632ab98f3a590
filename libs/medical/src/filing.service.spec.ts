import { addDays, addMonths } from '@tongban/calendar';
import { Database } from '@tongban/database';
import { DomainError, ErrorCode } from '@tongban/errors';
import { Actor, AgencyKind, makeCitizenId, parseCitizenId, SubjectRefs } from '@tongban/identity';
import { SubjectService } from '@tongban/ledger';
import { OutboxWriter } from '@tongban/messaging';
import fc from 'fast-check';
import { FilingRepository, NewFiling } from './filing.repository';
import { FilingService } from './filing.service';
import { FilingCategory, MedicalFiling, RegisterFilingCommand, termOf } from './medical.types';
import { FakeDatabase, PinnedClock, RecordingOutbox, refusal } from '../../../test/harness/service-fakes';

// 10:00 on 10 October 2026 in China
const NOW = new Date('2026-10-10T02:00:00Z');
const TODAY = '2026-10-10';
const NANCHANG = '360100'; // the person's insured region (江西)
const JINGDEZHEN = '360200'; // same province
const GUANGZHOU = '440100'; // treatment region (广东)
const TIANHE = '440106'; // a district of 广州
const GUANGDONG = '440000';
const SHANGHAI = '310100';
const CITIZEN_ID = makeCitizenId('360102', '19550301', '018');
const refs = new SubjectRefs([{ version: 1, secret: Buffer.alloc(32, 5) }], 1);
const SUBJECT_REF = refs.ref(parseCitizenId(CITIZEN_ID));
const FILING_ID = '3e9b7c1d-6a2f-4b8e-9c0d-1f2e3a4b5c6d';

const actor = (region: string | null, agency: AgencyKind | null = 'healthcare-security'): Actor => ({
  region,
  agency: region === null ? null : agency,
  credential: `${agency ?? 'ops'}-${region ?? 'ops'}`,
  requestId: 'req-9',
});

const register = (over: Partial<RegisterFilingCommand> = {}): RegisterFilingCommand => ({
  citizenId: CITIZEN_ID,
  category: 'resettled-retiree',
  treatmentRegion: GUANGZHOU,
  validFrom: '2026-11-01',
  ...over,
});

const filing = (over: Partial<MedicalFiling> = {}): MedicalFiling => ({
  filingId: FILING_ID,
  subjectRef: SUBJECT_REF,
  insuredRegion: NANCHANG,
  treatmentRegion: GUANGZHOU,
  category: 'resettled-retiree',
  term: 'long-term',
  validFrom: '2026-11-01',
  validTo: null,
  status: 'active',
  registeredAt: '2026-10-01T03:00:00.000Z',
  cancelledAt: null,
  cancellationReason: null,
  ...over,
});

/** Filings in memory. */
class FakeFilings {
  readonly rows = new Map<string, MedicalFiling>();
  readonly insert = jest.fn(async (f: NewFiling, _actor: Actor): Promise<MedicalFiling> => {
    const stored = filing({ ...f, term: termOf(f.category), registeredAt: NOW.toISOString() });
    this.rows.set(stored.filingId, stored);
    return { ...stored };
  });
  readonly findById = jest.fn(async (id: string, _lock?: boolean): Promise<MedicalFiling | undefined> => {
    const f = this.rows.get(id);
    return f && { ...f };
  });
  readonly findOverlappingLongTerm = jest.fn(
    async (_subjectRef: string, _from: string, _to: string | null): Promise<MedicalFiling | undefined> => undefined,
  );
  readonly cancel = jest.fn(async (id: string, reason: string | null, _actor: Actor): Promise<MedicalFiling> => {
    const f = this.rows.get(id);
    if (!f || f.status !== 'active') throw new Error(`filing ${id} is not active`);
    const cancelled: MedicalFiling = { ...f, status: 'cancelled', cancelledAt: NOW.toISOString(), cancellationReason: reason };
    this.rows.set(id, cancelled);
    return { ...cancelled };
  });
}

function setup() {
  const db = new FakeDatabase();
  const outbox = new RecordingOutbox(db);
  const filings = new FakeFilings();
  // the ledger's holders of the person's medical insurance now; undefined for a person it does not know
  const ledger = { medicalInsurers: jest.fn(async (_subjectRef: string): Promise<string[] | undefined> => [NANCHANG]) };
  const service = new FilingService(
    db as unknown as Database,
    filings as unknown as FilingRepository,
    outbox as unknown as OutboxWriter,
    refs,
    ledger as unknown as SubjectService,
    new PinnedClock(NOW),
  );
  return { service, filings, ledger, outbox };
}

describe('FilingService.register', () => {
  it("the person's insured region registers a long-term filing, open-ended; both regions are told", async () => {
    const { service, filings, ledger, outbox } = setup();
    const f = await service.register(register(), actor(NANCHANG));
    expect(ledger.medicalInsurers).toHaveBeenCalledWith(SUBJECT_REF);
    expect(filings.findOverlappingLongTerm).toHaveBeenCalledWith(SUBJECT_REF, '2026-11-01', null);
    expect(filings.insert).toHaveBeenCalledWith(
      {
        filingId: expect.any(String),
        subjectRef: SUBJECT_REF,
        insuredRegion: NANCHANG,
        treatmentRegion: GUANGZHOU,
        category: 'resettled-retiree',
        validFrom: '2026-11-01',
        validTo: null,
      },
      actor(NANCHANG),
    );
    expect(f).toMatchObject({ term: 'long-term', status: 'active' });
    expect(outbox.events).toHaveLength(1);
    expect(outbox.events[0]).toMatchObject({
      schema: 'medical',
      draft: {
        type: 'cn.gov.tongban.medical.filing-registered.v1',
        subject: SUBJECT_REF,
        source: `${NANCHANG}/medical-settlement`,
        recipients: [GUANGZHOU, NANCHANG],
        actor: `${NANCHANG}:healthcare-security-${NANCHANG}`,
        requestId: 'req-9',
        data: { filingId: f.filingId, term: 'long-term', validTo: null, registeredAt: f.registeredAt },
      },
    });
    expect(JSON.stringify(outbox.events)).not.toContain(CITIZEN_ID);
  });

  it('a temporary filing names its last day and is not checked against long-term ones', async () => {
    const { service, filings } = setup();
    const f = await service.register(register({ category: 'referral', validTo: '2026-12-31' }), actor(NANCHANG));
    expect(f).toMatchObject({ term: 'temporary', validTo: '2026-12-31' });
    expect(filings.findOverlappingLongTerm).not.toHaveBeenCalled();
  });

  it('is for the 医保 agency of a region: 403 naming it', async () => {
    const { service, filings } = setup();
    const e = await refusal(service.register(register(), actor(NANCHANG, 'human-resources')));
    expect(e).toMatchObject({ code: ErrorCode.Forbidden, extensions: { requiredAgency: 'healthcare-security' } });
    expect((await refusal(service.register(register(), actor(null)))).code).toBe(ErrorCode.Forbidden);
    expect(filings.insert).not.toHaveBeenCalled();
  });

  it.each([
    ['a treatment region that is not one', { treatmentRegion: '449999' }, ErrorCode.InvalidRegionCode, '/body/treatmentRegion', undefined],
    [
      'a treatment region in the same province',
      { treatmentRegion: JINGDEZHEN },
      ErrorCode.RuleViolated,
      '/body/treatmentRegion',
      'cross-province',
    ],
    ['the insured region itself', { treatmentRegion: NANCHANG }, ErrorCode.RuleViolated, '/body/treatmentRegion', 'cross-province'],
    ['a temporary filing without validTo', { category: 'emergency' }, ErrorCode.RuleViolated, '/body/validTo', 'temporary-needs-end'],
    ['validTo before validFrom', { validTo: '2026-10-31' }, ErrorCode.RuleViolated, '/body/validTo', 'validity-order'],
  ] as const)('refuses %s', async (_what, over, code, field, rule) => {
    const { service, filings, ledger } = setup();
    const e = await refusal(service.register(register(over), actor(NANCHANG)));
    expect(e.code).toBe(code);
    expect(e.extensions.field).toBe(field);
    expect(e.extensions.rule).toBe(rule);
    expect(ledger.medicalInsurers).not.toHaveBeenCalled();
    expect(filings.insert).not.toHaveBeenCalled();
  });

  it.each([
    ['a validFrom a year and a day back', { validFrom: '2025-10-09' }, '/body/validFrom', '2025-10-10', '2027-10-10'],
    ['a validFrom a year and a day ahead', { validFrom: '2027-10-11' }, '/body/validFrom', '2025-10-10', '2027-10-10'],
    ['a validTo ten years and a day after validFrom', { validTo: '2036-11-02' }, '/body/validTo', '2026-11-01', '2036-11-01'],
  ] as const)('refuses %s with 422 naming the field and its window', async (_what, over, field, notBefore, notAfter) => {
    const { service } = setup();
    const e = await refusal(service.register(register(over), actor(NANCHANG)));
    expect(e.code).toBe(ErrorCode.ValidationFailed);
    expect(e.extensions).toMatchObject({ errors: [{ field }], notBefore, notAfter });
  });

  it('property: validFrom within a year of today either way, validTo from validFrom to ten years after it', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: -400, max: 400 }),
        fc.option(fc.integer({ min: -3, max: 3700 }), { nil: undefined }),
        fc.constantFrom<FilingCategory>('long-term-resident', 'posted-worker', 'referral', 'other-temporary'),
        async (fromOffset, length, category) => {
          const { service } = setup();
          const validFrom = addDays(TODAY, fromOffset);
          const validTo = length === undefined ? undefined : addDays(validFrom, length);
          const outcome = await service.register(register({ category, validFrom, validTo }), actor(NANCHANG)).then(
            (f) => f.status,
            (e: unknown) => (e instanceof DomainError ? e.code : e),
          );
          let expected: string = 'active';
          if (termOf(category) === 'temporary' && validTo === undefined) expected = ErrorCode.RuleViolated;
          else if (validFrom < addMonths(TODAY, -12) || validFrom > addMonths(TODAY, 12)) expected = ErrorCode.ValidationFailed;
          else if (validTo !== undefined && validTo < validFrom) expected = ErrorCode.RuleViolated;
          else if (validTo !== undefined && validTo > addMonths(validFrom, 120)) expected = ErrorCode.ValidationFailed;
          expect(outcome).toBe(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a person the ledger does not know is 404; a region not insuring them is 403', async () => {
    const { service, ledger, filings, outbox } = setup();
    ledger.medicalInsurers.mockResolvedValueOnce(undefined);
    expect((await refusal(service.register(register(), actor(NANCHANG)))).code).toBe(ErrorCode.NotFound);
    ledger.medicalInsurers.mockResolvedValueOnce([SHANGHAI]);
    const e = await refusal(service.register(register(), actor(NANCHANG)));
    expect(e).toMatchObject({ code: ErrorCode.Forbidden, extensions: { rule: 'insured-region-only' } });
    expect(filings.insert).not.toHaveBeenCalled();
    expect(outbox.events).toEqual([]);
  });

  it('one active long-term filing per person at a time: 409 naming the one it overlaps', async () => {
    const { service, filings } = setup();
    filings.findOverlappingLongTerm.mockResolvedValueOnce(filing({ validFrom: '2026-01-01', validTo: null }));
    const e = await refusal(service.register(register({ category: 'posted-worker', validTo: '2027-06-30' }), actor(NANCHANG)));
    expect(e).toMatchObject({ code: ErrorCode.Conflict, extensions: { rule: 'one-active-long-term-filing' } });
    expect(e.detail).toContain('2026-01-01..open');
    expect(filings.findOverlappingLongTerm).toHaveBeenCalledWith(SUBJECT_REF, '2026-11-01', '2027-06-30');
    expect(filings.insert).not.toHaveBeenCalled();
  });

  it('a concurrent registration caught by the exclusion constraint is the same 409; other errors pass through', async () => {
    const { service, filings } = setup();
    filings.insert.mockRejectedValueOnce(
      Object.assign(new Error('conflicting key'), { code: '23P01', constraint: 'filings_one_active_long_term' }),
    );
    const e = await refusal(service.register(register(), actor(NANCHANG)));
    expect(e).toMatchObject({ code: ErrorCode.Conflict, extensions: { rule: 'one-active-long-term-filing' } });
    const other = Object.assign(new Error('conflicting key'), { code: '23P01', constraint: 'something_else' });
    filings.insert.mockRejectedValueOnce(other);
    await expect(service.register(register(), actor(NANCHANG))).rejects.toBe(other);
  });
});

describe('FilingService.get', () => {
  it.each([
    ['operators', null],
    ['the insured region', NANCHANG],
    ['the treatment region', GUANGZHOU],
    ['a district of the treatment city', TIANHE],
    ['the province of the treatment city', GUANGDONG],
  ])('shows a filing to %s', async (_who, region) => {
    const { service, filings } = setup();
    filings.rows.set(FILING_ID, filing());
    await expect(service.get(FILING_ID, region)).resolves.toMatchObject({ filingId: FILING_ID });
  });

  it('is 404 to any other region, as for a filing that does not exist', async () => {
    const { service, filings } = setup();
    filings.rows.set(FILING_ID, filing());
    expect((await refusal(service.get(FILING_ID, SHANGHAI))).code).toBe(ErrorCode.NotFound);
    expect((await refusal(service.get(FILING_ID, JINGDEZHEN))).code).toBe(ErrorCode.NotFound);
    expect((await refusal(service.get('00000000-0000-4000-8000-000000000000', null))).code).toBe(ErrorCode.NotFound);
  });
});

describe('FilingService.cancel', () => {
  it('the registering region cancels; both regions are told, with the reason', async () => {
    const { service, filings, outbox } = setup();
    filings.rows.set(FILING_ID, filing());
    const cancelled = await service.cancel(FILING_ID, { reason: 'returned home' }, actor(NANCHANG));
    expect(filings.findById).toHaveBeenCalledWith(FILING_ID, true);
    expect(filings.cancel).toHaveBeenCalledWith(FILING_ID, 'returned home', actor(NANCHANG));
    expect(cancelled).toMatchObject({ status: 'cancelled', cancellationReason: 'returned home' });
    expect(outbox.events.map((e) => e.draft)).toMatchObject([
      {
        type: 'cn.gov.tongban.medical.filing-cancelled.v1',
        source: `${NANCHANG}/medical-settlement`,
        recipients: [GUANGZHOU, NANCHANG],
        data: { filingId: FILING_ID, cancelledAt: NOW.toISOString(), reason: 'returned home' },
      },
    ]);
  });

  it("the person's insured region now cancels a filing another region registered; without a body, no reason", async () => {
    const { service, filings, ledger, outbox } = setup();
    filings.rows.set(FILING_ID, filing({ insuredRegion: SHANGHAI }));
    ledger.medicalInsurers.mockResolvedValue([NANCHANG]);
    await expect(service.cancel(FILING_ID, undefined, actor(NANCHANG))).resolves.toMatchObject({ status: 'cancelled' });
    expect(filings.cancel).toHaveBeenCalledWith(FILING_ID, null, actor(NANCHANG));
    expect(outbox.events[0].draft).toMatchObject({ source: `${NANCHANG}/medical-settlement`, recipients: [GUANGZHOU, SHANGHAI] });
  });

  it('the treatment region sees the filing but cannot cancel it (403); another region learns nothing (404)', async () => {
    const { service, filings } = setup();
    filings.rows.set(FILING_ID, filing());
    expect((await refusal(service.cancel(FILING_ID, undefined, actor(GUANGZHOU)))).code).toBe(ErrorCode.Forbidden);
    expect((await refusal(service.cancel(FILING_ID, undefined, actor(SHANGHAI)))).code).toBe(ErrorCode.NotFound);
    expect((await refusal(service.cancel('00000000-0000-4000-8000-000000000000', undefined, actor(NANCHANG)))).code).toBe(
      ErrorCode.NotFound,
    );
    expect((await refusal(service.cancel(FILING_ID, undefined, actor(NANCHANG, 'civil-affairs')))).extensions).toEqual({
      requiredAgency: 'healthcare-security',
    });
    expect(filings.cancel).not.toHaveBeenCalled();
  });

  it('a cancelled filing is not cancelled again: 409 naming its status', async () => {
    const { service, filings, outbox } = setup();
    filings.rows.set(FILING_ID, filing({ status: 'cancelled', cancelledAt: '2026-10-02T01:00:00.000Z' }));
    const e = await refusal(service.cancel(FILING_ID, undefined, actor(NANCHANG)));
    expect(e).toMatchObject({ code: ErrorCode.InvalidTransition, extensions: { currentStatus: 'cancelled' } });
    expect(e.detail).toContain('2026-10-02T01:00:00.000Z');
    expect(filings.cancel).not.toHaveBeenCalled();
    expect(outbox.events).toEqual([]);
  });
});
