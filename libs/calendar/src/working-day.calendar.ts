import { Inject, Injectable, Optional } from '@nestjs/common';
import { CalendarCoverageError } from './calendar.errors';
import { fromEpochDay, toEpochDay } from './iso-date.util';
import { buildWorkingDayTable, DayKind, defaultWorkingDayTable, WorkingDayTable } from './working-day.dataset';

/**
 * Injection token of a holiday dataset in the chinese-days format (`{ holidays, workdays }`) that replaces
 * the one of the installed package: how a newer official schedule is brought in (and how tests simulate one).
 */
export const HOLIDAY_DATASET = Symbol('HOLIDAY_DATASET');

export interface CalendarCoverage {
  /** First and last year whose official schedule is in the dataset. */
  readonly firstYear: number;
  readonly lastYear: number;
  /** First and last day of the official schedule (inclusive): `${firstYear}-01-01` .. `${lastYear}-12-28`. */
  readonly firstDate: string;
  readonly lastDate: string;
  /** Last day the calendar answers for at all; the days after `lastDate` are provisional. */
  readonly provisionalThrough: string;
}

export interface DayInfo {
  readonly date: string;
  readonly working: boolean;
  readonly kind: DayKind;
  /** For public holidays and make-up working days: the holiday, in Chinese (e.g. 国庆节, 春节). */
  readonly holiday?: string;
  /** true past the official schedule: the statutory holidays only, no make-up working days yet */
  readonly provisional: boolean;
}

/** A computed deadline, provisional when it lies past the official schedule (it may move once that arrives). */
export interface Deadline {
  readonly date: string;
  readonly provisional: boolean;
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
 * Past the official schedule (the dataset's last year, to December 28) the calendar is provisional: the
 * statutory holidays of the national regulation are skipped (statutory-holidays.rules.ts), with no make-up
 * working days; a deadline that lands there says so (`provisional: true`), so its owner can recompute it once
 * a newer dataset covers it. Only dates before the dataset or after LATEST_DATE throw CalendarCoverageError.
 */
@Injectable()
export class WorkingDayCalendar {
  private readonly table: WorkingDayTable;

  constructor(@Optional() @Inject(HOLIDAY_DATASET) dataset?: unknown) {
    this.table = dataset === undefined ? defaultWorkingDayTable() : buildWorkingDayTable(dataset);
  }

  coverage(): CalendarCoverage {
    const { firstYear, lastYear, firstDay, officialLastDay, maxDay } = this.table;
    return {
      firstYear,
      lastYear,
      firstDate: fromEpochDay(firstDay),
      lastDate: fromEpochDay(officialLastDay),
      provisionalThrough: fromEpochDay(maxDay),
    };
  }

  /** True when the official schedule does not reach `date` yet (the provisional calendar answers for it). */
  isProvisional(date: string): boolean {
    return toEpochDay(date) > this.table.officialLastDay;
  }

  isWorkingDay(date: string): boolean {
    return this.isWorking(this.index(date));
  }

  /** Kind of the day, and the holiday it belongs to if any. */
  dayInfo(date: string): DayInfo {
    const i = this.index(date);
    const day = this.table.firstDay + i;
    const holiday = this.table.names.get(day);
    return {
      date: fromEpochDay(day),
      working: this.isWorking(i),
      kind: this.table.kinds[i],
      ...(holiday ? { holiday } : {}),
      provisional: day > this.table.officialLastDay,
    };
  }

  /**
   * The n-th working day after `start` (`start` itself never counts, whether or not it is a working day).
   * `n` = 0 returns `start` unchanged. Throws CalendarCoverageError only past LATEST_DATE.
   */
  addWorkingDays(start: string, n: number): string {
    if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer, got ${n}`);
    const s = this.index(start);
    if (n === 0) return start;
    const target = this.table.prefix[s + 1] + n;
    // Working days in (s, j] = prefix[j + 1] - prefix[s + 1]; find the smallest j with that equal to n.
    // A year has well over 200 working days, so n / 200 years past start (plus one) is always enough.
    const enough = this.table.firstDay + s + Math.ceil(n / 200 + 1) * 366;
    this.table.ensure(Math.min(enough, this.table.maxDay));
    const { prefix } = this.table;
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

  /** addWorkingDays, with whether the result is provisional (past the official schedule). */
  deadline(start: string, n: number): Deadline {
    const date = this.addWorkingDays(start, n);
    return { date, provisional: this.isProvisional(date) };
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

  /** Index of a date in the table (extending the provisional part as needed); throws for malformed or uncovered dates. */
  private index(date: string): number {
    const day = toEpochDay(date);
    if (day < this.table.firstDay || !this.table.ensure(day)) throw new CalendarCoverageError(date, this.coverage());
    return day - this.table.firstDay;
  }
}
