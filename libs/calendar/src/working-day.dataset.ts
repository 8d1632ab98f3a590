import chineseDaysDataset from 'chinese-days/dist/chinese-days.json';
import { fromEpochDay, isIsoDate, toEpochDay, weekdayOf } from './iso-date.util';

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
 * they are outside the coverage.
 */
export const LAST_RELIABLE_DECEMBER_DAY = 28;

export interface WorkingDayTable {
  readonly firstYear: number;
  readonly lastYear: number;
  /** Epoch days (since 1970-01-01) of the first and last covered day, inclusive. */
  readonly firstDay: number;
  readonly lastDay: number;
  readonly kinds: readonly DayKind[];
  /** Chinese name of the holiday a public holiday or make-up working day belongs to (e.g. 国庆节). */
  readonly names: ReadonlyMap<number, string>;
  /** `prefix[i]` = number of working days among the covered days 0..i-1 (so `prefix[0]` = 0). */
  readonly prefix: Int32Array;
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

/** Validates the chinese-days dataset and precomputes per-day kinds and working-day prefix counts. */
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

  const firstDay = toEpochDay(`${firstYear}-01-01`);
  const lastDay = toEpochDay(`${lastYear}-12-${LAST_RELIABLE_DECEMBER_DAY}`);
  const kinds: DayKind[] = [];
  const names = new Map<number, string>();
  const prefix = new Int32Array(lastDay - firstDay + 2);
  for (let day = firstDay; day <= lastDay; day++) {
    const iso = fromEpochDay(day);
    let kind: DayKind;
    if (iso in workdays) {
      kind = 'make-up-workday';
      names.set(day, chineseName(workdays[iso]));
    } else if (iso in holidays) {
      kind = 'public-holiday';
      names.set(day, chineseName(holidays[iso]));
    } else {
      const weekday = weekdayOf(day);
      kind = weekday === 0 || weekday === 6 ? 'weekend' : 'workday';
    }
    const i = day - firstDay;
    kinds.push(kind);
    prefix[i + 1] = prefix[i] + (kind === 'workday' || kind === 'make-up-workday' ? 1 : 0);
  }
  return { firstYear, lastYear, firstDay, lastDay, kinds, names, prefix };
}

let defaultTable: WorkingDayTable | undefined;

/** The table built from the installed chinese-days package (built once, on first use). */
export function defaultWorkingDayTable(): WorkingDayTable {
  defaultTable ??= buildWorkingDayTable(chineseDaysDataset);
  return defaultTable;
}
