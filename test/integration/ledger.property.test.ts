import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { DomainError } from '@tongban/errors';
import { Actor, AgencyKind, parseCitizenId, SubjectRefs } from '@tongban/identity';
import { addDays, addMonths, chinaDay } from '@tongban/calendar';
import {
  claimWindow,
  FactChangeService,
  HandoffService,
  HELD_BASES,
  inClaimWindow,
  referenceInClaimWindow,
  LEDGER_POLICY,
  LedgerJobs,
  Period,
  periodContaining,
  ProvisionClaimService,
  SubjectService,
} from '@tongban/ledger';
import { BRANCH_AGENCY, loadServiceCatalogue } from '@tongban/catalogue';
import { RunningApp } from '@tongban/http';
import { Suite } from '../harness/suite';
import { newCitizenId } from '../harness/fixtures';
import { GATEWAY_APP } from '../../apps/gateway/src/gateway.app';

const REGIONS = ['110100', '310100', '360100', '440100'] as const;
/** Services claimed in the histories: a monthly and a school-term one, one without periods, a place-based one. */
const CLAIMED = ['elder.employee-pension', 'edu.compulsory', 'emp.public-employment-service', 'assist.temporary'] as const;
const TZ = 'Asia/Shanghai';
const catalogue = loadServiceCatalogue();
const HELD = catalogue.all().filter((i) => HELD_BASES.has(i.basis)).length;

type Action =
  | { kind: 'permit'; city: string; monthsAgo: number }
  | { kind: 'move'; region: string }
  | { kind: 'insure'; region: string; branch: 'pension' | 'medical' }
  | { kind: 'answer-fact'; pick: number; how: 'consent' | 'object' | 'definitive' | 'rejected' }
  | { kind: 'answer'; pick: number; how: 'accept' | 'reject' | 'object'; inDays: number }
  | { kind: 'decide'; pick: number; how: 'accept' | 'reject'; inDays: number }
  | { kind: 'deadline'; days: number }
  | { kind: 'claim'; region: string; service: number; offset: number };

const region = fc.constantFrom(...REGIONS);
const action: fc.Arbitrary<Action> = fc.oneof(
  // residence of a few months to several years: years conditions met, or reached on a later day
  fc.record({ kind: fc.constant('permit' as const), city: region, monthsAgo: fc.integer({ min: 1, max: 90 }) }),
  fc.record({ kind: fc.constant('move' as const), region }),
  fc.record({ kind: fc.constant('insure' as const), region, branch: fc.constantFrom('pension' as const, 'medical' as const) }),
  {
    arbitrary: fc.record({
      kind: fc.constant('answer-fact' as const),
      pick: fc.nat(4),
      how: fc.constantFrom('consent' as const, 'object' as const, 'definitive' as const, 'rejected' as const),
    }),
    weight: 2,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('answer' as const),
      pick: fc.nat(40),
      how: fc.constantFrom('accept' as const, 'reject' as const, 'object' as const),
      inDays: fc.integer({ min: -1, max: 40 }),
    }),
    weight: 3,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('decide' as const),
      pick: fc.nat(40),
      how: fc.constantFrom('accept' as const, 'reject' as const),
      inDays: fc.integer({ min: 0, max: 100 }),
    }),
    weight: 3,
  },
  fc.record({ kind: fc.constant('deadline' as const), days: fc.integer({ min: 1, max: 30 }) }),
  // periods from 14 back to 3 ahead of the current one: inside and outside the claim window
  {
    arbitrary: fc.record({
      kind: fc.constant('claim' as const),
      region,
      service: fc.nat(CLAIMED.length - 1),
      offset: fc.integer({ min: -14, max: 3 }),
    }),
    weight: 4,
  },
);

/** An agency of a region, as its credential would make it act. */
const actor = (r: string, agency: AgencyKind): Actor => ({ region: r, agency, credential: `property-${r}-${agency}` });
const OPERATOR: Actor = { region: null, agency: null, credential: 'property-operator' };

describe('responsibility ledger invariants under random histories (fast-check, real PostgreSQL)', () => {
  let suite: Suite;
  let running: RunningApp;

  beforeAll(async () => {
    suite = await Suite.create('ledgerprop');
    running = await suite.start(GATEWAY_APP);
  });
  afterAll(() => suite.stop());

  const n = async (sql: string, params: unknown[]): Promise<number> => Number((await suite.db.one<{ n: string }>(sql, params))?.n);

  let initialHukou = '';

  async function checkInvariants(subjectRef: string): Promise<void> {
    // the day the threshold job looks at the person again is the first day time alone moves a service,
    // never a day already past (a threshold crossed is never left unchecked)
    const view = await running.app.get(SubjectService).responsibilities(subjectRef, null);
    const firstReview = view.services.flatMap((x) => x.reviewOn ?? []).sort()[0] ?? null;
    expect(view.conditionsReviewOn).toBe(firstReview);
    if (view.conditionsReviewOn !== null) expect(view.conditionsReviewOn > chinaDay(new Date())).toBe(true);
    // never two: no overlapping intervals (the exclusion constraint's promise, checked from outside)
    expect(
      await n(
        `SELECT count(*) AS n FROM ledger.responsibilities a JOIN ledger.responsibilities b
           ON a.subject_ref = b.subject_ref AND a.service_code = b.service_code AND a.responsibility_id < b.responsibility_id AND a.during && b.during
         WHERE a.subject_ref = $1`,
        [subjectRef],
      ),
    ).toBe(0);
    // never none: every held service has exactly one holder now and one open-ended interval, and no holes
    expect(
      await n(`SELECT count(DISTINCT service_code) AS n FROM ledger.responsibilities WHERE subject_ref = $1 AND during @> now()`, [
        subjectRef,
      ]),
    ).toBe(HELD);
    expect(await n(`SELECT count(*) AS n FROM ledger.responsibilities WHERE subject_ref = $1 AND during @> now()`, [subjectRef])).toBe(
      HELD,
    );
    expect(await n(`SELECT count(*) AS n FROM ledger.responsibilities WHERE subject_ref = $1 AND upper_inf(during)`, [subjectRef])).toBe(
      HELD,
    );
    expect(
      await n(
        `SELECT count(*) AS n FROM ledger.responsibilities r WHERE r.subject_ref = $1 AND NOT upper_inf(r.during)
           AND NOT EXISTS (SELECT 1 FROM ledger.responsibilities x WHERE x.subject_ref = r.subject_ref AND x.service_code = r.service_code AND lower(x.during) = upper(r.during))`,
        [subjectRef],
      ),
    ).toBe(0);
    // every claim of a held service belongs to the region that held the service at the start of its
    // period: the interval it references holds that instant, and no other interval does
    expect(
      await n(
        `SELECT count(*) AS n FROM ledger.provision_claims c
           LEFT JOIN ledger.responsibilities r ON r.subject_ref = c.subject_ref AND r.service_code = c.service_code AND r.during @> c.held_at
          WHERE c.subject_ref = $1 AND c.basis NOT IN ('treatment', 'emergency')
            AND (r.region IS DISTINCT FROM c.region OR r.responsibility_id IS DISTINCT FROM c.responsibility_id)`,
        [subjectRef],
      ),
    ).toBe(0);
    // only an accepted proposal ever moved responsibility (no withdrawn/rejected one left an interval behind)
    expect(
      await n(
        `SELECT count(*) AS n FROM ledger.responsibilities r JOIN ledger.handoffs h ON h.handoff_id = r.opened_handoff_id WHERE r.subject_ref = $1 AND h.status <> 'accepted'`,
        [subjectRef],
      ),
    ).toBe(0);
    // no (subject, service, period) claimed twice
    expect(
      await n(`SELECT count(*) - count(DISTINCT (service_code, period_key)) AS n FROM ledger.provision_claims WHERE subject_ref = $1`, [
        subjectRef,
      ]),
    ).toBe(0);
    // at most one open proposal per service
    expect(
      await n(
        `SELECT count(*) - count(DISTINCT service_code) AS n FROM ledger.handoffs WHERE subject_ref = $1 AND status IN ('proposed', 'disputed')`,
        [subjectRef],
      ),
    ).toBe(0);
    // facts stated by a gaining region reach the ledger only once definitive: the hukou region and each
    // insured region are the latest definitive change's (or untouched), whatever was stated since
    expect(
      await n(
        `SELECT count(*) AS n FROM ledger.subjects s WHERE s.subject_ref = $1 AND s.hukou_region IS DISTINCT FROM COALESCE(
           (SELECT to_region FROM ledger.fact_changes f WHERE f.subject_ref = s.subject_ref AND f.kind = 'hukou-move' AND f.status = 'definitive' ORDER BY f.decided_at DESC LIMIT 1),
           $2)`,
        [subjectRef, initialHukou],
      ),
    ).toBe(0);
    expect(
      await n(
        `SELECT count(*) AS n FROM ledger.insurance_relations i WHERE i.subject_ref = $1 AND i.region IS DISTINCT FROM
           (SELECT to_region FROM ledger.fact_changes f WHERE f.subject_ref = i.subject_ref AND f.kind = 'insured-region' AND f.branch = i.branch
               AND f.status = 'definitive' ORDER BY f.decided_at DESC LIMIT 1)`,
        [subjectRef],
      ),
    ).toBe(0);
  }

  it('keeps exactly one responsible region per service, and one claim per period by the holder at its start, after every step', async () => {
    const subjects = running.app.get(SubjectService);
    const handoffs = running.app.get(HandoffService);
    const claims = running.app.get(ProvisionClaimService);
    const facts = running.app.get(FactChangeService);
    const refs = running.app.get(SubjectRefs);
    const jobs = running.app.get(LedgerJobs);
    const agencyOf = (serviceCode: string): AgencyKind => catalogue.get(serviceCode).agency;
    const holderAt = async (subjectRef: string, serviceCode: string, day: string): Promise<string | undefined> =>
      (
        await suite.db.one<{ region: string }>(
          `SELECT region FROM ledger.responsibilities WHERE subject_ref = $1 AND service_code = $2 AND during @> ($3::timestamp AT TIME ZONE '${TZ}')`,
          [subjectRef, serviceCode, day],
        )
      )?.region;
    const latestHolder = async (subjectRef: string, serviceCode: string): Promise<string | undefined> =>
      (
        await suite.db.one<{ region: string }>(
          `SELECT region FROM ledger.responsibilities WHERE subject_ref = $1 AND service_code = $2 AND upper_inf(during)`,
          [subjectRef, serviceCode],
        )
      )?.region;
    /** The key (and first day) of the period `offset` periods from today's, or a reference date for services without periods. */
    const periodAt = (serviceCode: string, offset: number): { key: string; start: string; end: string; referenceDate?: string } => {
      const item = catalogue.get(serviceCode);
      const today = chinaDay(new Date());
      if (item.periodicity === 'monthly' || item.periodicity === 'school-term') {
        let p = periodContaining(item.periodicity, today) as Period;
        for (let i = 0; i < Math.abs(offset); i++)
          p = periodContaining(item.periodicity, offset > 0 ? p.end : addDays(p.start, -1)) as Period;
        return p;
      }
      const date = addMonths(today, offset);
      return { key: `k${offset + 20}`, start: date, end: addDays(date, 1), referenceDate: date };
    };
    const related = async (subjectRef: string, r: string): Promise<boolean> =>
      (await n(`SELECT count(*) AS n FROM ledger.subject_regions WHERE subject_ref = $1 AND region = $2`, [subjectRef, r])) > 0;
    const domainOnly = async (p: Promise<unknown>): Promise<'ok' | string> => {
      try {
        await p;
        return 'ok';
      } catch (error) {
        if (error instanceof DomainError) return error.code;
        throw error;
      }
    };

    await fc.assert(
      fc.asyncProperty(region, fc.array(action, { minLength: 1, maxLength: 20 }), async (hukou, actions) => {
        const citizenId = newCitizenId();
        const subjectRef = refs.ref(parseCitizenId(citizenId));
        initialHukou = hukou;
        // living elsewhere from the start, so that every history has proposals to answer, dispute and decide
        const city = REGIONS[(REGIONS.indexOf(hukou) + 1) % REGIONS.length];
        await subjects.recordPermitIssued(
          {
            permitId: randomUUID(),
            permitNumber: 'P-0001',
            subjectRef,
            hukouRegion: hukou,
            residenceCity: city,
            basis: 'employment',
            residenceSince: '2020-01-01',
            issuedOn: '2020-08-01',
            validUntil: '2030-01-01',
          },
          { id: randomUUID(), source: `${city}/residence-permit`, time: new Date().toISOString() },
        );
        await checkInvariants(subjectRef);
        let clock = Date.now();
        for (const a of actions) {
          switch (a.kind) {
            case 'permit':
              await subjects.recordPermitIssued(
                {
                  permitId: randomUUID(),
                  permitNumber: 'P-0002',
                  subjectRef,
                  hukouRegion: hukou,
                  residenceCity: a.city,
                  basis: 'housing',
                  residenceSince: addMonths(chinaDay(new Date()), -a.monthsAgo),
                  issuedOn: addMonths(chinaDay(new Date()), -a.monthsAgo),
                  validUntil: '2030-01-01',
                },
                { id: randomUUID(), source: `${a.city}/residence-permit`, time: new Date().toISOString() },
              );
              break;
            case 'move':
              await domainOnly(
                facts.stateHukouMove(
                  { citizenId, hukouRegion: a.region, movedOn: addDays(chinaDay(new Date()), -30) },
                  actor(a.region, 'public-security'),
                ),
              );
              break;
            case 'insure':
              await domainOnly(
                facts.stateInsuredRegion(
                  { citizenId, branch: a.branch, insuredRegion: a.region, since: '2020-01-01' },
                  actor(a.region, BRANCH_AGENCY[a.branch]),
                ),
              );
              break;
            case 'answer-fact': {
              const open = (await subjects.responsibilities(subjectRef, null)).pendingFactChanges;
              if (open.length === 0) break;
              const c = open[a.pick % open.length];
              const releasing = actor(
                c.fromRegion,
                c.kind === 'hukou-move' ? 'public-security' : BRANCH_AGENCY[c.branch as 'pension' | 'medical'],
              );
              if (a.how === 'consent') await domainOnly(facts.consent(c.changeId, releasing));
              else if (a.how === 'object') await domainOnly(facts.object(c.changeId, 'no such move', releasing));
              else await domainOnly(facts.decide(c.changeId, a.how, 'decided', OPERATOR));
              break;
            }
            case 'answer': {
              const view = await subjects.responsibilities(subjectRef, null);
              if (view.pendingHandoffs.length === 0) break;
              const h = view.pendingHandoffs[a.pick % view.pendingHandoffs.length];
              const holderBefore = await latestHolder(subjectRef, h.serviceCode);
              const agency = agencyOf(h.serviceCode);
              const effectiveFrom = addDays(chinaDay(new Date()), a.inDays);
              const outcome =
                a.how === 'accept'
                  ? await domainOnly(handoffs.accept(h.handoffId, effectiveFrom, actor(h.toRegion, agency)))
                  : a.how === 'reject'
                    ? await domainOnly(handoffs.reject(h.handoffId, 'not here', actor(h.toRegion, agency)))
                    : await domainOnly(handoffs.object(h.handoffId, 'still here', actor(h.fromRegion, agency)));
              // an effective date outside the proposal's window is refused and changes nothing
              if (a.how === 'accept' && h.status === 'proposed')
                expect(outcome).toBe(a.inDays < 0 || effectiveFrom > h.effectiveBy ? 'validation-failed' : 'ok');
              // only an accepted open proposal moves responsibility, and then to its receiving region
              const after = await latestHolder(subjectRef, h.serviceCode);
              if (a.how === 'accept' && outcome === 'ok') expect(after).toBe(h.toRegion);
              else expect(after).toBe(holderBefore);
              break;
            }
            case 'decide': {
              const view = await subjects.responsibilities(subjectRef, null);
              const open = view.pendingHandoffs.filter((h) => h.status === 'disputed' || h.escalatedAt !== null);
              if (open.length === 0) break;
              const h = open[a.pick % open.length];
              const outcome = await domainOnly(
                handoffs.decide(
                  h.handoffId,
                  { decision: a.how, effectiveFrom: addDays(chinaDay(new Date()), a.inDays % 60), reason: 'decided' },
                  OPERATOR,
                ),
              );
              expect(outcome).toBe('ok');
              expect(await latestHolder(subjectRef, h.serviceCode)).toBe(a.how === 'accept' ? h.toRegion : h.fromRegion);
              break;
            }
            case 'deadline':
              clock += a.days * 86400000;
              await jobs.runFactChangeWindows(new Date(clock));
              await jobs.runHandoffDeadlines(new Date(clock));
              await jobs.runReevaluation(new Date(clock));
              break;
            case 'claim': {
              const service = CLAIMED[a.service];
              const item = catalogue.get(service);
              const p = periodAt(service, a.offset);
              // a place-based key names its place: the claiming region's own case
              const periodKey = service === 'assist.temporary' ? `case:${a.region}:e${a.offset + 20}` : p.key;
              const taken = await n(
                `SELECT count(*) AS n FROM ledger.provision_claims WHERE subject_ref = $1 AND service_code = $2 AND period_key = $3`,
                [subjectRef, service, periodKey],
              );
              const knows = await related(subjectRef, a.region);
              const holder = await holderAt(subjectRef, service, p.start);
              const window = claimWindow(
                item.periodicity,
                chinaDay(new Date()),
                LEDGER_POLICY.claimLookbackMonths,
                LEDGER_POLICY.claimPeriodsAhead,
              );
              const inWindow = p.referenceDate ? referenceInClaimWindow(p.referenceDate, window) : inClaimWindow(p, window);
              const outcome = await domainOnly(
                claims.claim(
                  { subjectRef, serviceCode: service, periodKey, referenceDate: p.referenceDate },
                  actor(a.region, agencyOf(service)),
                ),
              );
              // outside the window: refused; a held service: only the holder at the period's start, a non-holder told who holds only when related
              const expected = !inWindow
                ? 'validation-failed'
                : item.basis !== 'emergency' && holder !== a.region
                  ? knows
                    ? 'not-responsible'
                    : 'not-found'
                  : taken > 0
                    ? 'already-claimed'
                    : 'ok';
              expect(outcome).toBe(expected);
              break;
            }
          }
          await checkInvariants(subjectRef);
        }
      }),
      { numRuns: 60 },
    );
    // the histories did exercise the protocol, not only the refusals
    expect(await n(`SELECT count(*) AS n FROM ledger.handoffs WHERE status = 'accepted'`, [])).toBeGreaterThan(0);
    expect(await n(`SELECT count(*) AS n FROM ledger.fact_changes WHERE status = 'definitive'`, [])).toBeGreaterThan(0);
    expect(await n(`SELECT count(*) AS n FROM ledger.provision_claims`, [])).toBeGreaterThan(0);
    expect(await n(`SELECT count(*) AS n FROM ledger.handoffs WHERE decided_by_operator`, [])).toBeGreaterThan(0);
  });

  it('refuses, in the database itself, an interval that overlaps or a handoff that leaves a hole', async () => {
    const subjects = running.app.get(SubjectService);
    initialHukou = '360100';
    const subjectRef = `s1_${randomUUID().replace(/-/g, '')}`;
    await subjects.recordPermitIssued(
      {
        permitId: randomUUID(),
        permitNumber: 'P-0003',
        subjectRef,
        hukouRegion: '360100',
        residenceCity: '360100',
        basis: 'employment',
        residenceSince: '2020-01-01',
        issuedOn: '2020-08-01',
        validUntil: '2030-01-01',
      },
      { id: randomUUID(), source: '360100/residence-permit', time: new Date().toISOString() },
    );
    const overlap = suite.db.query(
      `INSERT INTO ledger.responsibilities (subject_ref, service_code, region, during, opened_by, opened_reason) VALUES ($1, 'edu.compulsory', '440100', tstzrange(now(), NULL), 'test', 'test')`,
      [subjectRef],
    );
    await expect(overlap).rejects.toMatchObject({ code: '23P01' });
    const hole = suite.db.tx(async () => {
      await suite.db.query(
        `UPDATE ledger.responsibilities SET during = tstzrange(lower(during), now()) WHERE subject_ref = $1 AND service_code = 'edu.compulsory'`,
        [subjectRef],
      );
      await suite.db.query(
        `INSERT INTO ledger.responsibilities (subject_ref, service_code, region, during, opened_by, opened_reason) VALUES ($1, 'edu.compulsory', '440100', tstzrange(now() + interval '1 day', NULL), 'test', 'test')`,
        [subjectRef],
      );
    });
    await expect(hole).rejects.toMatchObject({ code: '23514', constraint: 'responsibilities_contiguous' });
    // a closed interval inserted on its own leaves the service with no open holder after it
    const closedAlone = suite.db.query(
      `INSERT INTO ledger.responsibilities (subject_ref, service_code, region, during, opened_by, opened_reason)
       VALUES ($1, 'test.closed-alone', '440100', tstzrange(now() - interval '2 days', now() - interval '1 day'), 'test', 'test')`,
      [subjectRef],
    );
    await expect(closedAlone).rejects.toMatchObject({ code: '23514', constraint: 'responsibilities_contiguous' });
    await expect(suite.db.query(`DELETE FROM ledger.responsibilities WHERE subject_ref = $1`, [subjectRef])).rejects.toMatchObject({
      code: '23514',
    });
    await checkInvariants(subjectRef);
  });
});
