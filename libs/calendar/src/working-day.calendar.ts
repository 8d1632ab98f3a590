import { Injectable } from '@nestjs/common';
import { CalendarCoverageError } from './calendar.errors';
import { fromEpochDay, toEpochDay } from './iso-date.util';
import { DayKind, defaultWorkingDayTable, WorkingDayTable } from './working-day.dataset';

export interface CalendarCoverage {
  /** First and last year whose official schedule is in the dataset. */
  readonly firstYear: number;
  readonly lastYear: number;
  /** First and last day this calendar answers for (inclusive): `${firstYear}-01-01` .. `${lastYear}-12-28`. */
  readonly firstDate: string;
  readonly lastDate: string;
}

export interface DayInfo {
  readonly date: string;
  readonly working: boolean;
  readonly kind: DayKind;
  /** For public holidays and make-up working days: the holiday, in Chinese (e.g. 国庆节, 春节). */
  readonly holiday?: string;
}

/**
 * Working days of the official Chinese schedule: Monday–Friday, minus public holidays, plus the make-up
 * working days (调休上班, which fall on Saturdays or Sundays). Dates are `YYYY-MM-DD` strings of the Chinese
 * civil calendar (Asia/Shanghai); no time zone is involved.
 *
 * Deadlines follow the statutory convention (《民法典》第二百零一条 and the 工作日 time limits of the
 * social-insurance transfer measures): the day of receipt does not count, counting starts the next calendar day,
 * and a deadline of n working days is the n-th working day after that day.
 *
 * Dates outside `coverage()` throw CalendarCoverageError: there is deliberately no fallback to plain
 * Monday–Friday arithmetic, which would be wrong around every holiday.
 */
@Injectable()
export class WorkingDayCalendar {
  private readonly table: WorkingDayTable;

  constructor() {
    this.table = defaultWorkingDayTable();
  }

  coverage(): CalendarCoverage {
    const { firstYear, lastYear, firstDay, lastDay } = this.table;
    return { firstYear, lastYear, firstDate: fromEpochDay(firstDay), lastDate: fromEpochDay(lastDay) };
  }

  isWorkingDay(date: string): boolean {
    return this.isWorking(this.index(date));
  }

  /** Kind of the day, and the holiday it belongs to if any. */
  dayInfo(date: string): DayInfo {
    const i = this.index(date);
    const kind = this.table.kinds[i];
    const holiday = this.table.names.get(this.table.firstDay + i);
    return { date: fromEpochDay(this.table.firstDay + i), working: this.isWorking(i), kind, ...(holiday ? { holiday } : {}) };
  }

  /**
   * The n-th working day after `start` (`start` itself never counts, whether or not it is a working day).
   * `n` = 0 returns `start` unchanged. Throws CalendarCoverageError if the result would lie beyond coverage.
   */
  addWorkingDays(start: string, n: number): string {
    if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer, got ${n}`);
    const s = this.index(start);
    if (n === 0) return start;
    const { prefix } = this.table;
    // Working days in (s, j] = prefix[j + 1] - prefix[s + 1]; find the smallest j with that equal to n.
    const target = prefix[s + 1] + n;
    const lastIndex = prefix.length - 2;
    if (prefix[lastIndex + 1] < target) {
      throw new CalendarCoverageError(`${n} working days after ${start}`, this.coverage());
    }
    let lo = s + 1;
    let hi = lastIndex;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (prefix[mid + 1] >= target) hi = mid;
      else lo = mid + 1;
    }
    return fromEpochDay(this.table.firstDay + lo);
  }

  /**
   * Number of working days in the half-open interval (from, to] — the inverse of addWorkingDays:
   * `workingDaysBetween(d, addWorkingDays(d, n)) === n`. Negative when `to` is before `from`.
   */
  workingDaysBetween(from: string, to: string): number {
    const f = this.index(from);
    const t = this.index(to);
    return this.table.prefix[t + 1] - this.table.prefix[f + 1];
  }

  private isWorking(i: number): boolean {
    const kind = this.table.kinds[i];
    return kind === 'workday' || kind === 'make-up-workday';
  }

  /** Index of a date in the table; throws for malformed or uncovered dates. */
  private index(date: string): number {
    const day = toEpochDay(date);
    if (day < this.table.firstDay || day > this.table.lastDay) throw new CalendarCoverageError(date, this.coverage());
    return day - this.table.firstDay;
  }
}
