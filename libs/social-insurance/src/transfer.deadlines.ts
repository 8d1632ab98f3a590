import { Injectable } from '@nestjs/common';
import { CalendarCoverageError, WorkingDayCalendar } from '@tongban/calendar';
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
 * Beyond the published holiday schedule (the calendar covers up to its last published year) a deadline is
 * not guessed: dueOn is null, the step is accepted all the same, and the clock job fills the date in once a
 * release carries the next schedule.
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
    const workingDays = this.workingDays(type, party);
    return { party, startedOn, workingDays, dueOn: this.dueOn(startedOn, workingDays) };
  }

  /** The deadline, or null when the official schedule does not reach it yet. */
  dueOn(startedOn: string, workingDays: number): string | null {
    try {
      return this.calendar.addWorkingDays(startedOn, workingDays);
    } catch (error) {
      if (error instanceof CalendarCoverageError) return null;
      throw error;
    }
  }

  /** Working days left from today to dueOn (0 on the due day), or undefined when not computable. */
  workingDaysLeft(today: string, dueOn: string): number | undefined {
    try {
      return this.calendar.workingDaysBetween(today, dueOn);
    } catch (error) {
      if (error instanceof CalendarCoverageError) return undefined;
      throw error;
    }
  }
}
