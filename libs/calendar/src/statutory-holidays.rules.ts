import { Lunar } from 'lunar-typescript';
import { fromEpochDay, toEpochDay, weekdayOf } from './iso-date.util';

/**
 * The days off every citizen has by the national holiday regulation, 国务院《全国年节及纪念日放假办法》as
 * amended on 2024-11-10 (国务院令第795号, in force 2025-01-01) — what the provisional calendar uses for the
 * years the official yearly schedule (国务院办公厅节假日安排通知, via the chinese-days dataset) does not reach yet:
 *  - Art. 2: 元旦 1 day (Jan 1); 春节 4 days (农历除夕、正月初一至初三); 清明节 1 day (the 清明 solar term);
 *    劳动节 2 days (May 1, 2); 端午节 1 day (农历五月初五); 中秋节 1 day (农历八月十五); 国庆节 3 days (Oct 1–3).
 *  - Art. 6: a holiday day that falls on a Saturday or Sunday is given back on a working day (补假). The
 *    regulation does not say which day; the yearly schedules give it on the first working day after the
 *    holiday, and so does this rule. A holiday day that coincides with another holiday's day (中秋节 on
 *    Oct 1–3, as in 2020 and 2028) is given back the same way, as the 2020 schedule did (8 days off).
 *  - Art. 7 (统一放假调休, make-up working days on weekends) is decided each year by the State Council's
 *    notice and cannot be known in advance: the provisional calendar has no make-up working days.
 * Lunar dates and the solar term come from the maintained npm library lunar-typescript (MIT).
 */

/** The regulation's amended text applies from this day; earlier years had other holiday lengths. */
export const STATUTORY_RULES_FROM = '2025-01-01';

export interface StatutoryDayOff {
  readonly date: string;
  readonly holiday: string;
  /** true for a day given back under Art. 6 (补假), false for the holiday's own day */
  readonly substitute: boolean;
}

interface Festival {
  readonly holiday: string;
  readonly days: readonly number[];
}

function festivals(year: number): Festival[] {
  const ymd = (m: number, d: number): number =>
    toEpochDay(`${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
  const lunar = (m: number, d: number): number => toEpochDay(Lunar.fromYmd(year, m, d).getSolar().toYmd());
  const newYear = lunar(1, 1);
  const qingming = toEpochDay(Lunar.fromYmd(year, 1, 1).getJieQiTable()['清明'].toYmd());
  return [
    { holiday: '元旦', days: [ymd(1, 1)] },
    { holiday: '春节', days: [newYear - 1, newYear, newYear + 1, newYear + 2] },
    { holiday: '清明节', days: [qingming] },
    { holiday: '劳动节', days: [ymd(5, 1), ymd(5, 2)] },
    { holiday: '端午节', days: [lunar(5, 5)] },
    { holiday: '中秋节', days: [lunar(8, 15)] },
    { holiday: '国庆节', days: [ymd(10, 1), ymd(10, 2), ymd(10, 3)] },
  ].sort((a, b) => a.days[0] - b.days[0]);
}

const isWeekend = (day: number): boolean => {
  const w = weekdayOf(day);
  return w === 0 || w === 6;
};

/** The statutory days off of a Gregorian year (from 2025 on), in date order. */
export function statutoryDaysOff(year: number): StatutoryDayOff[] {
  if (`${year}-01-01` < STATUTORY_RULES_FROM) {
    throw new RangeError(`the 2024 holiday regulation applies from ${STATUTORY_RULES_FROM}; ${year} had other rules`);
  }
  const off = new Map<number, StatutoryDayOff>();
  const all = festivals(year);
  for (const f of all) {
    let owed = 0;
    for (const day of f.days) {
      if (off.has(day)) {
        owed++;
        continue;
      }
      off.set(day, { date: fromEpochDay(day), holiday: f.holiday, substitute: false });
      if (isWeekend(day)) owed++;
    }
    // Given back on the first working days after the holiday that are not days off already.
    for (let day = Math.max(...f.days) + 1; owed > 0; day++) {
      if (isWeekend(day) || off.has(day) || all.some((g) => g !== f && g.days.includes(day))) continue;
      off.set(day, { date: fromEpochDay(day), holiday: f.holiday, substitute: true });
      owed--;
    }
  }
  return [...off.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
}
