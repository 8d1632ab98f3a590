import { WorkingDayCalendar } from '@tongban/calendar';
import { loadCityPolicies, loadServiceCatalogue } from '@tongban/catalogue';
import { Database } from '@tongban/database';
import { SubjectRefs } from '@tongban/identity';
import { OutboxWriter } from '@tongban/messaging';
import { FactChangeRepository } from './fact-change.repository';
import { HandoffRepository, NewHandoff } from './handoff.repository';
import { HandoffService } from './handoff.service';
import { HandoffCaseRepository } from './handoff-case.repository';
import { HandoffEvents } from './handoff.events';
import { AppConfig } from '@tongban/config';
import { Handoff, Holder, SubjectFacts } from './ledger.types';
import { isHeld } from './responsibility.rules';
import { ResponsibilityRepository } from './responsibility.repository';
import { SubjectRepository } from './subject.repository';
import { SubjectService, TransferCompleted } from './subject.service';
import { FakeDatabase, PinnedClock, RecordingOutbox } from '../../../test/harness/service-fakes';

const NOW = new Date('2026-06-01T02:00:00Z');
const TODAY = '2026-06-01';
const REF = `s1_${'C'.repeat(32)}`;
const NANCHANG = '360100';
const SHANGHAI = '310100';
const GUANGZHOU = '440100';
const catalogue = loadServiceCatalogue();

/** Subject facts in memory; holders are the hukou region's until a test says otherwise. */
function setup(initial: SubjectFacts, held: Record<string, string> = {}) {
  const db = new FakeDatabase();
  const outbox = new RecordingOutbox(db);
  let stored: SubjectFacts = initial;
  const subjects = {
    lock: jest.fn(async (): Promise<SubjectFacts | undefined> => stored),
    update: jest.fn(async (f: SubjectFacts): Promise<void> => {
      stored = f;
    }),
    setConditionsReviewOn: jest.fn(async (): Promise<void> => undefined),
  };
  const intervals = {
    latest: jest.fn(async (): Promise<Holder[]> =>
      catalogue
        .all()
        .filter(isHeld)
        .map((i) => ({ responsibilityId: i.code, serviceCode: i.code, region: held[i.code] ?? initial.hukouRegion, since: TODAY })),
    ),
  };
  const proposed: NewHandoff[] = [];
  const handoffs = {
    openFor: jest.fn(async (): Promise<Handoff[]> => []),
    rejectedSince: jest.fn(async (): Promise<Set<string>> => new Set()),
    insertAll: jest.fn(async (ns: NewHandoff[]) => {
      proposed.push(...ns);
      return ns.map(
        (n) => ({ ...n, status: 'proposed', proposedAt: NOW.toISOString(), remindedAt: null, escalatedAt: null }) as unknown as Handoff,
      );
    }),
  };
  const clock = new PinnedClock(NOW);
  const handoffService = new HandoffService(
    db as unknown as Database,
    handoffs as unknown as HandoffRepository,
    intervals as unknown as ResponsibilityRepository,
    subjects as unknown as SubjectRepository,
    catalogue,
    loadCityPolicies(catalogue),
    new WorkingDayCalendar(),
    clock,
    { insert: async (c: object) => ({ ...c, proposedAt: NOW.toISOString() }) } as unknown as HandoffCaseRepository,
    new HandoffEvents(
      outbox as unknown as OutboxWriter,
      { ledger: { perServiceEventsUntil: '2027-06-30' } } as AppConfig,
      clock,
      handoffs as unknown as HandoffRepository,
    ),
  );
  const service = new SubjectService(
    db as unknown as Database,
    subjects as unknown as SubjectRepository,
    intervals as unknown as ResponsibilityRepository,
    handoffs as unknown as HandoffRepository,
    {} as FactChangeRepository,
    handoffService,
    catalogue,
    loadCityPolicies(catalogue),
    {} as SubjectRefs,
    clock,
  );
  return { service, proposed, facts: () => stored };
}

const person = (insured: SubjectFacts['insured'] = {}): SubjectFacts => ({
  subjectRef: REF,
  hukouRegion: NANCHANG,
  residenceCity: null,
  permitId: null,
  residenceSince: null,
  insured,
});

const completed = (insuranceType: 'pension' | 'medical', inboundRegion: string): TransferCompleted => ({
  transferId: '7c1f0a52-3b9e-4d7a-8f61-2e4d5c6b7a80',
  subjectRef: REF,
  insuranceType,
  inboundRegion,
  outboundRegion: NANCHANG,
  state: 'completed',
  transferFen: 123_456,
  completedOn: TODAY,
});
const EVENT = { id: '0e9d8c7b-6a5f-4e3d-9c2b-1a0f9e8d7c6b', source: `${GUANGZHOU}/social-insurance`, time: NOW.toISOString() };

describe('SubjectService.recordTransferCompleted: a transfer moves its own insurance branch only (seed 000 四)', () => {
  it('a completed medical transfer sets the medical branch and proposes employee medical insurance alone', async () => {
    const { service, proposed, facts } = setup(person({ pension: { region: NANCHANG, since: '1995-01-01' } }));
    await service.recordTransferCompleted(completed('medical', SHANGHAI), EVENT);
    expect(facts().insured).toEqual({
      pension: { region: NANCHANG, since: '1995-01-01' },
      medical: { region: SHANGHAI, since: TODAY },
    });
    expect(proposed.map((h) => [h.serviceCode, h.fromRegion, h.toRegion])).toEqual([
      ['med.employee-medical-insurance', NANCHANG, SHANGHAI],
    ]);
  });

  it('a completed pension transfer of a retiree insured for medical care in 上海 leaves the medical branch and its holder alone', async () => {
    const { service, proposed, facts } = setup(person({ medical: { region: SHANGHAI, since: '2010-03-01' } }), {
      'med.employee-medical-insurance': SHANGHAI,
    });
    await service.recordTransferCompleted(completed('pension', GUANGZHOU), EVENT);
    expect(facts().insured).toEqual({
      medical: { region: SHANGHAI, since: '2010-03-01' },
      pension: { region: GUANGZHOU, since: TODAY },
    });
    expect(proposed.map((h) => [h.serviceCode, h.toRegion])).toEqual([['elder.employee-pension', GUANGZHOU]]);
  });

  it("a replayed transfer into the branch's current insured region changes nothing", async () => {
    const { service, proposed, facts } = setup(person({ pension: { region: GUANGZHOU, since: '2026-05-01' } }), {
      'elder.employee-pension': GUANGZHOU,
    });
    await service.recordTransferCompleted(completed('pension', GUANGZHOU), EVENT);
    expect(facts().insured.pension).toEqual({ region: GUANGZHOU, since: '2026-05-01' });
    expect(proposed).toEqual([]);
  });
});
