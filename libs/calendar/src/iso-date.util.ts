import { InvalidCalendarDateError } from './calendar.errors';

/**
 * Calendar dates as plain `YYYY-MM-DD` strings (a day of the Chinese civil calendar, Asia/Shanghai) and
 * their "epoch day" numbers (days since 1970-01-01). All arithmetic is done on UTC midnights, so neither the
 * process time zone nor daylight saving time can shift a day; a date string is never parsed as local time.
 */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** `YYYY-MM-DD` → days since 1970-01-01; throws InvalidCalendarDateError for anything else (e.g. 2025-02-30). */
export function toEpochDay(value: string): number {
  const match = typeof value === 'string' ? ISO_DATE.exec(value) : null;
  if (!match) throw new InvalidCalendarDateError(value);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // setUTCFullYear, unlike Date.UTC, takes the years 0–99 as they are (Date.UTC reads them as 1900–1999).
  const back = new Date(0);
  back.setUTCFullYear(year, month - 1, day);
  const ms = back.getTime();
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) {
    throw new InvalidCalendarDateError(value);
  }
  return ms / MS_PER_DAY;
}

/** Days since 1970-01-01 → `YYYY-MM-DD` (past 9999 the ISO expanded year, `+010000-01-01`, never a truncated string). */
export function fromEpochDay(epochDay: number): string {
  const iso = new Date(epochDay * MS_PER_DAY).toISOString();
  return iso.slice(0, iso.indexOf('T'));
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(epochDay: number): number {
  return new Date(epochDay * MS_PER_DAY).getUTCDay();
}

/** True when `value` is a real calendar date in `YYYY-MM-DD` form. */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    toEpochDay(value);
    return true;
  } catch {
    return false;
  }
}
