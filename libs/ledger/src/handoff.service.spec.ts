import { addDays, WorkingDayCalendar } from '@tongban/calendar';
import { calendarThrough } from '../../../test/harness/holiday-datasets';
import { loadCityPolicies, loadServiceCatalogue } from '@tongban/catalogue';
import { Database } from '@tongban/database';
import { DomainError, ErrorCode } from '@tongban/errors';
import { Actor, AgencyKind } from '@tongban/identity';
import { OutboxWriter } from '@tongban/messaging';
import fc from 'fast-check';
import { HandoffKey, HandoffRepository, NewHandoff } from './handoff.repository';
import { HandoffService } from './handoff.service';
import { HandoffCaseRepository } from './handoff-case.repository';
import { HandoffEvents } from './handoff.events';
import { HandoffCaseService } from './handoff-case.service';
import { AppConfig } from '@tongban/config';
import { Cause, CaseHeader, Handoff, HandoffStatus, Holder, SubjectFacts } from './ledger.types';
import { ResponsibilityRepository } from './responsibility.repository';
import { SubjectRepository } from './subject.repository';
import { FakeDatabase, PinnedClock, RecordingOutbox, refusal } from '../../../test/harness/service-fakes';

// Monday 1 June 2026, 10:00 in China; the Dragon Boat holiday (19 June) lies past every deadline here
const NOW = new Date('2026-06-01T02:00:00Z');
const TODAY = '2026-06-01';
const REF = `s1_${'B'.repeat(32)}`;
const NANCHANG = '360100';
const GUANGZHOU = '440100';
const SHANGHAI = '310100';
const SHENZHEN = '440300';
const PENSION = 'elder.employee-pension'; // held by the pension branch's insured region, answered by 人社
const RESIDENT_PENSION = 'elder.resident-pension'; // held by the hukou region
const HANDOFF_ID = '5b0f1e7c-2d44-4c1a-9a3e-7f8c6d5b4a31';
const CASE_ID = '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';

const actor = (region: string | null, agency: AgencyKind | null = 'human-resources'): Actor => ({
  region,
  agency: region === null ? null : agency,
  credential: region === null ? 'ops-1' : `${agency}-${region}`,
  requestId: 'req-7',
});
const OPERATOR = actor(null);

/** The person insured for pension in 广州 since May; hukou in 南昌. */
const facts = (pensionRegion: string = GUANGZHOU): SubjectFacts => ({
  subjectRef: REF,
  hukouRegion: NANCHANG,
  residenceCity: null,
  permitId: null,
  residenceSince: null,
  insured: { pension: { region: pensionRegion, since: '2026-05-01' } },
});
const CAUSE: Cause = { reason: 'insured in 440100 for pension', eventId: '9d2c3b4a-5e6f-4a7b-8c9d-0e1f2a3b4c5d' };

const holder = (serviceCode: string, region: string): Holder => ({
  responsibilityId: `resp-${serviceCode}`,
  serviceCode,
  region,
  since: '2025-06-01T00:00:00+08:00',
});

const handoff = (over: Partial<Handoff> = {}): Handoff => ({
  handoffId: HANDOFF_ID,
  caseId: CASE_ID,
  subjectRef: REF,
  serviceCode: PENSION,
  fromRegion: NANCHANG,
  toRegion: GUANGZHOU,
  status: 'proposed',
  reason: CAUSE.reason,
  proposedAt: '2026-05-20T02:00:00.000Z',
  remindOn: '2026-05-29',
  deadline: '2026-06-03',
  deadlineProvisional: false,
  remindedAt: null,
  escalatedAt: null,
  answeredAt: null,
  effectiveAt: null,
  answerReason: null,
  effectiveBy: '2026-08-20',
  decidedByOperator: false,
  ...over,
});

/** Runs fn as the transaction; the outbox below refuses rows written outside one, as the real writer does. */

/** Handoffs in memory; `answer` honours the status check the way the UPDATE … WHERE status = ANY does. */
class FakeHandoffs {
  readonly rows = new Map<string, Handoff>();
  readonly insertAll = jest.fn(async (ns: NewHandoff[]): Promise<Handoff[]> =>
    ns.map((n) => {
      const h = handoff({
        handoffId: n.handoffId,
        caseId: n.caseId,
        subjectRef: n.subjectRef,
        serviceCode: n.serviceCode,
        fromRegion: n.fromRegion,
        toRegion: n.toRegion,
        reason: n.reason,
        proposedAt: NOW.toISOString(),
        remindOn: n.remindOn,
        deadline: n.deadline,
        deadlineProvisional: n.deadlineProvisional,
        effectiveBy: n.effectiveBy,
      });
      this.rows.set(h.handoffId, h);
      return { ...h };
    }),
  );
  readonly openFor = jest.fn(async (subjectRef: string): Promise<Handoff[]> =>
    [...this.rows.values()].filter((h) => h.subjectRef === subjectRef && (h.status === 'proposed' || h.status === 'disputed')),
  );
  readonly find = jest.fn(async (id: string): Promise<Handoff | undefined> => this.copy(id));
  readonly ofCase = jest.fn(async (subjectRef: string, caseId: string): Promise<Handoff[]> =>
    [...this.rows.values()]
      .filter((h) => h.subjectRef === subjectRef && h.caseId === caseId)
      .sort((a, b) => a.serviceCode.localeCompare(b.serviceCode)),
  );
  readonly lock = jest.fn(async (key: HandoffKey): Promise<Handoff | undefined> => this.copy(key.handoffId));
  readonly answer = jest.fn(
    async (
      key: HandoffKey,
      from: readonly HandoffStatus[],
      a: { status: HandoffStatus; reason: string | null; effectiveAt?: string; byOperator?: boolean },
    ): Promise<Handoff | undefined> => {
      const id = key.handoffId;
      const h = this.rows.get(id);
      if (!h || !from.includes(h.status)) return undefined;
      const answered: Handoff = {
        ...h,
        status: a.status,
        answeredAt: NOW.toISOString(),
        answerReason: a.reason,
        effectiveAt: a.effectiveAt ?? null,
        decidedByOperator: a.byOperator === true,
      };
      this.rows.set(id, answered);
      return { ...answered };
    },
  );
  readonly rejectedSince = jest.fn(async (_subjectRef: string, _since: Date): Promise<Set<string>> => new Set());
  readonly needingOperators = jest.fn(async (limit: number): Promise<Handoff[]> => [...this.rows.values()].slice(0, limit));

  put(h: Handoff): Handoff {
    this.rows.set(h.handoffId, h);
    return h;
  }
  private copy(id: string): Handoff | undefined {
    const h = this.rows.get(id);
    return h && { ...h };
  }
}

function setup(calendar: WorkingDayCalendar = new WorkingDayCalendar(), now: Date = NOW) {
  const db = new FakeDatabase();
  const recorded = new RecordingOutbox(db);
  // the per-service events (still written until LEDGER_PER_SERVICE_EVENTS_UNTIL) apart from the case events
  const outbox = {
    get events() {
      return recorded.events.filter((e) => !e.draft.type.includes('.handoff-case-'));
    },
    types(): string[] {
      return this.events.map((e) => e.draft.type);
    },
    get cases() {
      return recorded.events.filter((e) => e.draft.type.includes('.handoff-case-'));
    },
  };
  const handoffs = new FakeHandoffs();
  const cases = {
    insert: jest.fn(async (c: Omit<CaseHeader, 'proposedAt'>) => ({ ...c, proposedAt: now.toISOString() })),
    find: jest.fn(async (caseId: string): Promise<CaseHeader | undefined> => {
      const h = [...handoffs.rows.values()].find((x) => x.caseId === caseId);
      return (
        h && {
          caseId,
          subjectRef: h.subjectRef,
          fromRegion: h.fromRegion,
          toRegion: h.toRegion,
          reason: h.reason,
          proposedAt: h.proposedAt,
          proposedOn: TODAY,
        }
      );
    }),
  };
  const clock = new PinnedClock(now);
  const events = new HandoffEvents(
    recorded as unknown as OutboxWriter,
    { ledger: { perServiceEventsUntil: '2027-06-30' } } as AppConfig,
    clock,
    handoffs as unknown as HandoffRepository,
  );
  const intervals = {
    latest: jest.fn(async (_subjectRef: string): Promise<Holder[]> => [holder(PENSION, NANCHANG), holder(RESIDENT_PENSION, NANCHANG)]),
    // the instant the intervals agree on; here the effective start itself
    handOver: jest.fn(
      async (
        _ref: string,
        _code: string,
        _to: string,
        effectiveStart: string,
        _id: string,
        _cause: Cause,
        _actor: Actor,
      ): Promise<string> => effectiveStart,
    ),
  };
  const subjects = {
    lock: jest.fn(async (_subjectRef: string): Promise<SubjectFacts | undefined> => facts()),
    setConditionsReviewOn: jest.fn(async (_subjectRef: string, _day: string | null): Promise<void> => undefined),
  };
  const service = new HandoffService(
    db as unknown as Database,
    handoffs as unknown as HandoffRepository,
    intervals as unknown as ResponsibilityRepository,
    subjects as unknown as SubjectRepository,
    loadServiceCatalogue(),
    loadCityPolicies(),
    calendar,
    clock,
    cases as unknown as HandoffCaseRepository,
    events,
  );
  const caseService = new HandoffCaseService(
    db as unknown as Database,
    cases as unknown as HandoffCaseRepository,
    handoffs as unknown as HandoffRepository,
    service,
    events,
    subjects as unknown as SubjectRepository,
    loadServiceCatalogue(),
    clock,
  );
  return { service, caseService, db, outbox, handoffs, intervals, subjects, cases, events, recorded };
}

describe('HandoffService.reconcile', () => {
  it('proposes where the computed region differs from the holder: deadline in working days, reminder before it, an effective window', async () => {
    const { service, db, handoffs, outbox } = setup();
    const proposed = await db.tx(() => service.reconcile(facts(), CAUSE, actor(GUANGZHOU), NOW));
    expect(handoffs.insertAll).toHaveBeenCalledTimes(1);
    expect(handoffs.insertAll.mock.calls[0][0]).toEqual([
      {
        handoffId: expect.any(String),
        caseId: expect.any(String),
        subjectRef: REF,
        serviceCode: PENSION,
        fromRegion: NANCHANG,
        toRegion: GUANGZHOU,
        reason: CAUSE.reason,
        causeEventId: CAUSE.eventId,
        proposedOn: TODAY,
        remindOn: '2026-06-10', // 7 working days: 3 before the deadline
        deadline: '2026-06-15', // 10 working days
        deadlineProvisional: false,
        effectiveBy: '2026-09-01', // 92 calendar days
      },
    ]);
    expect(proposed.map((h) => [h.serviceCode, h.toRegion])).toEqual([[PENSION, GUANGZHOU]]);
    expect(outbox.events).toHaveLength(1);
    expect(outbox.events[0].schema).toBe('ledger');
    expect(outbox.events[0].draft).toMatchObject({
      type: 'cn.gov.tongban.ledger.handoff-proposed.v2',
      subject: REF,
      source: `${GUANGZHOU}/ledger`,
      recipients: [NANCHANG, GUANGZHOU],
      actor: `${GUANGZHOU}:human-resources-${GUANGZHOU}`,
      requestId: 'req-7',
      data: {
        serviceCode: PENSION,
        fromRegion: NANCHANG,
        toRegion: GUANGZHOU,
        status: 'proposed',
        deadline: '2026-06-15',
        deadlineProvisional: false,
      },
    });
  });

  it('past the holiday data: proposed Fri 2026-12-18, due Mon 2027-01-04 (not New Year’s Day), provisionally', async () => {
    const at = new Date('2026-12-18T10:00:00+08:00');
    const { service, db, handoffs } = setup(calendarThrough(2026), at);
    await db.tx(() => service.reconcile(facts(), CAUSE, actor(GUANGZHOU), at));
    // Dec 21–25 (5), Mon 28 (6, the dataset's last day), 29–31 (9, provisional), 元旦 skipped, Mon Jan 4 (10).
    expect(handoffs.insertAll.mock.calls[0][0][0]).toMatchObject({
      proposedOn: '2026-12-18',
      remindOn: '2026-12-29',
      deadline: '2027-01-04',
      deadlineProvisional: true,
    });
  });

  it('leaves a service whose holder the facts agree with, and one the catalogue no longer computes', async () => {
    const { service, db, handoffs, intervals } = setup();
    intervals.latest.mockResolvedValue([holder(RESIDENT_PENSION, NANCHANG), holder('old.retired-service', SHENZHEN)]);
    expect(await db.tx(() => service.reconcile(facts(), CAUSE, actor(GUANGZHOU), NOW))).toEqual([]);
    expect(handoffs.insertAll).not.toHaveBeenCalled();
  });

  it('does not propose again what the receiving region rejected in the last 30 days', async () => {
    const { service, db, handoffs } = setup();
    handoffs.rejectedSince.mockResolvedValue(new Set([`${PENSION}|${GUANGZHOU}`]));
    expect(await db.tx(() => service.reconcile(facts(), CAUSE, actor(GUANGZHOU), NOW))).toEqual([]);
    expect(handoffs.rejectedSince).toHaveBeenCalledWith(REF, new Date('2026-05-02T02:00:00Z'));
    // a rejection by another region does not hold this one back
    handoffs.rejectedSince.mockResolvedValue(new Set([`${PENSION}|${SHANGHAI}`]));
    expect(await db.tx(() => service.reconcile(facts(), CAUSE, actor(GUANGZHOU), NOW))).toHaveLength(1);
  });

  it('keeps an open proposal that still fits, without a second one', async () => {
    const { service, db, handoffs, outbox } = setup();
    handoffs.put(handoff({ status: 'disputed' }));
    expect(await db.tx(() => service.reconcile(facts(), CAUSE, actor(GUANGZHOU), NOW))).toEqual([]);
    expect(handoffs.insertAll).not.toHaveBeenCalled();
    expect(handoffs.answer).not.toHaveBeenCalled();
    expect(outbox.events).toEqual([]);
  });

  it('withdraws a proposal the facts no longer call for, and proposes the one they do', async () => {
    const { service, db, handoffs, outbox } = setup();
    handoffs.put(handoff({ toRegion: SHANGHAI, status: 'disputed' }));
    const proposed = await db.tx(() => service.reconcile(facts(), CAUSE, actor(GUANGZHOU), NOW));
    expect(handoffs.answer).toHaveBeenCalledWith(
      expect.objectContaining({ subjectRef: REF, handoffId: HANDOFF_ID }),
      ['proposed', 'disputed'],
      { status: 'withdrawn', reason: `superseded: ${CAUSE.reason}` },
      actor(GUANGZHOU),
    );
    expect(outbox.types()).toEqual(['cn.gov.tongban.ledger.handoff-withdrawn.v1', 'cn.gov.tongban.ledger.handoff-proposed.v2']);
    expect(outbox.events[0].draft).toMatchObject({ recipients: [NANCHANG, SHANGHAI], data: { status: 'withdrawn' } });
    expect(proposed.map((h) => h.toRegion)).toEqual([GUANGZHOU]);
  });

  it('withdraws without a new proposal when the facts point back to the holder', async () => {
    const { service, db, handoffs, outbox } = setup();
    handoffs.put(handoff());
    expect(await db.tx(() => service.reconcile(facts(NANCHANG), CAUSE, actor(NANCHANG), NOW))).toEqual([]);
    expect(handoffs.rows.get(HANDOFF_ID)?.status).toBe('withdrawn');
    expect(outbox.types()).toEqual(['cn.gov.tongban.ledger.handoff-withdrawn.v1']);
  });

  it('a proposal answered meanwhile cannot be withdrawn: 409 invalid-transition, nothing proposed', async () => {
    const { service, db, handoffs, outbox } = setup();
    handoffs.put(handoff({ toRegion: SHANGHAI }));
    handoffs.answer.mockResolvedValueOnce(undefined);
    const e = await refusal(db.tx(() => service.reconcile(facts(), CAUSE, actor(GUANGZHOU), NOW)));
    expect(e).toMatchObject({ code: ErrorCode.InvalidTransition, extensions: { currentStatus: 'proposed' } });
    expect(handoffs.insertAll).not.toHaveBeenCalled();
    expect(outbox.events).toEqual([]);
  });

  it('property: withdraws an open proposal iff its target is no longer computed; proposes iff the target differs from the holder, is not pending and is not resting', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(NANCHANG, GUANGZHOU, SHANGHAI),
        fc.constantFrom(undefined, NANCHANG, GUANGZHOU, SHANGHAI),
        fc.constantFrom<HandoffStatus>('proposed', 'disputed'),
        fc.boolean(),
        async (target, pendingTo, pendingStatus, resting) => {
          const { service, db, handoffs, intervals } = setup();
          intervals.latest.mockResolvedValue([holder(PENSION, NANCHANG)]);
          if (pendingTo !== undefined) handoffs.put(handoff({ toRegion: pendingTo, status: pendingStatus }));
          if (resting) handoffs.rejectedSince.mockResolvedValue(new Set([`${PENSION}|${target}`]));
          const proposed = await db.tx(() => service.reconcile(facts(target), CAUSE, actor(target), NOW));
          const withdraws = pendingTo !== undefined && pendingTo !== target;
          const proposes = target !== NANCHANG && pendingTo !== target && !resting;
          expect(handoffs.answer).toHaveBeenCalledTimes(withdraws ? 1 : 0);
          expect(proposed.map((h) => h.toRegion)).toEqual(proposes ? [target] : []);
        },
      ),
    );
  });
});

describe('HandoffService.accept', () => {
  it('the receiving region accepts: the intervals switch at the effective day in China, both regions are told', async () => {
    const { service, handoffs, intervals, subjects, outbox } = setup();
    handoffs.put(handoff());
    const accepted = await service.accept(HANDOFF_ID, '2026-06-15', actor(GUANGZHOU), NOW);
    expect(intervals.handOver).toHaveBeenCalledWith(
      REF,
      PENSION,
      GUANGZHOU,
      '2026-06-15T00:00:00+08:00',
      HANDOFF_ID,
      { reason: `handoff ${HANDOFF_ID} accepted by ${GUANGZHOU}` },
      actor(GUANGZHOU),
    );
    expect(handoffs.answer).toHaveBeenCalledWith(
      expect.objectContaining({ subjectRef: REF, handoffId: HANDOFF_ID }),
      ['proposed', 'disputed'],
      { status: 'accepted', reason: null, effectiveAt: '2026-06-15T00:00:00+08:00', byOperator: false },
      actor(GUANGZHOU),
    );
    expect(accepted).toMatchObject({ status: 'accepted', effectiveAt: '2026-06-15T00:00:00+08:00', decidedByOperator: false });
    // the person is locked before the handoff, as every fact change does
    expect(subjects.lock).toHaveBeenCalledWith(REF);
    expect(subjects.lock.mock.invocationCallOrder[0]).toBeLessThan(handoffs.lock.mock.invocationCallOrder[0]);
    expect(outbox.types()).toEqual(['cn.gov.tongban.ledger.handoff-accepted.v1', 'cn.gov.tongban.ledger.responsibility-changed.v1']);
    for (const { draft } of outbox.events)
      expect(draft).toMatchObject({ recipients: [NANCHANG, GUANGZHOU], source: `${GUANGZHOU}/ledger` });
    expect(outbox.events[1].draft.data).toEqual({
      subjectRef: REF,
      serviceCode: PENSION,
      fromRegion: NANCHANG,
      toRegion: GUANGZHOU,
      effectiveAt: '2026-06-15T00:00:00+08:00',
      handoffId: HANDOFF_ID,
      reason: CAUSE.reason,
    });
  });

  it.each([
    ['2026-05-31', 'refused', false],
    [TODAY, 'accepted', true],
    ['2026-08-20', 'accepted', true],
    ['2026-08-21', 'refused', false],
  ] as const)('effective from %s is %s: today … effectiveBy (2026-08-20)', async (day, _outcome, ok) => {
    const { service, handoffs, intervals } = setup();
    handoffs.put(handoff());
    const call = service.accept(HANDOFF_ID, day, actor(GUANGZHOU), NOW);
    if (ok) return expect(call).resolves.toMatchObject({ status: 'accepted' });
    const e = await refusal(call);
    expect(e.code).toBe(ErrorCode.ValidationFailed);
    expect(e.extensions).toMatchObject({ notBefore: TODAY, notAfter: '2026-08-20', errors: [{ field: '/body/effectiveFrom' }] });
    expect(intervals.handOver).not.toHaveBeenCalled();
  });

  it('past its effectiveBy, a proposal still open takes effect today only', async () => {
    const { service, handoffs } = setup();
    handoffs.put(handoff({ effectiveBy: '2026-05-25' }));
    const e = await refusal(service.accept(HANDOFF_ID, '2026-06-02', actor(GUANGZHOU), NOW));
    expect(e.extensions).toMatchObject({ notBefore: TODAY, notAfter: TODAY });
    await expect(service.accept(HANDOFF_ID, TODAY, actor(GUANGZHOU), NOW)).resolves.toMatchObject({ status: 'accepted' });
  });

  it('property: an accept takes effect iff its day lies between today and the proposal’s effectiveBy', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: -40, max: 120 }), fc.integer({ min: 0, max: 92 }), async (offset, window) => {
        const { service, handoffs, intervals } = setup();
        handoffs.put(handoff({ effectiveBy: addDays(TODAY, window) }));
        const outcome = await service.accept(HANDOFF_ID, addDays(TODAY, offset), actor(GUANGZHOU), NOW).then(
          (h) => h.status,
          (e: unknown) => (e instanceof DomainError ? e.code : e),
        );
        expect(outcome).toBe(offset >= 0 && offset <= window ? 'accepted' : ErrorCode.ValidationFailed);
        expect(intervals.handOver).toHaveBeenCalledTimes(outcome === 'accepted' ? 1 : 0);
      }),
    );
  });

  it('only the receiving region, through the agency providing the service, accepts; others learn nothing', async () => {
    const { service, handoffs, intervals } = setup();
    handoffs.put(handoff());
    const releasing = await refusal(service.accept(HANDOFF_ID, TODAY, actor(NANCHANG), NOW));
    expect(releasing.code).toBe(ErrorCode.Forbidden);
    const agency = await refusal(service.accept(HANDOFF_ID, TODAY, actor(GUANGZHOU, 'public-security'), NOW));
    expect(agency).toMatchObject({ code: ErrorCode.Forbidden, extensions: { requiredAgency: 'human-resources' } });
    expect((await refusal(service.accept(HANDOFF_ID, TODAY, actor(SHENZHEN), NOW))).code).toBe(ErrorCode.NotFound);
    expect((await refusal(service.accept(HANDOFF_ID, TODAY, OPERATOR, NOW))).code).toBe(ErrorCode.NotFound);
    expect((await refusal(service.accept('00000000-0000-4000-8000-000000000000', TODAY, actor(GUANGZHOU), NOW))).code).toBe(
      ErrorCode.NotFound,
    );
    expect(intervals.handOver).not.toHaveBeenCalled();
  });

  it.each<HandoffStatus>(['disputed', 'accepted', 'rejected', 'withdrawn'])(
    'a %s proposal cannot be accepted: 409 naming its status',
    async (status) => {
      const { service, handoffs, intervals } = setup();
      handoffs.put(handoff({ status }));
      const e = await refusal(service.accept(HANDOFF_ID, TODAY, actor(GUANGZHOU), NOW));
      expect(e).toMatchObject({ code: ErrorCode.InvalidTransition, extensions: { currentStatus: status } });
      expect(intervals.handOver).not.toHaveBeenCalled();
    },
  );

  it('an answer the repository no longer takes (answered meanwhile) is 409, with no event', async () => {
    const { service, handoffs, outbox } = setup();
    handoffs.put(handoff());
    handoffs.answer.mockResolvedValueOnce(undefined);
    const e = await refusal(service.accept(HANDOFF_ID, TODAY, actor(GUANGZHOU), NOW));
    expect(e).toMatchObject({ code: ErrorCode.InvalidTransition, extensions: { currentStatus: 'proposed' } });
    expect(outbox.events).toEqual([]);
  });
});

describe('HandoffService.reject and object', () => {
  it('the receiving region rejects with a reason; the event carries it to both regions', async () => {
    const { service, handoffs, outbox } = setup();
    handoffs.put(handoff());
    const rejected = await service.reject(HANDOFF_ID, 'the person never worked here', actor(GUANGZHOU));
    expect(handoffs.answer).toHaveBeenCalledWith(
      expect.objectContaining({ subjectRef: REF, handoffId: HANDOFF_ID }),
      ['proposed'],
      { status: 'rejected', reason: 'the person never worked here' },
      actor(GUANGZHOU),
    );
    expect(rejected).toMatchObject({ status: 'rejected', answerReason: 'the person never worked here' });
    expect(outbox.events.map((e) => e.draft)).toMatchObject([
      {
        type: 'cn.gov.tongban.ledger.handoff-rejected.v1',
        recipients: [NANCHANG, GUANGZHOU],
        data: { status: 'rejected', answerReason: 'the person never worked here' },
      },
    ]);
  });

  it('the releasing region objects: a dispute for operators, nothing moves', async () => {
    const { service, handoffs, intervals, outbox } = setup();
    handoffs.put(handoff());
    const disputed = await service.object(HANDOFF_ID, 'still employed here', actor(NANCHANG));
    expect(disputed.status).toBe('disputed');
    expect(intervals.handOver).not.toHaveBeenCalled();
    expect(outbox.events.map((e) => e.draft)).toMatchObject([
      { type: 'cn.gov.tongban.ledger.handoff-objected.v1', source: `${NANCHANG}/ledger`, data: { answerReason: 'still employed here' } },
    ]);
  });

  it('each side answers only its own question', async () => {
    const { service, handoffs, outbox } = setup();
    handoffs.put(handoff());
    const rejectByReleasing = await refusal(service.reject(HANDOFF_ID, 'no', actor(NANCHANG)));
    expect(rejectByReleasing.code).toBe(ErrorCode.Forbidden);
    expect(rejectByReleasing.detail).toContain('only the receiving region answers');
    const objectByReceiving = await refusal(service.object(HANDOFF_ID, 'no', actor(GUANGZHOU)));
    expect(objectByReceiving.code).toBe(ErrorCode.Forbidden);
    expect(objectByReceiving.detail).toContain('only the releasing region objects');
    expect((await refusal(service.object(HANDOFF_ID, 'no', actor(NANCHANG, 'civil-affairs')))).code).toBe(ErrorCode.Forbidden);
    expect((await refusal(service.reject(HANDOFF_ID, 'no', actor(SHANGHAI)))).code).toBe(ErrorCode.NotFound);
    expect(outbox.events).toEqual([]);
  });

  it('a disputed proposal is for operators: neither side answers it again', async () => {
    const { service, handoffs } = setup();
    handoffs.put(handoff({ status: 'disputed' }));
    expect((await refusal(service.reject(HANDOFF_ID, 'no', actor(GUANGZHOU)))).extensions).toEqual({ currentStatus: 'disputed' });
    expect((await refusal(service.object(HANDOFF_ID, 'no', actor(NANCHANG)))).code).toBe(ErrorCode.InvalidTransition);
  });
});

describe('HandoffService.decide', () => {
  it('is for operators only, even a party to the handoff', async () => {
    const { service, handoffs, db } = setup();
    handoffs.put(handoff({ status: 'disputed' }));
    const e = await refusal(service.decide(HANDOFF_ID, { decision: 'reject', reason: 'r' }, actor(GUANGZHOU), NOW));
    expect(e.code).toBe(ErrorCode.Forbidden);
    expect(db.transactions).toBe(0);
  });

  it('an unknown handoff is 404', async () => {
    const { service } = setup();
    expect((await refusal(service.decide(HANDOFF_ID, { decision: 'reject', reason: 'r' }, OPERATOR, NOW))).code).toBe(ErrorCode.NotFound);
  });

  it.each([
    ['proposed, not escalated', handoff()],
    ['accepted', handoff({ status: 'accepted' })],
    ['rejected', handoff({ status: 'rejected', escalatedAt: '2026-05-30T01:00:00.000Z' })],
    ['withdrawn', handoff({ status: 'withdrawn' })],
  ])('decides disputed or escalated proposals only, not one %s', async (_what, h) => {
    const { service, handoffs } = setup();
    handoffs.put(h);
    const e = await refusal(service.decide(HANDOFF_ID, { decision: 'reject', reason: 'r' }, OPERATOR, NOW));
    expect(e).toMatchObject({ code: ErrorCode.InvalidTransition, extensions: { currentStatus: h.status } });
  });

  it('rejects a dispute, marked as decided by operators, told to both regions', async () => {
    const { service, handoffs, outbox } = setup();
    handoffs.put(handoff({ status: 'disputed' }));
    const rejected = await service.decide(HANDOFF_ID, { decision: 'reject', reason: 'the releasing region is right' }, OPERATOR, NOW);
    expect(handoffs.answer).toHaveBeenCalledWith(
      expect.objectContaining({ subjectRef: REF, handoffId: HANDOFF_ID }),
      ['proposed', 'disputed'],
      { status: 'rejected', reason: 'the releasing region is right', byOperator: true },
      OPERATOR,
    );
    expect(rejected).toMatchObject({ status: 'rejected', decidedByOperator: true });
    expect(outbox.events.map((e) => e.draft)).toMatchObject([
      {
        type: 'cn.gov.tongban.ledger.handoff-rejected.v1',
        source: 'operator/ledger',
        actor: 'operator:ops-1',
        recipients: [NANCHANG, GUANGZHOU],
      },
    ]);
  });

  it('accepting needs the effective day (422 at /body/effectiveFrom), then switches as an accept does', async () => {
    const { service, handoffs, intervals, outbox } = setup();
    handoffs.put(handoff({ escalatedAt: '2026-05-30T01:00:00.000Z' }));
    const missing = await refusal(service.decide(HANDOFF_ID, { decision: 'accept', reason: 'deadline passed' }, OPERATOR, NOW));
    expect(missing).toMatchObject({ code: ErrorCode.ValidationFailed, extensions: { errors: [{ field: '/body/effectiveFrom' }] } });
    expect(intervals.handOver).not.toHaveBeenCalled();
    const late = await refusal(
      service.decide(HANDOFF_ID, { decision: 'accept', reason: 'deadline passed', effectiveFrom: '2026-08-21' }, OPERATOR, NOW),
    );
    expect(late.extensions).toMatchObject({ notBefore: TODAY, notAfter: '2026-08-20' });

    const accepted = await service.decide(
      HANDOFF_ID,
      { decision: 'accept', reason: 'deadline passed', effectiveFrom: '2026-07-01' },
      OPERATOR,
      NOW,
    );
    expect(intervals.handOver.mock.calls[0][5]).toEqual({ reason: `handoff ${HANDOFF_ID} decided by operators` });
    expect(handoffs.answer).toHaveBeenLastCalledWith(
      expect.objectContaining({ subjectRef: REF, handoffId: HANDOFF_ID }),
      ['proposed', 'disputed'],
      { status: 'accepted', reason: 'deadline passed', effectiveAt: '2026-07-01T00:00:00+08:00', byOperator: true },
      OPERATOR,
    );
    expect(accepted).toMatchObject({ status: 'accepted', decidedByOperator: true, answerReason: 'deadline passed' });
    expect(outbox.types()).toEqual(['cn.gov.tongban.ledger.handoff-accepted.v1', 'cn.gov.tongban.ledger.responsibility-changed.v1']);
    for (const { draft } of outbox.events) expect(draft).toMatchObject({ source: 'operator/ledger', recipients: [NANCHANG, GUANGZHOU] });
  });
});

describe('HandoffService reads and deadline steps', () => {
  it('a handoff is shown to its two regions and to operators only', async () => {
    const { service, handoffs } = setup();
    handoffs.put(handoff());
    await expect(service.get(HANDOFF_ID, NANCHANG)).resolves.toMatchObject({ handoffId: HANDOFF_ID });
    await expect(service.get(HANDOFF_ID, GUANGZHOU)).resolves.toMatchObject({ handoffId: HANDOFF_ID });
    await expect(service.get(HANDOFF_ID, null)).resolves.toMatchObject({ handoffId: HANDOFF_ID });
    expect((await refusal(service.get(HANDOFF_ID, SHENZHEN))).code).toBe(ErrorCode.NotFound);
  });

  it("operators' queue pages on to the last id of a full page", async () => {
    const { service, handoffs } = setup();
    handoffs.put(handoff({ handoffId: '00000000-0000-4000-8000-000000000001', status: 'disputed' }));
    handoffs.put(handoff({ handoffId: '00000000-0000-4000-8000-000000000002', status: 'disputed' }));
    expect((await service.operatorQueue(2, undefined)).next).toBe('00000000-0000-4000-8000-000000000002');
    expect((await service.operatorQueue(3, undefined)).next).toBeNull();
  });
});

describe('one move, one case', () => {
  const MINIMUM_LIVING = 'assist.minimum-living'; // answered by 民政 (civil affairs)
  const caseOf = (): Handoff[] => [
    handoff({ handoffId: '00000000-0000-4000-8000-00000000000a', serviceCode: PENSION }),
    handoff({ handoffId: '00000000-0000-4000-8000-00000000000b', serviceCode: RESIDENT_PENSION }),
    handoff({ handoffId: '00000000-0000-4000-8000-00000000000c', serviceCode: MINIMUM_LIVING }),
  ];

  it('a cause proposes one case per pair of regions, told once with every service that moves', async () => {
    const { service, db, outbox, intervals } = setup();
    const UNEMPLOYMENT = 'emp.unemployment-insurance';
    const WORK_INJURY = 'emp.work-injury-insurance';
    // pension and unemployment insured in 广州 (from 南昌); work injury last held by 上海, back to the hukou region
    intervals.latest.mockResolvedValueOnce([
      holder(PENSION, NANCHANG),
      holder(UNEMPLOYMENT, NANCHANG),
      holder(RESIDENT_PENSION, NANCHANG),
      holder(WORK_INJURY, SHANGHAI),
    ]);
    const insured = {
      ...facts(),
      insured: { pension: { region: GUANGZHOU, since: '2026-05-01' }, unemployment: { region: GUANGZHOU, since: '2026-05-01' } },
    };
    const proposed = await db.tx(() => service.reconcile(insured, CAUSE, actor(GUANGZHOU), NOW));
    const caseOf = (code: string): string | undefined => proposed.find((h) => h.serviceCode === code)?.caseId;
    expect(proposed.map((h) => h.serviceCode).sort()).toEqual([PENSION, UNEMPLOYMENT, WORK_INJURY]);
    expect(caseOf(PENSION)).toBe(caseOf(UNEMPLOYMENT));
    expect(caseOf(WORK_INJURY)).not.toBe(caseOf(PENSION));
    expect(outbox.cases.map((e) => e.draft.data)).toEqual([
      expect.objectContaining({
        caseId: caseOf(PENSION),
        fromRegion: NANCHANG,
        toRegion: GUANGZHOU,
        services: [expect.objectContaining({ serviceCode: PENSION }), expect.objectContaining({ serviceCode: UNEMPLOYMENT })],
      }),
      expect.objectContaining({
        caseId: caseOf(WORK_INJURY),
        fromRegion: SHANGHAI,
        toRegion: NANCHANG,
        services: [expect.objectContaining({ serviceCode: WORK_INJURY })],
      }),
    ]);
    expect(outbox.cases.map((e) => e.draft.recipients)).toEqual([
      [NANCHANG, GUANGZHOU],
      [SHANGHAI, NANCHANG],
    ]);
  });

  it('a whole-case accept takes the open services the caller’s agency provides, in one transaction and one event', async () => {
    const { caseService, handoffs, outbox, intervals } = setup();
    for (const h of caseOf()) handoffs.put(h);
    const after = await caseService.accept(CASE_ID, { effectiveFrom: '2026-06-15' }, actor(GUANGZHOU));
    expect(intervals.handOver.mock.calls.map((c) => c[1]).sort()).toEqual([PENSION, RESIDENT_PENSION]);
    expect(after.status).toBe('open');
    expect(after.handoffs.map((h) => [h.serviceCode, h.status])).toEqual([
      [MINIMUM_LIVING, 'proposed'],
      [PENSION, 'accepted'],
      [RESIDENT_PENSION, 'accepted'],
    ]);
    expect(outbox.cases).toHaveLength(1);
    expect(outbox.cases[0].draft.data).toMatchObject({ step: 'accepted', open: [MINIMUM_LIVING] });
    expect((outbox.cases[0].draft.data as { services: unknown[] }).services).toHaveLength(2);
  });

  it('per service: named services must be of the case (422), the caller’s agency’s (403) and still open (409)', async () => {
    const { caseService, handoffs, outbox } = setup();
    for (const h of caseOf()) handoffs.put(h);
    const civil = actor(GUANGZHOU, 'civil-affairs');
    expect((await refusal(caseService.reject(CASE_ID, { reason: 'r', services: ['edu.compulsory'] }, civil))).code).toBe(
      ErrorCode.ValidationFailed,
    );
    expect((await refusal(caseService.reject(CASE_ID, { reason: 'r', services: [PENSION] }, civil))).code).toBe(ErrorCode.Forbidden);
    const rejected = await caseService.reject(CASE_ID, { reason: 'not resident', services: [MINIMUM_LIVING] }, civil);
    expect(rejected.handoffs.find((h) => h.serviceCode === MINIMUM_LIVING)?.status).toBe('rejected');
    expect((await refusal(caseService.reject(CASE_ID, { reason: 'r', services: [MINIMUM_LIVING] }, civil))).code).toBe(
      ErrorCode.InvalidTransition,
    );
    expect(outbox.cases.map((e) => (e.draft.data as { step: string }).step)).toEqual(['rejected']);
  });

  it('only the receiving region answers, the releasing one objects; another region learns nothing', async () => {
    const { caseService, handoffs } = setup();
    for (const h of caseOf()) handoffs.put(h);
    expect((await refusal(caseService.get(CASE_ID, SHENZHEN))).code).toBe(ErrorCode.NotFound);
    expect((await refusal(caseService.accept(CASE_ID, { effectiveFrom: TODAY }, actor(SHENZHEN)))).code).toBe(ErrorCode.NotFound);
    expect((await refusal(caseService.accept(CASE_ID, { effectiveFrom: TODAY }, actor(NANCHANG)))).code).toBe(ErrorCode.Forbidden);
    expect((await refusal(caseService.object(CASE_ID, { reason: 'still here' }, actor(GUANGZHOU)))).code).toBe(ErrorCode.Forbidden);
    const disputed = await caseService.object(CASE_ID, { reason: 'still here' }, actor(NANCHANG));
    expect(disputed.handoffs.filter((h) => h.status === 'disputed').map((h) => h.serviceCode)).toEqual([PENSION, RESIDENT_PENSION]);
  });

  it('a single-service answer is a step of its case: the case event names what stays open', async () => {
    const { service, handoffs, outbox } = setup();
    for (const h of caseOf()) handoffs.put(h);
    await service.accept('00000000-0000-4000-8000-00000000000a', '2026-06-15', actor(GUANGZHOU));
    expect(outbox.cases[0].draft.data).toMatchObject({ step: 'accepted', open: [MINIMUM_LIVING, RESIDENT_PENSION] });
  });

  it('after LEDGER_PER_SERVICE_EVENTS_UNTIL only the case events are written', async () => {
    const { caseService, handoffs, recorded } = setup(new WorkingDayCalendar(), new Date('2027-07-01T02:00:00Z'));
    for (const h of caseOf()) handoffs.put(h);
    await caseService.reject(CASE_ID, { reason: 'not resident' }, actor(GUANGZHOU));
    expect(recorded.types()).toEqual(['cn.gov.tongban.ledger.handoff-case-updated.v1']);
  });
});
