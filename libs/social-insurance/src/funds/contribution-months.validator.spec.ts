import { caughtDomainError, DomainError, ErrorCode, FieldError } from '@tongban/errors';
import { validateContributionMonths } from './contribution-months.validator';
import { ContributionMonth } from './funds.types';
import { MAX_MONTHLY_BASE_FEN } from './funds.validation';

const errorsOf = (months: readonly ContributionMonth[], today = '2025-10-15', pointer?: string): DomainError =>
  caughtDomainError(() => validateContributionMonths(months, today, pointer));

const fields = (e: DomainError): string[] => (e.extensions.errors as FieldError[]).map((x) => x.field);

describe('validateContributionMonths', () => {
  it('accepts ascending months up to and including the current month', () => {
    expect(() =>
      validateContributionMonths(
        [
          { month: '2025-08', baseFen: 500_000 },
          { month: '2025-09', baseFen: 1 },
          { month: '2025-10', baseFen: MAX_MONTHLY_BASE_FEN },
        ],
        '2025-10-15',
      ),
    ).not.toThrow();
  });

  it('points at the offending field (JSON pointer under /body/months)', () => {
    const e = errorsOf([
      { month: '2025-01', baseFen: 500_000 },
      { month: '2025-02', baseFen: 500_000 },
      { month: '2025-03', baseFen: 500_000 },
      { month: '2025-04', baseFen: 0 },
    ]);
    expect(e.code).toBe(ErrorCode.ValidationFailed);
    expect(e.extensions.field).toBe('/body/months/3/baseFen');
    expect(e.detail).toContain('/body/months/3/baseFen');
  });

  it('rejects duplicates, descending order, future months and malformed months', () => {
    const e = errorsOf([
      { month: '2025-03', baseFen: 500_000 },
      { month: '2025-03', baseFen: 500_000 }, // duplicate
      { month: '2025-01', baseFen: 500_000 }, // not ascending
      { month: '2025-13', baseFen: 500_000 }, // not a month
      { month: '2025-11', baseFen: 500_000 }, // after today's month
    ]);
    expect(fields(e)).toEqual(['/body/months/1/month', '/body/months/2/month', '/body/months/3/month', '/body/months/4/month']);
    const messages = (e.extensions.errors as FieldError[]).map((x) => x.message);
    expect(messages[0]).toMatch(/duplicates 2025-03/);
    expect(messages[1]).toMatch(/strictly ascending/);
    expect(messages[3]).toMatch(/future/);
  });

  it('requires integer fen within (0, cap]', () => {
    const e = errorsOf(
      [
        { month: '2024-01', baseFen: 5000.5 },
        { month: '2024-02', baseFen: -100 },
        { month: '2024-03', baseFen: MAX_MONTHLY_BASE_FEN + 1 },
        { month: '2024-04', baseFen: Number.NaN },
      ],
      '2025-01-01',
      '/body/pension/months',
    );
    expect(fields(e)).toEqual([
      '/body/pension/months/0/baseFen',
      '/body/pension/months/1/baseFen',
      '/body/pension/months/2/baseFen',
      '/body/pension/months/3/baseFen',
    ]);
  });

  it('rejects an empty list and a non-date today', () => {
    expect(errorsOf([]).extensions.field).toBe('/body/months');
    expect(() => validateContributionMonths([{ month: '2024-01', baseFen: 1 }], '2025-10')).toThrow(RangeError);
  });
});
