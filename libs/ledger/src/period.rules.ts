import type { Periodicity } from '@tongban/catalogue';

/** One period of a periodic service: [start, end) as ISO dates, and its key. */
export interface Period {
  key: string;
  start: string;
  end: string;
}

const pad = (n: number): string => String(n).padStart(2, '0');
const ymd = (y: number, m: number, d = 1): string => {
  // month may overflow into the next year
  const date = new Date(Date.UTC(y, m - 1, d));
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
};

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
      return m ? { key, start: ymd(+m[1], +m[2]), end: ymd(+m[1], +m[2] + 1) } : undefined;
    case 'school-term':
      m = /^(\d{4})-(spring|autumn)$/.exec(key);
      if (!m) return undefined;
      return m[2] === 'spring' ? { key, start: ymd(+m[1], 2), end: ymd(+m[1], 8) } : { key, start: ymd(+m[1], 8), end: ymd(+m[1] + 1, 2) };
    case 'yearly':
      m = /^(\d{4})$/.exec(key);
      return m ? { key, start: ymd(+m[1], 1), end: ymd(+m[1] + 1, 1) } : undefined;
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
      return periodOf(periodicity, `${y}-${pad(mo)}`);
    case 'school-term':
      if (mo === 1) return periodOf(periodicity, `${y - 1}-autumn`);
      return periodOf(periodicity, mo < 8 ? `${y}-spring` : `${y}-autumn`);
    case 'yearly':
      return periodOf(periodicity, String(y));
    default:
      return undefined;
  }
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
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
