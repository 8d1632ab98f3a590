import chineseDaysDataset from 'chinese-days/dist/chinese-days.json';
import { LATEST_DATE } from './date-window';
import { fromEpochDay, isIsoDate, toEpochDay, weekdayOf } from './iso-date.util';
import { STATUTORY_RULES_FROM, statutoryDaysOff } from './statutory-holidays.rules';

/**
 * The official schedule of public holidays and make-up working days (调休) comes from the npm package
 * `chinese-days` (maintained from the State Council's yearly 国务院办公厅关于部分节假日安排的通知). We read the
 * static dataset it ships (`dist/chinese-days.json`, documented in its README as a supported artefact) rather
 * than calling its `isWorkday()`: that function parses dates as UTC but reads them with local-time getters,
 * and generates its tables the same way, so in a process whose time zone is west of UTC (e.g. TZ=America/…)
 * it answers for the wrong day (checked: 1.5.7 reports Monday 2025-10-13 as a day off under
 * America/Los_Angeles). working-day.calendar.spec.ts cross-checks this table against `isWorkday()` for every
 * covered day under TZ=Asia/Shanghai, so the two cannot drift apart.
 */

/** Kind of a day on the official schedule. */
export type DayKind = 'workday' | 'weekend' | 'public-holiday' | 'make-up-workday';

/**
 * The next year's New Year arrangement can reassign days at the end of December (2018-12-29 was a make-up
 * working day and 2018-12-30/31 days off for New Year 2019; 2006-12-30/31 were worked for New Year 2007). Until
 * that next schedule is in the dataset, days after December 28 of the dataset's last year are not reliable, so
 * they are provisional (statutory-holidays.rules.ts), like everything after them.
 */
export const LAST_RELIABLE_DECEMBER_DAY = 28;

/**
 * Per-day kinds and working-day prefix counts: the official schedule of the dataset for
 * [firstDay, officialLastDay], then the provisional calendar (statutory-holidays.rules.ts) after it, built
 * year by year on demand up to LATEST_DATE. `prefix[i]` = number of working days among days 0..i-1.
 */
export class WorkingDayTable {
  readonly kinds: DayKind[] = [];
  /** Chinese name of the holiday a public holiday or make-up working day belongs to (e.g. 国庆节). */
  readonly names = new Map<number, string>();
  readonly prefix: number[] = [0];
  /** Epoch day of the last day of the official schedule; later days are provisional. */
  readonly officialLastDay: number;
  /** Epoch day of the last day a table may be extended to (LATEST_DATE). */
  readonly maxDay = toEpochDay(LATEST_DATE);

  constructor(
    readonly firstYear: number,
    readonly lastYear: number,
    readonly firstDay: number,
    official: (day: number) => { kind: DayKind; name?: string },
  ) {
    this.officialLastDay = toEpochDay(`${lastYear}-12-${LAST_RELIABLE_DECEMBER_DAY}`);
    if (this.officialLastDay + 1 < toEpochDay(STATUTORY_RULES_FROM)) {
      throw new Error(`holiday dataset: it ends in ${lastYear}, before the holiday regulation's rules of ${STATUTORY_RULES_FROM}`);
    }
    for (let day = firstDay; day <= this.officialLastDay; day++) {
      const { kind, name } = official(day);
      this.push(day, kind, name);
    }
  }

  /** Last epoch day built so far. */
  get lastDay(): number {
    return this.firstDay + this.kinds.length - 1;
  }

  /** Builds the provisional days up to `day` (whole years at a time); false when `day` is past maxDay. */
  ensure(day: number): boolean {
    if (day > this.maxDay) return false;
    while (this.lastDay < day) {
      const from = this.lastDay + 1;
      const year = Number(fromEpochDay(from).slice(0, 4));
      const off = new Map(statutoryDaysOff(year).map((d) => [toEpochDay(d.date), d.holiday]));
      const until = Math.min(toEpochDay(`${year}-12-31`), this.maxDay);
      for (let d = from; d <= until; d++) {
        const holiday = off.get(d);
        this.push(d, holiday ? 'public-holiday' : weekdayKind(d), holiday);
      }
    }
    return true;
  }

  private push(day: number, kind: DayKind, name?: string): void {
    const i = this.kinds.length;
    this.kinds.push(kind);
    if (name) this.names.set(day, name);
    this.prefix.push(this.prefix[i] + (kind === 'workday' || kind === 'make-up-workday' ? 1 : 0));
  }
}

function weekdayKind(day: number): DayKind {
  const weekday = weekdayOf(day);
  return weekday === 0 || weekday === 6 ? 'weekend' : 'workday';
}

type DateMap = Record<string, string>;

function dateMap(raw: unknown, member: string): DateMap {
  const value = (raw as Record<string, unknown>)[member];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`chinese-days dataset: "${member}" is not an object`);
  }
  for (const [key, label] of Object.entries(value)) {
    if (!isIsoDate(key) || typeof label !== 'string') {
      throw new Error(`chinese-days dataset: bad entry in "${member}": ${key}`);
    }
  }
  return value as DateMap;
}

/** Label format of chinese-days: "National Day,国庆节,3" → 国庆节. */
function chineseName(label: string): string {
  const parts = label.split(',');
  return (parts[1] ?? parts[0] ?? label).trim();
}

/** Validates a dataset in the chinese-days format and precomputes per-day kinds and working-day prefix counts. */
export function buildWorkingDayTable(raw: unknown): WorkingDayTable {
  if (typeof raw !== 'object' || raw === null) throw new Error('chinese-days dataset: not an object');
  const holidays = dateMap(raw, 'holidays');
  const workdays = dateMap(raw, 'workdays');

  for (const day of Object.keys(workdays)) {
    if (day in holidays) throw new Error(`chinese-days dataset: ${day} is both a holiday and a working day`);
  }
  // A year is covered when its schedule is in the dataset; every schedule has public holidays (元旦 at least).
  const years = [...new Set(Object.keys(holidays).map((d) => Number(d.slice(0, 4))))].sort((a, b) => a - b);
  if (years.length === 0) throw new Error('chinese-days dataset: no holidays');
  const firstYear = years[0];
  const lastYear = years[years.length - 1];
  if (years.length !== lastYear - firstYear + 1) {
    throw new Error(`chinese-days dataset: years ${firstYear}..${lastYear} are not contiguous (${years.join(',')})`);
  }

  const table = new WorkingDayTable(firstYear, lastYear, toEpochDay(`${firstYear}-01-01`), (day) => {
    const iso = fromEpochDay(day);
    if (iso in workdays) return { kind: 'make-up-workday', name: chineseName(workdays[iso]) };
    if (iso in holidays) return { kind: 'public-holiday', name: chineseName(holidays[iso]) };
    return { kind: weekdayKind(day) };
  });
  // Two provisional years ahead at once, so the usual clocks never wait for a lunar computation.
  table.ensure(toEpochDay(`${lastYear + 2}-12-31`));
  return table;
}

let defaultTable: WorkingDayTable | undefined;

/** The table built from the installed chinese-days package (built once, on first use). */
export function defaultWorkingDayTable(): WorkingDayTable {
  defaultTable ??= buildWorkingDayTable(chineseDaysDataset);
  return defaultTable;
}
