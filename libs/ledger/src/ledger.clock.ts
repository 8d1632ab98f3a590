import { Deadline, WorkingDayCalendar } from '@tongban/calendar';
import { LEDGER_POLICY } from './ledger.policy';

/** When a handoff proposal is answered by, and when its reminder goes out. */
export interface HandoffSchedule {
  remindOn: string;
  deadline: string;
  /** past the official holiday schedule: counted on the statutory holidays, recomputed once a newer schedule covers it */
  deadlineProvisional: boolean;
}

/**
 * The ledger's clocks, in working days of the one calendar of @tongban/calendar: the official schedule, and
 * past it the statutory holidays (provisional). Never plain Monday–Friday: a proposal of 2026-12-18 is due
 * on Mon 2027-01-04, not on New Year's Day.
 */
export function handoffSchedule(calendar: WorkingDayCalendar, proposedOn: string): HandoffSchedule {
  const { handoffDeadlineWorkingDays: n, handoffReminderWorkingDaysBefore: before } = LEDGER_POLICY;
  const deadline = calendar.deadline(proposedOn, n);
  return { remindOn: calendar.addWorkingDays(proposedOn, n - before), deadline: deadline.date, deadlineProvisional: deadline.provisional };
}

/** The last day the releasing region may object to a fact change stated on `statedOn`. */
export function objectionDeadline(calendar: WorkingDayCalendar, statedOn: string): Deadline {
  return calendar.deadline(statedOn, LEDGER_POLICY.factObjectionWorkingDays);
}
