import { Injectable, Logger } from '@nestjs/common';
import { Database } from '@tongban/database';
import { fromEpochDay, toEpochDay } from '@tongban/calendar';
import { OutboxWriter } from '@tongban/messaging';
import { REMINDER_WORKING_DAYS, TransferDeadlines } from './transfer.deadlines';
import { awaiting, TransferEvent, transferEvents } from './transfer.events';
import { TransferRepository } from './transfer.repository';
import { SOCIAL_INSURANCE_SCHEMA, SOCIAL_INSURANCE_SOURCE, TransferRecord } from './transfer.types';

export interface ClockRunResult {
  /** false when another instance held the clock lock */
  ran: boolean;
  reminders: number;
  overdue: number;
  scheduled: number;
}

/** Calendar days looked ahead for reminders: 3 working days never span more than a golden week and two weekends. */
const LOOKAHEAD_DAYS = 21;
const BATCH = 1000;
const CLOCK_ACTOR = 'clock:social-insurance';

/**
 * The statutory clocks of open transfers, run for a given day (the job passes today in China; tests pass any
 * day). In one transaction under a cluster-wide advisory lock, so several instances never double-raise:
 *  - a due date still unknown (beyond the holiday schedule at the time) is computed when the schedule covers it;
 *  - at most REMINDER_WORKING_DAYS working days before the due date: a reminder event to the awaited region;
 *  - after the due date: an overdue event to both regions and an item on the operators' queue (an open overdue
 *    notice, with the transfer flagged overdue_since), resolved when the step is taken.
 * Each reminder and overdue item is raised once per clock (unique notice per transfer, party, start and kind).
 */
@Injectable()
export class TransferClockService {
  private readonly logger = new Logger('transfer-clock');

  constructor(
    private readonly db: Database,
    private readonly transfers: TransferRepository,
    private readonly outbox: OutboxWriter,
    private readonly deadlines: TransferDeadlines,
  ) {}

  runOnce(today: string): Promise<ClockRunResult> {
    const horizon = fromEpochDay(toEpochDay(today) + LOOKAHEAD_DAYS);
    return this.db.tx(async () => {
      const result: ClockRunResult = { ran: false, reminders: 0, overdue: 0, scheduled: 0 };
      if (!(await this.transfers.tryClockLock())) return result;
      result.ran = true;
      for (const candidate of await this.transfers.clockCandidates(horizon, BATCH)) {
        let t = candidate;
        if (t.clock && t.clock.dueOn === null) {
          const dueOn = this.deadlines.dueOn(t.clock.startedOn, t.clock.workingDays);
          if (dueOn === null) {
            this.logger.warn(
              `transfer ${t.transferId}: the holiday schedule does not yet reach its deadline (${t.clock.workingDays} working days after ${t.clock.startedOn})`,
            );
            continue;
          }
          t = await this.transfers.update({ ...t, clock: { ...t.clock, dueOn } }, CLOCK_ACTOR);
          await this.transfers.recordStep(
            t.transferId,
            'deadline',
            t.state,
            t.state,
            { region: null, label: CLOCK_ACTOR },
            { deadline: t.clock },
          );
          result.scheduled++;
        }
        const clock = t.clock;
        if (!clock || clock.dueOn === null) continue;
        if (today > clock.dueOn) {
          if (await this.raise(t, 'overdue', today)) {
            t = await this.transfers.update({ ...t, overdueSince: today }, CLOCK_ACTOR);
            await this.record(t, 'overdue', transferEvents.overdue(t, today));
            result.overdue++;
          }
        } else {
          const left = this.deadlines.workingDaysLeft(today, clock.dueOn);
          if (left !== undefined && left <= REMINDER_WORKING_DAYS && (await this.raise(t, 'reminder', today))) {
            await this.record(t, 'reminder', transferEvents.reminder(t, today, left));
            result.reminders++;
          }
        }
      }
      return result;
    });
  }

  private raise(t: TransferRecord, kind: 'reminder' | 'overdue', today: string): Promise<boolean> {
    const { step, awaitingRegion, dueOn } = awaiting(t);
    if (!t.clock) return Promise.resolve(false);
    return this.transfers.raiseNotice({
      transferId: t.transferId,
      clock: { ...t.clock, dueOn },
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
