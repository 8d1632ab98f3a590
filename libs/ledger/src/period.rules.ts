import { addDays, addMonths } from '@tongban/calendar';
import type { Periodicity } from '@tongban/catalogue';

/** One period of a periodic service: [start, end) as ISO dates, and its key. */
export interface Period {
  key: string;
  start: string;
  end: string;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
/** The first day of month m of year y (m may run past 12 into the next year). */
const firstOf = (y: number, m: number): string => addMonths(`${pad(y, 4)}-01-01`, m - 1);

/**
 * Period keys of periodic services: monthly `YYYY-MM`; school term `YYYY-spring` (Feb–Jul) or
 * `YYYY-autumn` (Aug–Jan of the next year), so the two terms tile the year; yearly `YYYY`.
 * Other services (one-off, continuous) take any key: a bill, an episode, a course.
 */
export function periodOf(periodicity: Periodicity, key: string): Period | undefined {
  let m: RegExpExecArray | null;
  switch (periodicity) {
    case 'monthly':
      m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(key);
      return m ? { key, start: firstOf(+m[1], +m[2]), end: firstOf(+m[1], +m[2] + 1) } : undefined;
    case 'school-term':
      m = /^(\d{4})-(spring|autumn)$/.exec(key);
      if (!m) return undefined;
      return m[2] === 'spring'
        ? { key, start: firstOf(+m[1], 2), end: firstOf(+m[1], 8) }
        : { key, start: firstOf(+m[1], 8), end: firstOf(+m[1] + 1, 2) };
    case 'yearly':
      m = /^(\d{4})$/.exec(key);
      return m ? { key, start: firstOf(+m[1], 1), end: firstOf(+m[1] + 1, 1) } : undefined;
    default:
      return undefined;
  }
}

export const PERIOD_KEY_FORMATS: Partial<Record<Periodicity, string>> = {
  monthly: 'YYYY-MM',
  'school-term': 'YYYY-spring or YYYY-autumn',
  yearly: 'YYYY',
};

/** The period containing an ISO date. */
export function periodContaining(periodicity: Periodicity, date: string): Period | undefined {
  const [y, mo] = date.split('-').map(Number);
  switch (periodicity) {
    case 'monthly':
      return periodOf(periodicity, `${pad(y, 4)}-${pad(mo)}`);
    case 'school-term':
      if (mo === 1) return periodOf(periodicity, `${pad(y - 1, 4)}-autumn`);
      return periodOf(periodicity, mo < 8 ? `${pad(y, 4)}-spring` : `${pad(y, 4)}-autumn`);
    case 'yearly':
      return periodOf(periodicity, pad(y, 4));
    default:
      return undefined;
  }
}

/**
 * Which periods may be claimed today: those ending after `notBefore` (today minus the lookback) and
 * starting no later than `lastStart` (the start of the current period advanced `ahead` periods). A
 * service without periods (one-off, continuous) is judged at a reference date, windowed as the month
 * containing it.
 */
export interface ClaimWindow {
  notBefore: string;
  lastStart: string;
}

export function claimWindow(periodicity: Periodicity, today: string, lookbackMonths: number, ahead: number): ClaimWindow {
  const stepped = PERIOD_KEY_FORMATS[periodicity] ? periodicity : 'monthly';
  let current = periodContaining(stepped, today) as Period;
  for (let i = 0; i < ahead; i++) current = periodContaining(stepped, current.end) as Period;
  return { notBefore: addMonths(today, -lookbackMonths), lastStart: current.start };
}

/** Whether a period [start, end) lies in a claim window. */
export const inClaimWindow = (p: { start: string; end: string }, w: ClaimWindow): boolean => p.end > w.notBefore && p.start <= w.lastStart;

/** Whether a reference date (a service without periods) lies in a claim window: windowed as the month containing it, compared as strings (no date arithmetic on an unchecked date). */
export const referenceInClaimWindow = (date: string, w: ClaimWindow): boolean =>
  date >= w.notBefore && `${date.slice(0, 7)}-01` <= w.lastStart;

/**
 * The earliest day any claimable period can start today: where a newly known person's default holder
 * (the hukou region) holds from, so that every claimable period has a holder at its start.
 */
export function earliestClaimableStart(today: string, lookbackMonths: number): string {
  const notBefore = addMonths(today, -lookbackMonths);
  return (['monthly', 'school-term', 'yearly'] as const)
    .map((p) => (periodContaining(p, notBefore) as Period).start)
    .reduce((a, b) => (a < b ? a : b));
}

/**
 * Periods that ended (end + grace ≤ today) within the lookback window, newest first: the ones the gap
 * job checks. Ends are exclusive, so a month ending 2026-04-01 with 15 days' grace is due on 2026-04-16.
 */
export function periodsDue(periodicity: Periodicity, today: string, graceDays: number, lookbackDays: number): Period[] {
  const out: Period[] = [];
  const earliestEnd = addDays(today, -lookbackDays);
  let cursor = periodContaining(periodicity, addDays(today, -graceDays));
  // the period containing (today - grace) has not ended by then; step back from it
  while (cursor) {
    const previous = periodContaining(periodicity, addDays(cursor.start, -1));
    if (!previous || previous.end < earliestEnd) break;
    if (addDays(previous.end, graceDays) <= today) out.push(previous);
    cursor = previous;
  }
  return out;
}
