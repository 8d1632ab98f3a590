import { isIsoDate } from '@tongban/calendar';
import { ContributionMonth } from './funds.types';
import { checkFen, FieldErrors, MAX_CONTRIBUTION_MONTHS, MAX_MONTHLY_BASE_FEN, monthIndex } from './funds.validation';

/**
 * Checks contribution months into `errors`: an array of 1..1200 entries, each `{ month: 'YYYY-MM',
 * baseFen }`, months strictly ascending (so no duplicates), base an integer in 1..MAX_MONTHLY_BASE_FEN fen,
 * and — when `todayMonthIndex` is given — no month after the current one.
 */
export function checkContributionMonths(errors: FieldErrors, months: unknown, pointer: string, todayMonthIndex?: number): void {
  if (!Array.isArray(months)) {
    errors.add(pointer, 'must be an array of contribution months');
    return;
  }
  if (months.length === 0) errors.add(pointer, 'must contain at least one contribution month');
  if (months.length > MAX_CONTRIBUTION_MONTHS) {
    errors.add(pointer, `must contain at most ${MAX_CONTRIBUTION_MONTHS} months`);
    return;
  }
  let previous: { index: number; month: string } | undefined;
  months.forEach((entry: unknown, i) => {
    const at = `${pointer}/${i}`;
    if (typeof entry !== 'object' || entry === null) {
      errors.add(at, 'must be an object { month, baseFen }');
      return;
    }
    const { month, baseFen } = entry as Partial<Record<keyof ContributionMonth, unknown>>;
    const index = monthIndex(month);
    if (index === undefined) {
      errors.add(`${at}/month`, 'must be a month in YYYY-MM form');
    } else {
      if (previous && index === previous.index) errors.add(`${at}/month`, `duplicates ${previous.month}`);
      else if (previous && index < previous.index) {
        errors.add(`${at}/month`, `must come after ${previous.month} (months strictly ascending)`);
      }
      if (todayMonthIndex !== undefined && index > todayMonthIndex) errors.add(`${at}/month`, 'must not be in the future');
      if (!previous || index > previous.index) previous = { index, month: month as string };
    }
    checkFen(errors, `${at}/baseFen`, baseFen, 1, MAX_MONTHLY_BASE_FEN);
  });
}

/**
 * Validates the months of a contribution certificate against `today` (YYYY-MM-DD, Asia/Shanghai calendar;
 * the current month is allowed). Throws DomainError(ValidationFailed) listing every problem, with
 * `extensions.field` the pointer of the first (e.g. `/body/months/3/baseFen`).
 */
export function validateContributionMonths(months: readonly ContributionMonth[], today: string, pointer = '/body/months'): void {
  if (!isIsoDate(today)) throw new RangeError(`today must be a YYYY-MM-DD date, got ${JSON.stringify(today)}`);
  const errors = new FieldErrors();
  checkContributionMonths(errors, months, pointer, monthIndex(today.slice(0, 7)));
  errors.throwIfAny('invalid contribution months');
}
