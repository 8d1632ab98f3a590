import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { addMonths, assertDateWithin, ChinaClock, chinaDay, DateWindow, WorkingDayCalendar } from '@tongban/calendar';
import { BRANCH_AGENCY, InsuranceBranch } from '@tongban/catalogue';
import type { EventDataByType } from '@tongban/contracts';
import { Database } from '@tongban/database';
import { DomainError, ErrorCode } from '@tongban/errors';
import { Actor, actorLabel, AgencyKind, parseCitizenId, regionActingAs, SubjectRefs } from '@tongban/identity';
import { OutboxWriter, ProducedEventType } from '@tongban/messaging';
import { assertRegionCode } from '@tongban/regions';
import { FactChangeRepository, NewFactChange } from './fact-change.repository';
import { objectionDeadline } from './ledger.clock';
import { factChangeData } from './ledger.outgoing-events';
import { FactChange, FactDecision, LEDGER_SCHEMA, LEDGER_SOURCE, SubjectFacts } from './ledger.types';
import { SubjectRepository } from './subject.repository';
import { SubjectService } from './subject.service';

type FactEventType = Extract<ProducedEventType, `cn.gov.tongban.ledger.fact-change-${string}`>;

export interface HukouMoveCommand {
  citizenId: string;
  hukouRegion: string;
  movedOn: string;
}

export interface InsuredRegionCommand {
  citizenId: string;
  branch: InsuranceBranch;
  insuredRegion: string;
  since: string;
}

/**
 * Windows of the stated dates around today in China (stated in contracts/openapi.yaml). Both facts may be
 * stated up to a month ahead (a 准迁证 names the day of the move; an insurance registration starts with
 * next month's contributions). A hukou move is stated within a year of it: public security registers it
 * on the day, and an older one is a correction for operators. An insured relation may be recorded from
 * the start of a working life still in the records (seventy years back): a first insured region often
 * reports a relation decades old.
 */
const FACT_DATE_WINDOWS = {
  movedOn: (today: string): DateWindow => ({ notBefore: addMonths(today, -12), notAfter: addMonths(today, 1) }),
  since: (today: string): DateWindow => ({ notBefore: addMonths(today, -12 * 70), notAfter: addMonths(today, 1) }),
};

/** The agency kind entitled to state (and to release) a fact. */
const authorOf = (c: Pick<FactChange, 'kind' | 'branch'>): AgencyKind =>
  c.kind === 'hukou-move' ? 'public-security' : BRANCH_AGENCY[c.branch as InsuranceBranch];

/** The value the fact has in the ledger now: the region that would release it. */
const currentHolder = (facts: SubjectFacts, c: Pick<FactChange, 'kind' | 'branch'>): string =>
  c.kind === 'hukou-move' ? facts.hukouRegion : (facts.insured[c.branch as InsuranceBranch]?.region ?? facts.hukouRegion);

/**
 * Facts that move responsibility and are stated by the region that gains it: a hukou move (by the new
 * hukou region's public security) and an insured-region change (by the new region's agency of that
 * insurance branch). As EESSI's provisional determination (A003) and objection (A004): the statement is
 * provisional and told to the releasing region, which may consent or object within a window of working
 * days; silence makes it definitive, an objection makes a dispute that operators decide. Only a
 * definitive change reaches the person's facts, and only then are handoffs proposed — so the gaining
 * region can never take a person over by stating a fact and accepting the handoff it caused.
 * Every step locks the person first (then the change), the same order as every other change of a person.
 *
 * Who learns what: the stating region holds an ID number, which proves no relationship to the person,
 * so until the change is definitive it is not told which region releases (the REST answer carries
 * `fromRegion: null` for it) and the stated and objected events go to the releasing region only.
 */
@Injectable()
export class FactChangeService {
  constructor(
    private readonly db: Database,
    private readonly changes: FactChangeRepository,
    private readonly subjects: SubjectRepository,
    private readonly subjectService: SubjectService,
    private readonly refs: SubjectRefs,
    private readonly calendar: WorkingDayCalendar,
    private readonly clock: ChinaClock,
    private readonly outbox: OutboxWriter,
  ) {}

  async stateHukouMove(cmd: HukouMoveCommand, actor: Actor): Promise<FactChangeView> {
    assertRegionCode(cmd.hukouRegion, '/body/hukouRegion');
    const region = regionActingAs(actor, 'public-security', 'stating a hukou move');
    if (region !== cmd.hukouRegion)
      throw new DomainError(ErrorCode.Forbidden, 'a hukou move is stated by the public security of the new hukou region');
    assertDateWithin(
      '/body/movedOn',
      cmd.movedOn,
      FACT_DATE_WINDOWS.movedOn(this.clock.today()),
      'a hukou move is stated within a year of it, or up to a month ahead',
    );
    const subjectRef = this.refs.ref(parseCitizenId(cmd.citizenId, { now: this.clock.now() }));
    return this.db.tx(async () => {
      const facts = await this.lockKnown(subjectRef);
      if (facts.hukouRegion === region)
        throw new DomainError(ErrorCode.InvalidTransition, `the person's hukou is already registered in ${region}`);
      const change = await this.state(
        { subjectRef, kind: 'hukou-move', branch: null, fromRegion: facts.hukouRegion, toRegion: region, effectiveOn: cmd.movedOn },
        actor,
      );
      return viewFor(change, region);
    });
  }

  async stateInsuredRegion(cmd: InsuredRegionCommand, actor: Actor): Promise<FactChangeView> {
    assertRegionCode(cmd.insuredRegion, '/body/insuredRegion');
    const region = regionActingAs(actor, BRANCH_AGENCY[cmd.branch], `stating the insured region of ${cmd.branch} insurance`);
    if (region !== cmd.insuredRegion)
      throw new DomainError(ErrorCode.Forbidden, 'an insured region is stated by the new insured region itself');
    assertDateWithin(
      '/body/since',
      cmd.since,
      FACT_DATE_WINDOWS.since(this.clock.today()),
      'an insured relation starts within seventy years back, or up to a month ahead',
    );
    const subjectRef = this.refs.ref(parseCitizenId(cmd.citizenId, { now: this.clock.now() }));
    return this.db.tx(async () => {
      const facts = await this.lockKnown(subjectRef);
      if (facts.insured[cmd.branch]?.region === region)
        throw new DomainError(ErrorCode.InvalidTransition, `the person is already insured in ${region} for ${cmd.branch}`);
      const draft = {
        subjectRef,
        kind: 'insured-region' as const,
        branch: cmd.branch,
        fromRegion: currentHolder(facts, { kind: 'insured-region', branch: cmd.branch }),
        toRegion: region,
        effectiveOn: cmd.since,
      };
      if (draft.fromRegion !== region) return viewFor(await this.state(draft, actor), region);
      // A first insured region that is the hukou region takes nothing from anyone: recorded at once.
      const change = await this.changes.insert(
        { ...draft, changeId: randomUUID(), objectionDeadline: this.clock.today(), objectionDeadlineProvisional: false },
        actor,
        {
          status: 'definitive',
          decision: 'uncontested',
        },
      );
      await this.subjectService.apply(
        { ...facts, insured: { ...facts.insured, [cmd.branch]: { region, since: cmd.since } } },
        { reason: `insured in ${region} for ${cmd.branch}` },
        actor,
      );
      return change;
    });
  }

  /** The releasing region's competent agency consents: the change is definitive and applies. */
  async consent(changeId: string, actor: Actor): Promise<FactChange> {
    return this.db.tx(async () => {
      const c = await this.lockAsReleasing(changeId, actor);
      if (c.status !== 'provisional') throw notOpen(c);
      return this.end(c, 'definitive', 'consent', actor, null);
    });
  }

  /** The releasing region's competent agency objects within the window: a dispute; nothing moves. */
  async object(changeId: string, reason: string, actor: Actor, now: Date = this.clock.now()): Promise<FactChange> {
    return this.db.tx(async () => {
      const c = await this.lockAsReleasing(changeId, actor);
      if (c.status !== 'provisional') throw notOpen(c);
      if (chinaDay(now) > c.objectionDeadline)
        throw new DomainError(ErrorCode.InvalidTransition, `the objection window ended on ${c.objectionDeadline}`, {
          currentStatus: c.status,
        });
      const disputed = await this.changes.object(c, reason, actor);
      await this.emit('cn.gov.tongban.ledger.fact-change-objected.v1', disputed, actor, { objectionReason: reason }, [disputed.fromRegion]);
      return disputed;
    });
  }

  /** Operators decide a dispute: definitive (applied) or rejected (nothing moves). */
  async decide(changeId: string, outcome: 'definitive' | 'rejected', note: string, actor: Actor): Promise<FactChange> {
    return this.db.tx(async () => {
      const c = await this.lockChangeAndPerson(changeId);
      if (!c) throw new DomainError(ErrorCode.NotFound, 'no such fact change');
      if (c.status !== 'disputed')
        throw new DomainError(ErrorCode.InvalidTransition, `only a disputed fact change is decided by operators; this one is ${c.status}`, {
          currentStatus: c.status,
        });
      return this.end(c, outcome, 'operator', actor, note);
    });
  }

  /** Visible to its two regions (the stating one without the releasing region until definitive) and to operators. */
  async get(changeId: string, region: string | null): Promise<FactChangeView> {
    const c = await this.changes.find(changeId);
    if (!c || (region !== null && region !== c.fromRegion && region !== c.toRegion))
      throw new DomainError(ErrorCode.NotFound, 'no such fact change');
    return viewFor(c, region);
  }

  /** Provisional changes whose window ended are definitive and applied (called by LedgerJobs, in its transaction). */
  async applyLapsed(today: string, limit: number, actor: Actor): Promise<number> {
    let applied = 0;
    for (const { changeId } of await this.changes.lapsed(today, limit)) {
      const c = await this.lockChangeAndPerson(changeId);
      if (c?.status !== 'provisional') continue;
      await this.end(c, 'definitive', 'objection-window', actor, null);
      applied += 1;
    }
    return applied;
  }

  private async state(
    draft: Omit<NewFactChange, 'changeId' | 'objectionDeadline' | 'objectionDeadlineProvisional'>,
    actor: Actor,
  ): Promise<FactChange> {
    const open = await this.changes.openOf(draft.subjectRef, draft.kind, draft.branch);
    if (open?.toRegion === draft.toRegion && open.effectiveOn === draft.effectiveOn) return open;
    if (open) {
      throw new DomainError(
        ErrorCode.Conflict,
        "a change of this fact is already open for the person; it ends with the releasing region's answer, its objection window or operators",
        {
          reason: 'fact-change-open',
        },
      );
    }
    const deadline = objectionDeadline(this.calendar, this.clock.today());
    const change = await this.changes.insert(
      { ...draft, changeId: randomUUID(), objectionDeadline: deadline.date, objectionDeadlineProvisional: deadline.provisional },
      actor,
    );
    await this.emit(
      'cn.gov.tongban.ledger.fact-change-stated.v2',
      change,
      actor,
      { objectionDeadlineProvisional: change.objectionDeadlineProvisional },
      [change.fromRegion],
    );
    return change;
  }

  /**
   * Ends an open change (the person is locked). A definitive change applies to the facts — unless the
   * fact moved on meanwhile (a transfer completed, another change applied): then it is superseded.
   */
  private async end(
    c: FactChange,
    status: 'definitive' | 'rejected',
    decision: FactDecision,
    actor: Actor,
    note: string | null,
  ): Promise<FactChange> {
    if (status === 'rejected') return this.finish(c, 'rejected', decision, actor, note);
    const facts = (await this.subjects.lock(c.subjectRef)) as SubjectFacts;
    if (currentHolder(facts, c) !== c.fromRegion) return this.finish(c, 'superseded', 'superseded', actor, note);
    const ended = await this.finish(c, 'definitive', decision, actor, note);
    const applied: SubjectFacts =
      c.kind === 'hukou-move'
        ? { ...facts, hukouRegion: c.toRegion }
        : { ...facts, insured: { ...facts.insured, [c.branch as InsuranceBranch]: { region: c.toRegion, since: c.effectiveOn } } };
    const what = c.kind === 'hukou-move' ? `hukou moved to ${c.toRegion}` : `insured in ${c.toRegion} for ${c.branch}`;
    await this.subjectService.apply(applied, { reason: `${what} (fact change ${c.changeId}, ${decision})` }, actor);
    return ended;
  }

  private async finish(
    c: FactChange,
    status: 'definitive' | 'rejected' | 'superseded',
    decision: FactDecision,
    actor: Actor,
    note: string | null,
  ): Promise<FactChange> {
    const ended = await this.changes.decide(c, status, decision, actor, note);
    // the stating region learns the releasing one only when the change took effect (it is then related)
    await this.emit(
      'cn.gov.tongban.ledger.fact-change-decided.v1',
      ended,
      actor,
      { decision, note },
      status === 'definitive' ? [ended.fromRegion, ended.toRegion] : [ended.fromRegion],
    );
    return ended;
  }

  private async lockKnown(subjectRef: string): Promise<SubjectFacts> {
    const facts = await this.subjects.lock(subjectRef);
    if (!facts)
      throw new DomainError(
        ErrorCode.NotFound,
        'the ledger does not know this person: the hukou region registers a person first (POST /v1/subjects)',
      );
    return facts;
  }

  /** Person first, then the change: the lock order of every change of a person. */
  private async lockChangeAndPerson(changeId: string): Promise<FactChange | undefined> {
    const seen = await this.changes.find(changeId);
    if (!seen) return undefined;
    await this.subjects.lock(seen.subjectRef);
    return this.changes.lock(seen);
  }

  /** The releasing region's agency competent for the fact; a region not party to it learns nothing. */
  private async lockAsReleasing(changeId: string, actor: Actor): Promise<FactChange> {
    const c = await this.lockChangeAndPerson(changeId);
    if (!c || (actor.region !== c.fromRegion && actor.region !== c.toRegion))
      throw new DomainError(ErrorCode.NotFound, 'no such fact change');
    if (actor.region !== c.fromRegion) throw new DomainError(ErrorCode.Forbidden, 'only the releasing region answers a fact change');
    regionActingAs(actor, authorOf(c), 'answering this fact change');
    return c;
  }

  private async emit<T extends FactEventType>(
    type: T,
    c: FactChange,
    actor: Actor,
    extra: Partial<EventDataByType[T]>,
    recipients: string[],
  ): Promise<void> {
    const data = { ...factChangeData(c), ...extra } as EventDataByType[T];
    await this.outbox.append(LEDGER_SCHEMA, {
      type,
      subject: c.subjectRef,
      source: `${actor.region ?? 'operator'}/${LEDGER_SOURCE}`,
      recipients: [...new Set(recipients)],
      actor: actorLabel(actor),
      requestId: actor.requestId,
      data,
    });
  }
}

/** A fact change as answered to a region: the stating region does not see the releasing one before the change is definitive. */
export type FactChangeView = Omit<FactChange, 'fromRegion'> & { fromRegion: string | null };

const viewFor = (c: FactChange, region: string | null): FactChangeView =>
  region !== null && region === c.toRegion && region !== c.fromRegion && c.status !== 'definitive' ? { ...c, fromRegion: null } : c;

const notOpen = (c: FactChange): DomainError =>
  new DomainError(ErrorCode.InvalidTransition, `the fact change is ${c.status}`, { currentStatus: c.status });
