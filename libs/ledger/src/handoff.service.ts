import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { WorkingDayCalendar } from '@tongban/calendar';
import { CityPolicies, ServiceCatalogue } from '@tongban/catalogue';
import type { EventDataByType } from '@tongban/contracts';
import { Database } from '@tongban/database';
import { DomainError, ErrorCode } from '@tongban/errors';
import { Actor, actorLabel, regionActingAs } from '@tongban/identity';
import { EventType, OutboxWriter } from '@tongban/messaging';
import { HandoffRepository } from './handoff.repository';
import { addWorkingDays, chinaDay, startOfChinaDay } from './ledger.clock';
import { LEDGER_POLICY } from './ledger.policy';
import { Cause, Handoff, LEDGER_SCHEMA, LEDGER_SOURCE, SubjectFacts } from './ledger.types';
import { computeResponsibilities } from './responsibility.rules';
import { ResponsibilityRepository } from './responsibility.repository';

type HandoffEventType = Extract<EventType, `cn.gov.tongban.ledger.handoff-${string}`>;

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
    private readonly catalogue: ServiceCatalogue,
    private readonly policies: CityPolicies,
    private readonly calendar: WorkingDayCalendar,
    private readonly outbox: OutboxWriter,
  ) {}

  /**
   * Brings the open proposals of a person in line with the computed responsibilities: proposes where
   * the computed region differs from the (latest) holder, withdraws proposals that no longer fit.
   * Runs inside the caller's transaction, which holds the person's row lock.
   */
  async reconcile(facts: SubjectFacts, cause: Cause, actor: Actor, now = new Date()): Promise<Handoff[]> {
    const today = chinaDay(now);
    const computed = computeResponsibilities(this.catalogue, { facts, asOf: today }, this.policies);
    const holders = await this.intervals.latest(facts.subjectRef);
    const open = new Map((await this.handoffs.openFor(facts.subjectRef)).map((h) => [h.serviceCode, h]));
    const proposed: Handoff[] = [];
    for (const holder of holders) {
      const target = computed.get(holder.serviceCode) ?? holder.region;
      const pending = open.get(holder.serviceCode);
      if (pending && pending.toRegion === target) continue;
      if (pending) await this.withdraw(pending, actor, cause);
      if (target !== holder.region) proposed.push(await this.propose(facts.subjectRef, holder.serviceCode, holder.region, target, cause, actor, today));
    }
    return proposed;
  }

  async accept(handoffId: string, effectiveFrom: string, actor: Actor, now = new Date()): Promise<Handoff> {
    return this.db.tx(async () => {
      const h = await this.lockAsParty(handoffId, actor, 'to');
      if (h.status !== 'proposed') throw this.notOpen(h);
      if (effectiveFrom < chinaDay(now)) {
        throw new DomainError(ErrorCode.RuleViolated, 'effectiveFrom cannot be in the past: responsibility already exercised is never rewritten', {
          errors: [{ field: '/body/effectiveFrom', message: 'before today (Asia/Shanghai)' }],
        });
      }
      const cause: Cause = { reason: `handoff ${h.handoffId} accepted by ${h.toRegion}` };
      const effectiveAt = await this.intervals.handOver(h.subjectRef, h.serviceCode, h.toRegion, startOfChinaDay(effectiveFrom), h.handoffId, cause, actor);
      const accepted = await this.handoffs.answer(h.handoffId, 'accepted', actor, null, effectiveAt);
      await this.emit('cn.gov.tongban.ledger.handoff-accepted.v1', accepted, actor, { effectiveAt });
      await this.outbox.append(LEDGER_SCHEMA, {
        type: 'cn.gov.tongban.ledger.responsibility-changed.v1',
        subject: h.subjectRef,
        source: `${actor.region ?? 'operator'}/${LEDGER_SOURCE}`,
        recipients: [h.fromRegion, h.toRegion],
        actor: actorLabel(actor),
        requestId: actor.requestId,
        data: { subjectRef: h.subjectRef, serviceCode: h.serviceCode, fromRegion: h.fromRegion, toRegion: h.toRegion, effectiveAt, handoffId: h.handoffId, reason: h.reason },
      });
      return accepted;
    });
  }

  async reject(handoffId: string, reason: string, actor: Actor): Promise<Handoff> {
    return this.db.tx(async () => {
      const h = await this.lockAsParty(handoffId, actor, 'to');
      if (h.status !== 'proposed') throw this.notOpen(h);
      const rejected = await this.handoffs.answer(h.handoffId, 'rejected', actor, reason);
      await this.emit('cn.gov.tongban.ledger.handoff-rejected.v1', rejected, actor, { answerReason: reason });
      return rejected;
    });
  }

  /** The releasing region objects (the person still lives there): a dispute for operators; nothing moves. */
  async object(handoffId: string, reason: string, actor: Actor): Promise<Handoff> {
    return this.db.tx(async () => {
      const h = await this.lockAsParty(handoffId, actor, 'from');
      if (h.status !== 'proposed') throw this.notOpen(h);
      const disputed = await this.handoffs.answer(h.handoffId, 'disputed', actor, reason);
      await this.emit('cn.gov.tongban.ledger.handoff-objected.v1', disputed, actor, { answerReason: reason });
      return disputed;
    });
  }

  async get(handoffId: string, region: string | null): Promise<Handoff> {
    const h = await this.handoffs.find(handoffId);
    if (!h || (region !== null && region !== h.fromRegion && region !== h.toRegion)) throw new DomainError(ErrorCode.NotFound, 'no such handoff');
    return h;
  }

  async operatorQueue(limit: number, after: string | undefined): Promise<{ items: Handoff[]; next: string | null }> {
    const items = await this.handoffs.needingOperators(limit, after);
    return { items, next: items.length === limit ? items[items.length - 1].handoffId : null };
  }

  /** Reminder and escalation events for proposals taken by the deadline job (in its transaction). */
  async emitDeadlineStep(type: 'cn.gov.tongban.ledger.handoff-reminder.v1' | 'cn.gov.tongban.ledger.handoff-escalated.v1', h: Handoff, actor: Actor): Promise<void> {
    await this.emit(type, h, actor, type === 'cn.gov.tongban.ledger.handoff-escalated.v1' ? { escalatedAt: h.escalatedAt ?? new Date().toISOString() } : {});
  }

  private async propose(subjectRef: string, serviceCode: string, from: string, to: string, cause: Cause, actor: Actor, today: string): Promise<Handoff> {
    const deadline = addWorkingDays(this.calendar, today, LEDGER_POLICY.handoffDeadlineWorkingDays);
    const remindOn = addWorkingDays(this.calendar, today, LEDGER_POLICY.handoffDeadlineWorkingDays - LEDGER_POLICY.handoffReminderWorkingDaysBefore);
    const h = await this.handoffs.insert({
      handoffId: randomUUID(),
      subjectRef,
      serviceCode,
      fromRegion: from,
      toRegion: to,
      reason: cause.reason,
      causeEventId: cause.eventId ?? null,
      proposedOn: today,
      remindOn,
      deadline,
    });
    await this.emit('cn.gov.tongban.ledger.handoff-proposed.v1', h, actor, {});
    return h;
  }

  private async withdraw(h: Handoff, actor: Actor, cause: Cause): Promise<void> {
    const withdrawn = await this.handoffs.answer(h.handoffId, 'withdrawn', actor, `superseded: ${cause.reason}`);
    await this.emit('cn.gov.tongban.ledger.handoff-withdrawn.v1', withdrawn, actor, {});
  }

  /**
   * Locks the handoff for its receiving ('to') or releasing ('from') region, acting through the agency
   * that provides the service (an education bureau answers for a school place, not public security);
   * a region not party to it learns nothing of it.
   */
  private async lockAsParty(handoffId: string, actor: Actor, side: 'to' | 'from'): Promise<Handoff> {
    const h = await this.handoffs.lock(handoffId);
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
    return new DomainError(ErrorCode.InvalidTransition, `the handoff is ${h.status}`, { status: h.status });
  }

  private async emit<T extends HandoffEventType>(type: T, h: Handoff, actor: Actor, extra: Partial<EventDataByType[T]>): Promise<void> {
    const data = {
      handoffId: h.handoffId,
      subjectRef: h.subjectRef,
      serviceCode: h.serviceCode,
      fromRegion: h.fromRegion,
      toRegion: h.toRegion,
      status: h.status,
      reason: h.reason.slice(0, 500),
      deadline: h.deadline,
      ...extra,
    } as EventDataByType[T];
    await this.outbox.append(LEDGER_SCHEMA, {
      type,
      subject: h.subjectRef,
      source: `${actor.region ?? 'operator'}/${LEDGER_SOURCE}`,
      recipients: [h.fromRegion, h.toRegion],
      actor: actorLabel(actor),
      requestId: actor.requestId,
      data,
    });
  }
}
