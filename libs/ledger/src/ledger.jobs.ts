import { Injectable } from '@nestjs/common';
import { ChinaClock, chinaDay, WorkingDayCalendar } from '@tongban/calendar';
import { Database } from '@tongban/database';
import { Actor } from '@tongban/identity';
import { OutboxWriter } from '@tongban/messaging';
import { HandoffRepository } from './handoff.repository';
import { FactChangeRepository } from './fact-change.repository';
import { FactChangeService } from './fact-change.service';
import { HandoffService } from './handoff.service';
import { HandoffEvents } from './handoff.events';
import { handoffSchedule, objectionDeadline } from './ledger.clock';
import { deadlineChangedEvents, LedgerEvent } from './ledger.outgoing-events';
import { LEDGER_POLICY, reproposalCutoff } from './ledger.policy';
import { Handoff, LEDGER_SCHEMA, LEDGER_SOURCE } from './ledger.types';
import { SubjectRepository } from './subject.repository';

const JOB_ACTOR: Actor = { region: null, agency: null, credential: 'ledger-jobs' };
const BATCH = 500;
/** whole cases per page of reminders or escalations (a case holds up to ~35 services) */
const CASES_PER_PAGE = 50;

export interface DeadlineRun {
  ran: boolean;
  reminded: number;
  escalated: number;
}

export interface ProvisionalRun {
  ran: boolean;
  /** provisional deadlines looked at (handoffs and fact changes) */
  checked: number;
  /** deadlines that moved or became official */
  recomputed: number;
}

/**
 * The ledger's periodic work, callable directly with an injected "now". Each run holds a transaction
 * advisory lock, so when several ledger app instances fire at once only one does the work and the others
 * return { ran: false }. Reminders and escalations are marked in the same transaction as their events.
 */
@Injectable()
export class LedgerJobs {
  constructor(
    private readonly db: Database,
    private readonly handoffs: HandoffRepository,
    private readonly handoffService: HandoffService,
    private readonly events: HandoffEvents,
    private readonly factChanges: FactChangeService,
    private readonly factChangeRows: FactChangeRepository,
    private readonly subjects: SubjectRepository,
    private readonly clock: ChinaClock,
    private readonly outbox: OutboxWriter,
    private readonly calendar: WorkingDayCalendar,
  ) {}

  /**
   * Deadlines counted past the official holiday schedule (provisional) are counted again on the calendar as
   * it is now: once a newer schedule (a chinese-days release) covers them, they take the official dates. Only
   * those that still matter: unanswered proposals, fact changes in their objection window. A reminder or an
   * escalation already made stays made. Each date that moved or became official is announced in the same
   * transaction (handoff-deadline-changed to both regions, fact-change-deadline-changed to the releasing one).
   */
  async runProvisionalDeadlines(now: Date = this.clock.now()): Promise<ProvisionalRun> {
    const today = chinaDay(now);
    return this.db.tx(async () => {
      const run: ProvisionalRun = { ran: false, checked: 0, recomputed: 0 };
      if (!(await this.db.tryXactLock('tongban:ledger:provisional-deadlines'))) return run;
      run.ran = true;
      for (let after: string | null = null; ;) {
        const page = await this.handoffs.provisionalDeadlines(after, BATCH);
        const announced: Array<Handoff & { previousDeadline: string }> = [];
        for (const h of page) {
          const s = handoffSchedule(this.calendar, h.proposedOn);
          if (s.deadlineProvisional && s.deadline === h.deadline && s.remindOn === h.remindOn) continue;
          const next = await this.handoffs.reschedule(h, s);
          // a reminder date alone moving is the ledger's business; the regions hear of the deadline
          if (next.deadline !== h.deadline || !next.deadlineProvisional) {
            if (this.events.perServiceWritten())
              await this.announce(next.subjectRef, deadlineChangedEvents.handoff(next, h.deadline, today));
            announced.push({ ...next, previousDeadline: h.deadline });
          }
          run.recomputed++;
        }
        await this.events.caseSteps('deadline-changed', announced, JOB_ACTOR, (hs) => ({ previousDeadline: hs[0].previousDeadline }));
        run.checked += page.length;
        if (page.length < BATCH) break;
        after = page[page.length - 1].handoffId;
      }
      for (let after: string | null = null; ;) {
        const page = await this.factChangeRows.provisionalDeadlines(after, BATCH, LEDGER_POLICY.timeZone);
        for (const c of page) {
          const d = objectionDeadline(this.calendar, c.statedOn);
          if (d.provisional && d.date === c.objectionDeadline) continue;
          const next = await this.factChangeRows.reschedule(c, d);
          await this.announce(next.subjectRef, deadlineChangedEvents.factChange(next, c.objectionDeadline, today));
          run.recomputed++;
        }
        run.checked += page.length;
        if (page.length < BATCH) break;
        after = page[page.length - 1].changeId;
      }
      return run;
    });
  }

  /** Reminders from the reminder day, escalation to operators once the deadline day has passed. */
  async runHandoffDeadlines(now: Date = this.clock.now(), casesPerPage = CASES_PER_PAGE): Promise<DeadlineRun> {
    const today = chinaDay(now);
    return this.db.tx(async () => {
      if (!(await this.db.tryXactLock('tongban:ledger:handoff-deadlines'))) return { ran: false, reminded: 0, escalated: 0 };
      let reminded = 0;
      let escalated = 0;
      for (
        let batch = await this.handoffs.takeDueEscalations(today, casesPerPage);
        batch.length > 0;
        batch = await this.handoffs.takeDueEscalations(today, casesPerPage)
      ) {
        const escalatedAt = (h: Handoff): string => h.escalatedAt ?? now.toISOString();
        for (const h of batch) {
          await this.events.perService('cn.gov.tongban.ledger.handoff-escalated.v2', h, JOB_ACTOR, {
            deadlineProvisional: h.deadlineProvisional,
            escalatedAt: escalatedAt(h),
          });
        }
        await this.events.caseSteps('escalated', batch, JOB_ACTOR, (hs) => ({ escalatedAt: escalatedAt(hs[0]) }));
        escalated += batch.length;
      }
      for (
        let batch = await this.handoffs.takeDueReminders(today, casesPerPage);
        batch.length > 0;
        batch = await this.handoffs.takeDueReminders(today, casesPerPage)
      ) {
        for (const h of batch)
          await this.events.perService('cn.gov.tongban.ledger.handoff-reminder.v2', h, JOB_ACTOR, {
            deadlineProvisional: h.deadlineProvisional,
          });
        await this.events.caseSteps('reminder', batch, JOB_ACTOR);
        reminded += batch.length;
      }
      return { ran: true, reminded, escalated };
    });
  }

  /**
   * Fact changes whose objection window has passed without an objection become definitive and apply
   * (the ledger then proposes the handoffs they cause), in batches, one job at a time.
   */
  async runFactChangeWindows(now: Date = this.clock.now()): Promise<{ ran: boolean; applied: number }> {
    const today = chinaDay(now);
    return this.db.tx(async () => {
      if (!(await this.db.tryXactLock('tongban:ledger:fact-change-windows'))) return { ran: false, applied: 0 };
      let applied = 0;
      for (
        let n = await this.factChanges.applyLapsed(today, BATCH, JOB_ACTOR);
        n > 0;
        n = await this.factChanges.applyLapsed(today, BATCH, JOB_ACTOR)
      )
        applied += n;
      return { ran: true, applied };
    });
  }

  /**
   * Proposals rejected at least `handoffReproposeDays` ago are looked at again: where the person's facts
   * still call for the handoff, it is proposed anew (a rejection or an operator's rejection is an answer
   * for now, not for ever; the holder stays responsible meanwhile, so nothing is skipped).
   */
  async runReevaluation(now: Date = this.clock.now()): Promise<{ ran: boolean; evaluated: number; proposed: number }> {
    return this.db.tx(async () => {
      if (!(await this.db.tryXactLock('tongban:ledger:reevaluation'))) return { ran: false, evaluated: 0, proposed: 0 };
      const before = reproposalCutoff(now);
      let evaluated = 0;
      let proposed = 0;
      for (
        let refs = await this.handoffs.takeRejectedForReevaluation(before, BATCH);
        refs.length > 0;
        refs = await this.handoffs.takeRejectedForReevaluation(before, BATCH)
      ) {
        for (const subjectRef of refs) {
          const facts = await this.subjects.lock(subjectRef);
          if (facts)
            proposed += (
              await this.handoffService.reconcile(
                facts,
                { reason: 'periodic re-evaluation: the facts still call for this handoff' },
                JOB_ACTOR,
                now,
              )
            ).length;
        }
        evaluated += refs.length;
      }
      return { ran: true, evaluated, proposed };
    });
  }

  /**
   * Thresholds crossed today: people whose years of residence or insurance reach a city's condition on
   * or before today (the anniversary counts) are reconciled, so the service is proposed on that day;
   * reconcile stores each person's next such day. A day the job missed is caught up on the next run.
   */
  async runConditionThresholds(now: Date = this.clock.now()): Promise<{ ran: boolean; reviewed: number; proposed: number }> {
    const today = chinaDay(now);
    return this.db.tx(async () => {
      if (!(await this.db.tryXactLock('tongban:ledger:condition-thresholds'))) return { ran: false, reviewed: 0, proposed: 0 };
      let reviewed = 0;
      let proposed = 0;
      for (
        let due = await this.subjects.lockDueReviews(today, BATCH);
        due.length > 0;
        due = await this.subjects.lockDueReviews(today, BATCH)
      ) {
        for (const facts of due) {
          const cause = { reason: `a condition's threshold was reached on ${today}` };
          proposed += (await this.handoffService.reconcile(facts, cause, JOB_ACTOR, now)).length;
        }
        reviewed += due.length;
      }
      return { ran: true, reviewed, proposed };
    });
  }

  private async announce(subjectRef: string, event: LedgerEvent): Promise<void> {
    await this.outbox.append(LEDGER_SCHEMA, {
      type: event.type,
      subject: subjectRef,
      source: `tongban/${LEDGER_SOURCE}-clock`,
      recipients: event.recipients,
      actor: JOB_ACTOR.credential,
      data: event.data,
    });
  }
}
