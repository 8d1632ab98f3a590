import { chinaDay } from '@tongban/calendar';
import { DomainError, ErrorCode } from '@tongban/errors';
import { isKnownIdPrefix } from '@tongban/regions';
import { computeCheckCharacter } from './citizen-id.checksum';
import { CitizenId } from './citizen-id.value';

export type CitizenIdRejection = 'format' | 'region' | 'birth-date' | 'check-character' | 'legacy-15-digit';

export interface ParseCitizenIdOptions {
  /** Reference instant for the "not in the future" rule; defaults to now. */
  now?: Date;
}

const EARLIEST_BIRTH = '19000101';

/**
 * Parses and validates an 18-character citizen ID number (GB 11643-1999).
 *
 * 15-digit first-generation numbers (6 region + YYMMDD + 3 sequence, no check character) are rejected
 * rather than upgraded: first-generation cards stopped being valid on 2013-01-01, and upgrading
 * guesses the century and invents a check character, which produces a number the holder may never
 * have been issued.
 *
 * Details and extensions never contain the number or any part of it: errors are logged and returned.
 */
export function parseCitizenId(raw: string, options: ParseCitizenIdOptions = {}): CitizenId {
  if (typeof raw !== 'string') reject('format', 'a citizen ID number must be a string');
  const value = raw.trim();

  if (/^[0-9]{15}$/.test(value)) {
    reject('legacy-15-digit', '15-digit first-generation numbers are no longer valid since 2013; send the 18-digit number');
  }
  if (!/^[0-9]{17}[0-9Xx]$/.test(value)) {
    reject('format', `a citizen ID number is 18 characters: 17 digits then a digit or 'X'; got ${describe(value)}`);
  }
  const normalised = value.toUpperCase();

  if (!isKnownIdPrefix(normalised.slice(0, 6))) {
    reject('region', 'the first six digits do not name a region of issue: the province part is unknown or the city part is 00');
  }

  const birth = normalised.slice(6, 14);
  if (!isCalendarDate(birth)) reject('birth-date', 'digits 7-14 are not a real calendar date (YYYYMMDD)');
  if (birth < EARLIEST_BIRTH) reject('birth-date', 'the birth date is before 1900-01-01');
  // birth dates are civil dates in China, so "today" is taken there, not on the server
  if (birth > chinaDay(options.now ?? new Date()).replace(/-/g, '')) reject('birth-date', 'the birth date is in the future');

  if (computeCheckCharacter(normalised.slice(0, 17)) !== normalised[17]) {
    reject('check-character', 'the check character (ISO 7064 MOD 11-2) does not match: the number is mistyped');
  }
  return new CitizenId(normalised);
}

function reject(reason: CitizenIdRejection, detail: string): never {
  throw new DomainError(ErrorCode.InvalidCitizenId, detail, { reason });
}

// Describes the shape of bad input without echoing it.
function describe(value: string): string {
  if (value.length !== 18) return `${value.length} characters`;
  return /^[0-9]{17}$/.test(value.slice(0, 17)) ? 'an invalid last character' : 'a non-digit among the first 17';
}

function isCalendarDate(yyyymmdd: string): boolean {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return day <= days;
}
