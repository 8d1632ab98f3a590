import fc from 'fast-check';
import { addDays } from '@tongban/calendar';
import {
  claimWindow,
  earliestClaimableStart,
  inClaimWindow,
  periodContaining,
  periodOf,
  periodsDue,
  referenceInClaimWindow,
} from './period.rules';

describe('period keys', () => {
  it('parses the keys of periodic services', () => {
    expect(periodOf('monthly', '2026-12')).toEqual({ key: '2026-12', start: '2026-12-01', end: '2027-01-01' });
    expect(periodOf('school-term', '2026-autumn')).toEqual({ key: '2026-autumn', start: '2026-08-01', end: '2027-02-01' });
    expect(periodOf('school-term', '2026-spring')).toEqual({ key: '2026-spring', start: '2026-02-01', end: '2026-08-01' });
    expect(periodOf('yearly', '2026')).toEqual({ key: '2026', start: '2026-01-01', end: '2027-01-01' });
    expect(periodOf('monthly', '2026-13')).toBeUndefined();
    expect(periodOf('one-off', 'bill:440100:S1')).toBeUndefined();
    // years 0–99 stay themselves (Date.UTC would have made 0000-01 start on 1900-01-01)
    expect(periodOf('monthly', '0000-01')).toEqual({ key: '0000-01', start: '0000-01-01', end: '0000-02-01' });
    expect(periodOf('yearly', '0099')).toEqual({ key: '0099', start: '0099-01-01', end: '0100-01-01' });
  });

  it('windows claims: 12 months back, the current period and the next', () => {
    const w = claimWindow('monthly', '2026-11-28', 12, 1);
    expect(w).toEqual({ notBefore: '2025-11-28', lastStart: '2026-12-01' });
    const ok = (key: string, p: 'monthly' | 'yearly' | 'school-term' = 'monthly', win = w): boolean =>
      inClaimWindow(periodOf(p, key) as { start: string; end: string }, win);
    expect(['2025-11', '2026-11', '2026-12'].map((k) => ok(k))).toEqual([true, true, true]);
    expect(['2025-10', '2027-01', '2099-12', '1990-01', '0000-01'].map((k) => ok(k))).toEqual([false, false, false, false, false]);
    const terms = claimWindow('school-term', '2026-11-28', 12, 1);
    expect(terms.lastStart).toBe('2027-02-01');
    expect(['2025-autumn', '2027-spring', '2027-autumn'].map((k) => ok(k, 'school-term', terms))).toEqual([true, true, false]);
    const years = claimWindow('yearly', '2026-11-28', 12, 1);
    expect(['2025', '2027', '2028'].map((k) => ok(k, 'yearly', years))).toEqual([true, true, false]);
    // one-off services are windowed as the month of their reference date
    expect(claimWindow('one-off', '2026-11-28', 12, 1)).toEqual(w);
    expect(['2025-11-28', '2026-11-28', '2026-12-31'].map((d) => referenceInClaimWindow(d, w))).toEqual([true, true, true]);
    expect(['2025-11-27', '2027-01-01', '0000-01-01', '9999-12-31'].map((d) => referenceInClaimWindow(d, w))).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });

  it('property: every claimable period starts on or after the earliest claimable start', () => {
    const day = fc.integer({ min: 0, max: 4000 }).map((d) => addDays('2020-01-01', d));
    fc.assert(
      fc.property(
        fc.constantFrom('monthly' as const, 'school-term' as const, 'yearly' as const),
        day,
        fc.integer({ min: 0, max: 24 }),
        (p, today, back) => {
          const w = claimWindow(p, today, back, 1);
          const earliest = earliestClaimableStart(today, back);
          for (let d = w.notBefore; d <= w.lastStart; d = addDays(d, 27)) {
            const period = periodContaining(p, d);
            if (period && inClaimWindow(period, w)) expect(period.start >= earliest).toBe(true);
          }
        },
      ),
    );
  });

  it('lists the periods due for gap checks after the grace period', () => {
    expect(periodsDue('monthly', '2026-04-15', 15, 60).map((p) => p.key)).toEqual(['2026-02']);
    expect(periodsDue('monthly', '2026-04-16', 15, 40).map((p) => p.key)).toEqual(['2026-03']);
    expect(periodsDue('school-term', '2026-08-20', 15, 200).map((p) => p.key)).toEqual(['2026-spring', '2025-autumn']);
  });

  it('property: periods tile time and every due period ended at least the grace before today', () => {
    const day = fc.integer({ min: 0, max: 4000 }).map((d) => addDays('2020-01-01', d));
    fc.assert(
      fc.property(
        fc.constantFrom('monthly' as const, 'school-term' as const, 'yearly' as const),
        day,
        fc.integer({ min: 0, max: 60 }),
        (p, today, grace) => {
          const here = periodContaining(p, today);
          expect(here && here.start <= today && today < here.end).toBe(true);
          expect(periodContaining(p, (here as { end: string }).end)?.start).toBe(here?.end);
          for (const due of periodsDue(p, today, grace, 800)) expect(addDays(due.end, grace) <= today).toBe(true);
        },
      ),
    );
  });
});
