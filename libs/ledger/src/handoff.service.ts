import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { addDays, assertDateWithin, ChinaClock, chinaDay, startOfChinaDay, WorkingDayCalendar } from '@tongban/calendar';
import { CityPolicies, ServiceCatalogue } from '@tongban/catalogue';
import { Database } from '@tongban/database';
import { DomainError, ErrorCode } from '@tongban/errors';
import { Actor, regionActingAs } from '@tongban/identity';
import { HandoffCaseRepository } from './handoff-case.repository';
import { HandoffEvents } from './handoff.events';
import { HandoffRepository } from './handoff.repository';
import { handoffSchedule } from './ledger.clock';
import { LEDGER_POLICY, reproposalCutoff } from './ledger.policy';
import { Cause, Handoff, HandoffStatus, SubjectFacts } from './ledger.types';
import { explainResponsibilities, nextConditionReview } from './responsibility.rules';
import { ResponsibilityRepository } from './responsibility.repository';
import { SubjectRepository } from './subject.repository';

/** Operators' decision on a disputed or escalated proposal. */
export interface HandoffDecision {
  decision: 'accept' | 'reject';
  /** required to accept: the day responsibility passes */
  effectiveFrom?: string;
  reason: string;
}

/**
 * The handoff protocol. When the computed region of a service differs from its holder, a proposal
 * goes to both regions with a deadline in working days; until the receiving region accepts, the
 * holder stays responsible; acceptance closes the old interval and opens the new at the same instant
 * in one transaction. Every step is an event to both regions, written in the step's transaction.
 */
@Injectable()
export class HandoffService {
  constructor(
    private readonly db: Database,
    private readonly handoffs: HandoffRepository,
    private readonly intervals: ResponsibilityRepository,
    private readonly subjects: SubjectRepository,
    private readonly catalogue: ServiceCatalogue,
    private readonly policies: CityPolicies,
    private readonly calendar: WorkingDayCalendar,
    private readonly clock: ChinaClock,
    private readonly cases: HandoffCaseRepository,
    private readonly events: HandoffEvents,
  ) {}

  /**
   * Brings the open proposals of a person in line with the computed responsibilities: proposes where
   * the computed region differs from the (latest) holder, withdraws proposals that no longer fit. A
   * proposal the receiving region rejected is not made again before `handoffReproposeDays` have passed
   * (then the re-evaluation job makes it, if the facts still call for it). Notes the next day a years
   * threshold alone will move a service, for the daily job. Runs inside the caller's transaction, which
   * holds the person's row lock.
   */
  async reconcile(facts: SubjectFacts, cause: Cause, actor: Actor, now: Date = this.clock.now()): Promise<Handoff[]> {
    const today = chinaDay(now);
    const explained = explainResponsibilities(this.catalogue, { facts, asOf: today }, this.policies);
    await this.subjects.setConditionsReviewOn(facts.subjectRef, nextConditionReview(explained));
    const computed = new Map(explained.map((e) => [e.serviceCode, e]));
    const holders = await this.intervals.latest(facts.subjectRef);
    const open = new Map((await this.handoffs.openFor(facts.subjectRef)).map((h) => [h.serviceCode, h]));
    const resting = await this.handoffs.rejectedSince(facts.subjectRef, reproposalCutoff(now));
    const withdrawn: Handoff[] = [];
    // one case per pair of regions: what this cause moves from one holder to one receiving region
    const moves = new Map<string, Array<{ serviceCode: string; reason: string }>>();
    for (const holder of holders) {
      const why = computed.get(holder.serviceCode);
      const target = why?.region ?? holder.region;
      const pending = open.get(holder.serviceCode);
      if (pending && pending.toRegion === target) continue;
      if (pending) withdrawn.push(await this.withdraw(pending, actor, cause));
      if (target !== holder.region && !resting.has(`${holder.serviceCode}|${target}`)) {
        const reason = why && why.conditions.length > 0 ? `${cause.reason}; ${why.explanation}` : cause.reason;
        const pair = `${holder.region}|${target}`;
        moves.set(pair, [...(moves.get(pair) ?? []), { serviceCode: holder.serviceCode, reason }]);
      }
    }
    await this.events.caseSteps('withdrawn', withdrawn, actor);
    const proposed: Handoff[] = [];
    for (const [pair, services] of moves) {
      const [from, to] = pair.split('|');
      proposed.push(...(await this.proposeCase(facts.subjectRef, from, to, services, cause, actor, today)));
    }
    return proposed;
  }

  async accept(handoffId: string, effectiveFrom: string, actor: Actor, now: Date = this.clock.now()): Promise<Handoff> {
    return this.db.tx(async () => {
      const h = await this.lockAsParty(handoffId, actor, 'to');
      if (h.status !== 'proposed') throw this.notOpen(h);
      const accepted = await this.switchOver(h, effectiveFrom, actor, now, false);
      await this.events.caseSteps('accepted', [accepted], actor);
      return accepted;
    });
  }

  async reject(handoffId: string, reason: string, actor: Actor): Promise<Handoff> {
    return this.db.tx(async () => {
      const h = await this.lockAsParty(handoffId, actor, 'to');
      if (h.status !== 'proposed') throw this.notOpen(h);
      const rejected = await this.rejectLocked(h, reason, actor);
      await this.events.caseSteps('rejected', [rejected], actor);
      return rejected;
    });
  }

  /** The releasing region objects (the person still lives there): a dispute for operators; nothing moves. */
  async object(handoffId: string, reason: string, actor: Actor): Promise<Handoff> {
    return this.db.tx(async () => {
      const h = await this.lockAsParty(handoffId, actor, 'from');
      if (h.status !== 'proposed') throw this.notOpen(h);
      const disputed = await this.objectLocked(h, reason, actor);
      await this.events.caseSteps('objected', [disputed], actor);
      return disputed;
    });
  }

  /**
   * Operators decide a disputed proposal, or one escalated past its deadline: accept it with an
   * effective date (responsibility moves as on an accept) or reject it. Both regions are told by the
   * same events as for their own answers; the request is in the audit log.
   */
  async decide(handoffId: string, cmd: HandoffDecision, actor: Actor, now: Date = this.clock.now()): Promise<Handoff> {
    if (actor.region !== null) throw new DomainError(ErrorCode.Forbidden, 'only operators decide a disputed handoff');
    return this.db.tx(async () => {
      const h = await this.lockWithPerson(handoffId);
      if (!h) throw new DomainError(ErrorCode.NotFound, 'no such handoff');
      if (h.status !== 'disputed' && !(h.status === 'proposed' && h.escalatedAt !== null)) {
        throw new DomainError(ErrorCode.InvalidTransition, `operators decide disputed or escalated proposals; this one is ${h.status}`, {
          currentStatus: h.status,
        });
      }
      if (cmd.decision === 'reject') {
        const rejected = await this.answered(
          h,
          ['proposed', 'disputed'],
          { status: 'rejected', reason: cmd.reason, byOperator: true },
          actor,
        );
        await this.events.perService('cn.gov.tongban.ledger.handoff-rejected.v1', rejected, actor, { answerReason: cmd.reason });
        await this.events.caseSteps('rejected', [rejected], actor, () => ({ byOperator: true }));
        return rejected;
      }
      if (cmd.effectiveFrom === undefined) {
        throw new DomainError(ErrorCode.ValidationFailed, 'effectiveFrom: an accepting decision names the day responsibility passes', {
          errors: [{ field: '/body/effectiveFrom', message: 'required when decision is accept' }],
        });
      }
      const accepted = await this.switchOver(h, cmd.effectiveFrom, actor, now, true, cmd.reason);
      await this.events.caseSteps('accepted', [accepted], actor, () => ({ byOperator: true }));
      return accepted;
    });
  }

  async get(handoffId: string, region: string | null): Promise<Handoff> {
    const h = await this.handoffs.find(handoffId);
    if (!h || (region !== null && region !== h.fromRegion && region !== h.toRegion))
      throw new DomainError(ErrorCode.NotFound, 'no such handoff');
    return h;
  }

  async operatorQueue(limit: number, after: string | undefined): Promise<{ items: Handoff[]; next: string | null }> {
    const items = await this.handoffs.needingOperators(limit, after);
    return { items, next: items.length === limit ? items[items.length - 1].handoffId : null };
  }

  /** Rejects a proposal the caller locked (as the receiving region, or a case answer). */
  async rejectLocked(h: Handoff, reason: string, actor: Actor): Promise<Handoff> {
    const rejected = await this.answered(h, ['proposed'], { status: 'rejected', reason }, actor);
    await this.events.perService('cn.gov.tongban.ledger.handoff-rejected.v1', rejected, actor, { answerReason: reason });
    return rejected;
  }

  /** The releasing region's objection to a proposal the caller locked. */
  async objectLocked(h: Handoff, reason: string, actor: Actor): Promise<Handoff> {
    const disputed = await this.answered(h, ['proposed'], { status: 'disputed', reason }, actor);
    await this.events.perService('cn.gov.tongban.ledger.handoff-objected.v1', disputed, actor, { answerReason: reason });
    return disputed;
  }

  private async proposeCase(
    subjectRef: string,
    from: string,
    to: string,
    services: ReadonlyArray<{ serviceCode: string; reason: string }>,
    cause: Cause,
    actor: Actor,
    today: string,
  ): Promise<Handoff[]> {
    const c = await this.cases.insert({
      caseId: randomUUID(),
      subjectRef,
      fromRegion: from,
      toRegion: to,
      reason: cause.reason,
      causeEventId: cause.eventId ?? null,
      proposedOn: today,
    });
    const schedule = handoffSchedule(this.calendar, today);
    const hs = await this.handoffs.insertAll(
      services.map((s) => ({
        handoffId: randomUUID(),
        caseId: c.caseId,
        subjectRef,
        serviceCode: s.serviceCode,
        fromRegion: from,
        toRegion: to,
        reason: s.reason,
        causeEventId: cause.eventId ?? null,
        proposedOn: today,
        ...schedule,
        effectiveBy: addDays(today, LEDGER_POLICY.handoffEffectiveWindowDays),
      })),
    );
    for (const h of hs)
      await this.events.perService('cn.gov.tongban.ledger.handoff-proposed.v2', h, actor, { deadlineProvisional: h.deadlineProvisional });
    await this.events.caseProposed(c, hs, actor);
    return hs;
  }

  private async withdraw(h: Handoff, actor: Actor, cause: Cause): Promise<Handoff> {
    const withdrawn = await this.answered(
      h,
      ['proposed', 'disputed'],
      { status: 'withdrawn', reason: `superseded: ${cause.reason}` },
      actor,
    );
    await this.events.perService('cn.gov.tongban.ledger.handoff-withdrawn.v1', withdrawn, actor, {});
    return withdrawn;
  }

  /**
   * Responsibility passes: effective within the proposal's window (today … effectiveBy), at the
   * instant the intervals agree on (never inside a period the releasing region already claimed).
   */
  /** Responsibility passes for a proposal the caller locked (see switchOver); a case answer's per-service part. */
  async acceptLocked(h: Handoff, effectiveFrom: string, actor: Actor, now: Date): Promise<Handoff> {
    return this.switchOver(h, effectiveFrom, actor, now, false);
  }

  private async switchOver(
    h: Handoff,
    effectiveFrom: string,
    actor: Actor,
    now: Date,
    byOperator: boolean,
    note?: string,
  ): Promise<Handoff> {
    const today = chinaDay(now);
    assertDateWithin(
      '/body/effectiveFrom',
      effectiveFrom,
      { notBefore: today, notAfter: h.effectiveBy > today ? h.effectiveBy : today },
      "responsibility already exercised is never rewritten, and a handoff takes effect within its proposal's window",
    );
    const cause: Cause = { reason: `handoff ${h.handoffId} ${byOperator ? 'decided by operators' : `accepted by ${h.toRegion}`}` };
    const effectiveAt = await this.intervals.handOver(
      h.subjectRef,
      h.serviceCode,
      h.toRegion,
      startOfChinaDay(effectiveFrom),
      h.handoffId,
      cause,
      actor,
    );
    const accepted = await this.answered(
      h,
      ['proposed', 'disputed'],
      { status: 'accepted', reason: note ?? null, effectiveAt, byOperator },
      actor,
    );
    await this.events.perService('cn.gov.tongban.ledger.handoff-accepted.v1', accepted, actor, { effectiveAt });
    await this.events.responsibilityChanged(h, effectiveAt, actor);
    return accepted;
  }

  /** A status-checked answer: the caller holds the person's lock, so it cannot have moved on. */
  private async answered(
    h: Handoff,
    from: readonly HandoffStatus[],
    answer: Parameters<HandoffRepository['answer']>[2],
    actor: Actor,
  ): Promise<Handoff> {
    const updated = await this.handoffs.answer(h, from, answer, actor);
    if (!updated) throw new DomainError(ErrorCode.InvalidTransition, 'the handoff was answered meanwhile', { currentStatus: h.status });
    return updated;
  }

  /**
   * Locks the person, then the handoff: the same order as every fact change (which may withdraw the
   * proposal), so an answer and a withdrawal serialise instead of overwriting each other.
   */
  private async lockWithPerson(handoffId: string): Promise<Handoff | undefined> {
    const seen = await this.handoffs.find(handoffId);
    if (!seen) return undefined;
    await this.subjects.lock(seen.subjectRef);
    return this.handoffs.lock(seen);
  }

  /**
   * Locks the handoff for its receiving ('to') or releasing ('from') region, acting through the agency
   * that provides the service (an education bureau answers for a school place, not public security);
   * a region not party to it learns nothing of it.
   */
  private async lockAsParty(handoffId: string, actor: Actor, side: 'to' | 'from'): Promise<Handoff> {
    const h = await this.lockWithPerson(handoffId);
    if (!h || (actor.region !== h.fromRegion && actor.region !== h.toRegion)) throw new DomainError(ErrorCode.NotFound, 'no such handoff');
    const allowed = side === 'to' ? h.toRegion : h.fromRegion;
    if (actor.region !== allowed) {
      const what = side === 'to' ? 'only the receiving region answers a proposal' : 'only the releasing region objects to a proposal';
      throw new DomainError(ErrorCode.Forbidden, `${what} (region ${allowed})`);
    }
    regionActingAs(actor, this.catalogue.get(h.serviceCode).agency, `answering a handoff of ${h.serviceCode}`);
    return h;
  }

  private notOpen(h: Handoff): DomainError {
    return new DomainError(ErrorCode.InvalidTransition, `the handoff is ${h.status}`, { currentStatus: h.status });
  }
}
