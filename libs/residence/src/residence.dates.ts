import { fromEpochDay, toEpochDay } from '@tongban/calendar';

/** Calendar dates are `YYYY-MM-DD` strings of the Chinese civil calendar (Asia/Shanghai). */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

export function shanghaiToday(now: Date = new Date()): string {
  return new Date(now.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** `months` calendar months later; the day is clamped to the month's end (2025-08-31 + 6 → 2026-02-28). */
export function addMonths(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

export const addYears = (isoDate: string, years: number): string => addMonths(isoDate, 12 * years);

export const addDays = (isoDate: string, days: number): string => fromEpochDay(toEpochDay(isoDate) + days);

export const maxDate = (a: string, b: string): string => (a > b ? a : b);
export const minDate = (a: string, b: string): string => (a < b ? a : b);

/** Completed calendar months from `from` (inclusive) to `to` (exclusive); 0 when `to` is not after `from`. */
export function completedMonths(from: string, to: string): number {
  if (to <= from) return 0;
  const [fy, fm, fd] = from.split('-').map(Number);
  const [ty, tm, td] = to.split('-').map(Number);
  const months = (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
  // Month ends: 01-31 → 02-28 is a completed month when the target is the target month's last day.
  if (td < fd && addMonths(from, months + 1) <= to) return months + 1;
  return Math.max(0, months);
}

/** Months as years with two decimals, for display next to the exact month count. */
export const monthsToYears = (months: number): number => Math.round((months / 12) * 100) / 100;
