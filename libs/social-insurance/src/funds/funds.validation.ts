import { DomainError, ErrorCode, FieldError } from '@tongban/errors';

/**
 * Field-level validation shared by the funds computations. Problems are collected (up to MAX_FIELD_ERRORS) and
 * thrown together as one DomainError(ValidationFailed) whose extensions carry `field` (JSON pointer of the
 * first problem, e.g. /body/months/3/baseFen) and `errors` (every problem found).
 */
export const MAX_FIELD_ERRORS = 50;

/**
 * Absurdity cap for a monthly contribution base: 100,000,000 fen = 1,000,000 yuan per month. Real bases are
 * capped at 300 % of the regional average wage (a few tens of thousands of yuan); anything near this cap is a
 * unit error (yuan sent as fen×100, etc.), not a salary.
 */
export const MAX_MONTHLY_BASE_FEN = 100_000_000;

/** Absurdity cap for an individual account balance: 10,000,000,000 fen = 100,000,000 yuan. */
export const MAX_ACCOUNT_BALANCE_FEN = 10_000_000_000;

/** A certificate covers at most 100 years of months. */
export const MAX_CONTRIBUTION_MONTHS = 1200;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** YYYY-MM → months since year 0 (year × 12 + month − 1), or undefined when malformed. */
export function monthIndex(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const match = MONTH.exec(value);
  if (!match) return undefined;
  const year = Number(match[1]);
  if (year < 1900) return undefined;
  return year * 12 + Number(match[2]) - 1;
}

/** Like monthIndex, for values already validated; throws RangeError otherwise. */
export function requireMonthIndex(value: string): number {
  const index = monthIndex(value);
  if (index === undefined) throw new RangeError(`not a month in YYYY-MM form: ${JSON.stringify(value)}`);
  return index;
}

export function monthFromIndex(index: number): string {
  const year = Math.floor(index / 12);
  return `${year}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export class FieldErrors {
  private readonly errors: FieldError[] = [];

  add(field: string, message: string): void {
    if (this.errors.length < MAX_FIELD_ERRORS) this.errors.push({ field, message });
  }

  get count(): number {
    return this.errors.length;
  }

  /** Throws DomainError(ValidationFailed) if any problem was added. */
  throwIfAny(what: string): void {
    if (this.errors.length === 0) return;
    const [first] = this.errors;
    const more = this.errors.length > 1 ? ` (and ${this.errors.length - 1} more)` : '';
    throw new DomainError(ErrorCode.ValidationFailed, `${what}: ${first.field} ${first.message}${more}`, {
      field: first.field,
      errors: [...this.errors],
    });
  }
}

/** Integer fen in [min, max]; adds a problem and returns false otherwise. */
export function checkFen(errors: FieldErrors, field: string, value: unknown, min: number, max: number): boolean {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    errors.add(field, 'must be an integer number of fen');
    return false;
  }
  if (value < min || value > max) {
    errors.add(field, `must be between ${min} and ${max} fen`);
    return false;
  }
  return true;
}
