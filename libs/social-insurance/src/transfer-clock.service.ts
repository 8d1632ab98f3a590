import { Injectable } from '@nestjs/common';
import { addDays } from '@tongban/calendar';
import { Database } from '@tongban/database';
import { OutboxWriter } from '@tongban/messaging';
import { REMINDER_WORKING_DAYS, TransferDeadlines } from './transfer.deadlines';
import { awaiting, TransferEvent, transferEvents } from './transfer.events';
import { ClockCursor, TransferRepository } from './transfer.repository';
import { SOCIAL_INSURANCE_SCHEMA, SOCIAL_INSURANCE_SOURCE, TransferRecord } from './transfer.types';

export interface ClockRunResult {
  /** false when another instance held the clock lock */
  ran: boolean;
  reminders: number;
  overdue: number;
}

export interface RecomputeResult {
  ran: boolean;
  /** provisional due dates looked at */
  checked: number;
  /** due dates that moved or became official */
  recomputed: number;
}

/** Calendar days looked ahead for reminders: 3 working days never span more than a golden week and two weekends. */
const LOOKAHEAD_DAYS = 21;
/** Transfers per transaction; a run walks all of them, page after page. */
export const CLOCK_BATCH = 500;
const CLOCK_ACTOR = 'clock:social-insurance';
/** one clock job at a time across all instances */
const CLOCK_LOCK = 'social_insurance:transfer-clock';

/**
 * The statutory clocks of open transfers, run for a given day (the job passes today in China; tests pass any
 * day). Every open transfer has a due date (provisional past the official holiday schedule). A run walks all
 * transfers due by the lookahead horizon in (due_on, seq) order, a bounded page per transaction under a
 * cluster-wide advisory lock, so none is starved however many there are and several instances never double-raise:
 *  - at most REMINDER_WORKING_DAYS working days before the due date: a reminder event to the awaited region;
 *  - after the due date: an overdue event to both regions and an item on the operators' queue (an open overdue
 *    notice, with the transfer flagged overdue_since), resolved when the step is taken.
 * Each reminder and overdue item is raised once per clock and due date (unique notice).
 * `recomputeProvisional` counts provisional due dates again on the calendar as it is now: once a newer holiday
 * schedule covers them, they take the official date, and a deadline-changed event in the same transaction tells
 * the regions that heard of the step.
 */
@Injectable()
export class TransferClockService {
  constructor(
    private readonly db: Database,
    private readonly transfers: TransferRepository,
    private readonly outbox: OutboxWriter,
    private readonly deadlines: TransferDeadlines,
  ) {}

  async runOnce(today: string, batchSize = CLOCK_BATCH): Promise<ClockRunResult> {
    const horizon = addDays(today, LOOKAHEAD_DAYS);
    const result: ClockRunResult = { ran: false, reminders: 0, overdue: 0 };
    let cursor: ClockCursor | null = null;
    for (;;) {
      const after: ClockCursor | null = cursor;
      const page = await this.db.tx(async () => {
        if (!(await this.db.tryXactLock(CLOCK_LOCK))) return undefined;
        const batch = await this.transfers.clockCandidates(horizon, after, batchSize);
        for (const t of batch) await this.advance(t, today, result);
        return batch;
      });
      if (page === undefined) return result;
      result.ran = true;
      const last = page[page.length - 1];
      if (page.length < batchSize || !last?.clock || last.seq === undefined) return result;
      cursor = { dueOn: last.clock.dueOn, seq: last.seq };
    }
  }

  async recomputeProvisional(today: string, batchSize = CLOCK_BATCH): Promise<RecomputeResult> {
    const result: RecomputeResult = { ran: false, checked: 0, recomputed: 0 };
    let after: string | null = null;
    for (;;) {
      const from: string | null = after;
      const page = await this.db.tx(async () => {
        if (!(await this.db.tryXactLock(CLOCK_LOCK))) return undefined;
        const batch = await this.transfers.provisionalClocks(from, batchSize);
        for (const t of batch) if (await this.recompute(t, today)) result.recomputed++;
        return batch;
      });
      if (page === undefined) return result;
      result.ran = true;
      result.checked += page.length;
      const last = page[page.length - 1];
      if (page.length < batchSize || last?.seq === undefined) return result;
      after = last.seq;
    }
  }

  /** A provisional due date counted again; when it moved or became official, the regions are told (deadline-changed). */
  private async recompute(t: TransferRecord, today: string): Promise<boolean> {
    if (!t.clock) return false;
    const clock = this.deadlines.count(t.clock);
    if (clock.dueOn === t.clock.dueOn && clock.provisional) return false;
    // An overdue flag raised on a provisional date that the official schedule pushes back is withdrawn.
    const withdrawn = t.overdueSince !== null && today <= clock.dueOn;
    if (withdrawn) await this.transfers.resolveOverdue(t.transferId);
    const next = await this.transfers.update({ ...t, clock, overdueSince: withdrawn ? null : t.overdueSince }, CLOCK_ACTOR);
    await this.transfers.recordStep(
      t.transferId,
      'deadline',
      next.state,
      next.state,
      { region: null, label: CLOCK_ACTOR },
      { deadline: clock, previousDueOn: t.clock.dueOn, overdueWithdrawn: withdrawn },
    );
    await this.publish(next, transferEvents.deadlineChanged(next, t.clock.dueOn, withdrawn, today));
    return true;
  }

  private async advance(candidate: TransferRecord, today: string, result: ClockRunResult): Promise<void> {
    let t = candidate;
    const clock = t.clock;
    if (!clock) return;
    if (today > clock.dueOn) {
      if (await this.raise(t, 'overdue', today)) {
        t = await this.transfers.update({ ...t, overdueSince: today }, CLOCK_ACTOR);
        await this.record(t, 'overdue', transferEvents.overdue(t, today));
        result.overdue++;
      }
      return;
    }
    const left = this.deadlines.workingDaysLeft(today, clock.dueOn);
    if (left <= REMINDER_WORKING_DAYS && (await this.raise(t, 'reminder', today))) {
      await this.record(t, 'reminder', transferEvents.reminder(t, today, left));
      result.reminders++;
    }
  }

  private raise(t: TransferRecord, kind: 'reminder' | 'overdue', today: string): Promise<boolean> {
    const { step, awaitingRegion } = awaiting(t);
    if (!t.clock) return Promise.resolve(false);
    return this.transfers.raiseNotice({
      transferId: t.transferId,
      clock: t.clock,
      kind,
      step,
      awaitingRegion,
      raisedOn: today,
    });
  }

  private async record(t: TransferRecord, kind: 'reminder' | 'overdue', event: TransferEvent): Promise<void> {
    await this.transfers.recordStep(
      t.transferId,
      kind,
      t.state,
      t.state,
      { region: null, label: CLOCK_ACTOR },
      event.data as unknown as Record<string, unknown>,
    );
    await this.publish(t, event);
  }

  private async publish(t: TransferRecord, event: TransferEvent): Promise<void> {
    await this.outbox.append(SOCIAL_INSURANCE_SCHEMA, {
      type: event.type,
      subject: t.subjectRef,
      source: `tongban/${SOCIAL_INSURANCE_SOURCE}-clock`,
      recipients: event.recipients ?? [t.inboundRegion, t.outboundRegion],
      actor: CLOCK_ACTOR,
      data: event.data,
    });
  }
}
