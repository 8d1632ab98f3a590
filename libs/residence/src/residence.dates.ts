import { addMonths, daysInMonth } from '@tongban/calendar';

/** Calendar dates are `YYYY-MM-DD` strings of the Chinese civil calendar (Asia/Shanghai); arithmetic is @tongban/calendar's. */

/** `years` calendar years later; the day is clamped to the month's end (2024-02-29 + 1 → 2025-02-28). */
export const addYears = (isoDate: string, years: number): string => addMonths(isoDate, 12 * years);

/** Year, month and day of a date, whatever the width of its year (a stored 9999-12-31 plus one day is +010000-01-01). */
function partsOf(isoDate: string): [number, number, number] {
  const match = /^([+-]?\d{4,6})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) throw new RangeError(`not a date: ${JSON.stringify(isoDate)}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

/** yyyymmdd as a number: orders dates correctly where their strings would not ('+010000-01-01' < '2026-…'). */
const dayNumber = (isoDate: string): number => {
  const [y, m, d] = partsOf(isoDate);
  return (y * 100 + m) * 100 + d;
};

export const isBefore = (a: string, b: string): boolean => dayNumber(a) < dayNumber(b);
export const maxDate = (a: string, b: string): string => (isBefore(b, a) ? a : b);
export const minDate = (a: string, b: string): string => (isBefore(a, b) ? a : b);

/**
 * Completed calendar months from `from` (inclusive) to `to` (exclusive); 0 when `to` is not after `from`.
 * Counted on the year, month and day numbers, never on the strings, so no year can sort wrongly.
 */
export function completedMonths(from: string, to: string): number {
  const [fy, fm, fd] = partsOf(from);
  const [ty, tm, td] = partsOf(to);
  const months = (ty - fy) * 12 + (tm - fm);
  // The last month is complete once `to` reaches from's day, or the end of a shorter month (01-31 → 02-28).
  const reached = td >= Math.min(fd, daysInMonth(ty, tm));
  return Math.max(0, reached ? months : months - 1);
}

/** Months as years with two decimals, for display next to the exact month count. */
export const monthsToYears = (months: number): number => Math.round((months / 12) * 100) / 100;
