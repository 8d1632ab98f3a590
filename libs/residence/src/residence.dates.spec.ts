import fc from 'fast-check';
import { addDays, addMonths, daysInMonth } from '@tongban/calendar';
import { addYears, completedMonths, isBefore, maxDate, minDate } from './residence.dates';

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** A real date of the years 3..9000 (room for 30 months back) as `YYYY-MM-DD` (zero-padded four-digit year). */
const anyDate = fc
  .tuple(fc.integer({ min: 3, max: 9000 }), fc.integer({ min: 1, max: 12 }))
  .chain(([y, m]) => fc.integer({ min: 1, max: daysInMonth(y, m) }).map((d) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`));

/** The reference: the largest n with from + n months ≤ to (0 when `to` is not after `from`). */
function monthsByStepping(from: string, to: string): number {
  let n = 0;
  while (!isBefore(to, addMonths(from, n + 1))) n += 1;
  return n;
}

describe('residence dates', () => {
  it('does not remap the years 0–99 (as Date.UTC did) and clamps the day', () => {
    expect(addMonths('0050-03-31', -1)).toBe('0050-02-28');
    expect(addYears('0099-06-15', 1)).toBe('0100-06-15');
    expect(addMonths('2025-08-31', 6)).toBe('2026-02-28');
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(completedMonths('0099-12-15', '0100-01-15')).toBe(1);
    expect(completedMonths('0001-01-01', '2026-01-01')).toBe(2025 * 12);
    expect(addDays('2199-12-31', 1)).toBe('2200-01-01');
  });

  it('orders dates by their value, not their string: a stored 9999-12-31 plus one day is after any four-digit year', () => {
    const afterMax = addDays('9999-12-31', 1);
    expect(afterMax).toBe('+010000-01-01');
    expect(isBefore('2026-11-28', afterMax)).toBe(true);
    expect(isBefore(afterMax, '2026-11-28')).toBe(false);
    expect(minDate(afterMax, '2026-11-28')).toBe('2026-11-28');
    expect(maxDate(afterMax, '2026-11-28')).toBe(afterMax);
    expect(completedMonths('2026-01-15', afterMax)).toBe((10000 - 2026) * 12 - 1);
    expect(completedMonths(afterMax, '2026-01-15')).toBe(0);
  });

  it('counts completed months as stepping month by month would (property)', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: -30, max: 400 }), fc.integer({ min: 0, max: 30 }), (from, months, days) => {
        const to = addDays(addMonths(from, months), days);
        expect(completedMonths(from, to)).toBe(monthsByStepping(from, to));
      }),
      { numRuns: 300 },
    );
  });

  it('n months after a day is n completed months, whatever the year (property)', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 0, max: 1200 }), (from, n) => {
        expect(completedMonths(from, addMonths(from, n))).toBe(n);
        expect(completedMonths(from, addDays(addMonths(from, n), -1))).toBe(Math.max(n - 1, 0));
      }),
    );
  });
});
