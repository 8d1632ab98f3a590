import { DomainError, ErrorCode } from '@tongban/errors';
import { fromEpochDay, toEpochDay } from './iso-date.util';

/**
 * Bounds of input dates. Every `format: date` in the contract lies in [EARLIEST_DATE, LATEST_DATE]
 * (checked by the gateway's validator before any handler runs); each field then has its own window,
 * relative to today, checked by the service that reads it.
 */
export const EARLIEST_DATE = '1900-01-01';
export const LATEST_DATE = '2199-12-31';

/** An inclusive window of calendar dates. */
export interface DateWindow {
  notBefore: string;
  notAfter: string;
}

/** `YYYY-MM-DD` plus n days (n may be negative). */
export function addDays(date: string, n: number): string {
  return fromEpochDay(toEpochDay(date) + n);
}

/**
 * `YYYY-MM-DD` plus n calendar months, the day clamped to the target month's length (2024-01-31 + 1
 * month = 2024-02-29). Pure arithmetic on year and month: no Date.UTC, which maps years 0–99 to 1900+.
 */
export function addMonths(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const index = y * 12 + (m - 1) + n;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  const day = Math.min(d, daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * Refuses a date outside its field's window with 422, naming the field and the window, so the caller
 * knows what it may send. ISO dates of four-digit years compare correctly as strings.
 */
export function assertDateWithin(field: string, value: string, window: DateWindow, why: string): void {
  if (value >= window.notBefore && value <= window.notAfter) return;
  const message = `${why}: between ${window.notBefore} and ${window.notAfter}`;
  throw new DomainError(ErrorCode.ValidationFailed, `${field.split('/').pop() ?? field}: ${message}`, {
    errors: [{ field, message }],
    notBefore: window.notBefore,
    notAfter: window.notAfter,
  });
}
