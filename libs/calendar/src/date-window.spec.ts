import fc from 'fast-check';
import { caughtDomainError, DomainError } from '@tongban/errors';
import { addDays, addMonths, assertDateWithin, daysInMonth } from './date-window';

describe('date windows', () => {
  it('adds months without remapping years 0–99 and clamps the day', () => {
    expect(addMonths('0000-01-15', 1)).toBe('0000-02-15');
    expect(addMonths('0099-12-31', 2)).toBe('0100-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2026-03-31', -13)).toBe('2025-02-28');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('0050-02-28', 1)).toBe('0050-03-01');
    expect(addDays('0099-12-31', 1)).toBe('0100-01-01');
    expect(addDays('0000-03-01', -1)).toBe('0000-02-29');
    expect(addDays('9999-12-31', 1)).toBe('+010000-01-01');
  });

  it('month arithmetic round-trips on the first of a month (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2199 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: -400, max: 400 }), (y, m, n) => {
        const first = `${y}-${String(m).padStart(2, '0')}-01`;
        expect(addMonths(addMonths(first, n), -n)).toBe(first);
      }),
    );
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
  });

  it('refuses a date outside its window with the field and the window', () => {
    expect(() => assertDateWithin('/body/x', '2026-01-01', { notBefore: '2025-01-01', notAfter: '2026-01-01' }, 'x')).not.toThrow();
    const error = caughtDomainError(() =>
      assertDateWithin(
        '/body/effectiveFrom',
        '9999-12-31',
        { notBefore: '2026-11-28', notAfter: '2027-02-28' },
        'within the proposal window',
      ),
    );
    expect(error).toBeInstanceOf(DomainError);
    expect(error.extensions).toMatchObject({ notBefore: '2026-11-28', notAfter: '2027-02-28', errors: [{ field: '/body/effectiveFrom' }] });
  });
});
