import policy from '../data/ledger-policy.v1.json';

/** Policy values of the ledger, as data (libs/ledger/data/ledger-policy.v1.json). */
export interface LedgerPolicy {
  version: number;
  /** working days the receiving region has to answer a handoff proposal */
  handoffDeadlineWorkingDays: number;
  /** a reminder goes out this many working days before the deadline */
  handoffReminderWorkingDaysBefore: number;
  /**
   * working days the releasing region has to object to a fact stated by another region (a hukou move,
   * an insured-region change) before it becomes definitive
   */
  factObjectionWorkingDays: number;
  /** calendar days after the proposal within which an accept (or an operator's decision) may take effect */
  handoffEffectiveWindowDays: number;
  /** calendar days after a rejection before the same handoff is proposed again while the facts still call for it */
  handoffReproposeDays: number;
  /** calendar days after a period ends before a missing claim is a gap */
  gapGraceDays: number;
  /** how far back (days) the gap job looks for ended periods */
  gapLookbackDays: number;
  /** a claim (or an entitlement) may concern a period ending at most this many months before today */
  claimLookbackMonths: number;
  /** ... and a period at most this many periods after the current one */
  claimPeriodsAhead: number;
  /** time zone in which dates (effective dates, periods, deadlines) are read */
  timeZone: string;
}

export const LEDGER_POLICY: LedgerPolicy = Object.freeze({ ...policy });

/** Proposals rejected after this instant rest: they are not proposed again yet. */
export const reproposalCutoff = (now: Date): Date => new Date(now.getTime() - LEDGER_POLICY.handoffReproposeDays * 86_400_000);
