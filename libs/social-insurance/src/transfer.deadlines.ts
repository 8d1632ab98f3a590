import { Injectable } from '@nestjs/common';
import { WorkingDayCalendar } from '@tongban/calendar';
import { loadCurrentTransferPolicy, TransferPolicy } from './funds';
import { ClockParty, InsuranceType, StepClock } from './transfer.types';

/** Days before a deadline (in working days) from which the clock job reminds the awaited region. */
export const REMINDER_WORKING_DAYS = 3;

/**
 * Statutory time limits, in working days of the official holiday schedule (with its make-up days):
 *  - pension (国办发〔2009〕66号 Art. 8): the outbound region has 15 working days from the contact letter to
 *    issue the certificate and remit the funds; the inbound region 15 from the remittance to book them;
 *  - medical (医保发〔2021〕43号): outbound 10, inbound 5.
 * The outbound clock therefore runs once across the certificate and remittance steps, as the measures say.
 * The numbers come from the policy data (transfer-policy.v1.json).
 *
 * Past the official holiday schedule (the chinese-days dataset, to December 28 of its last year) the deadline
 * is counted on the provisional calendar of @tongban/calendar (the statutory holidays of 全国年节及纪念日放假办法,
 * no make-up working days) and marked provisional; the recompute job counts it again once a newer schedule
 * covers it. A due date is therefore never missing, so reminders and overdue flags always fire.
 */
@Injectable()
export class TransferDeadlines {
  readonly policy: TransferPolicy = loadCurrentTransferPolicy();

  constructor(private readonly calendar: WorkingDayCalendar) {}

  workingDays(type: InsuranceType, party: ClockParty): number {
    if (type === 'pension') return this.policy.pension.stepWorkingDays;
    return party === 'outbound' ? this.policy.medical.outboundWorkingDays : this.policy.medical.inboundWorkingDays;
  }

  start(type: InsuranceType, party: ClockParty, startedOn: string): StepClock {
    return this.count({ party, startedOn, workingDays: this.workingDays(type, party) });
  }

  /** The clock counted (again) on the calendar as it is now: a provisional due date may move or become official. */
  count(clock: Pick<StepClock, 'party' | 'startedOn' | 'workingDays'>): StepClock {
    const { date, provisional } = this.calendar.deadline(clock.startedOn, clock.workingDays);
    return { party: clock.party, startedOn: clock.startedOn, workingDays: clock.workingDays, dueOn: date, provisional };
  }

  /** Working days left from today to dueOn (0 on the due day, negative once passed). */
  workingDaysLeft(today: string, dueOn: string): number {
    return this.calendar.workingDaysBetween(today, dueOn);
  }
}
