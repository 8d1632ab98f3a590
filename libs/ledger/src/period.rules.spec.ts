import fc from 'fast-check';
import { addDays, periodContaining, periodOf, periodsDue } from './period.rules';

describe('period keys', () => {
  it('parses the keys of periodic services', () => {
    expect(periodOf('monthly', '2026-12')).toEqual({ key: '2026-12', start: '2026-12-01', end: '2027-01-01' });
    expect(periodOf('school-term', '2026-autumn')).toEqual({ key: '2026-autumn', start: '2026-08-01', end: '2027-02-01' });
    expect(periodOf('school-term', '2026-spring')).toEqual({ key: '2026-spring', start: '2026-02-01', end: '2026-08-01' });
    expect(periodOf('yearly', '2026')).toEqual({ key: '2026', start: '2026-01-01', end: '2027-01-01' });
    expect(periodOf('monthly', '2026-13')).toBeUndefined();
    expect(periodOf('one-off', 'bill:440100:S1')).toBeUndefined();
  });

  it('lists the periods due for gap checks after the grace period', () => {
    expect(periodsDue('monthly', '2026-04-15', 15, 60).map((p) => p.key)).toEqual(['2026-02']);
    expect(periodsDue('monthly', '2026-04-16', 15, 40).map((p) => p.key)).toEqual(['2026-03']);
    expect(periodsDue('school-term', '2026-08-20', 15, 200).map((p) => p.key)).toEqual(['2026-spring', '2025-autumn']);
  });

  it('property: periods tile time and every due period ended at least the grace before today', () => {
    const day = fc.integer({ min: 0, max: 4000 }).map((d) => addDays('2020-01-01', d));
    fc.assert(
      fc.property(fc.constantFrom('monthly' as const, 'school-term' as const, 'yearly' as const), day, fc.integer({ min: 0, max: 60 }), (p, today, grace) => {
        const here = periodContaining(p, today);
        expect(here && here.start <= today && today < here.end).toBe(true);
        expect(periodContaining(p, (here as { end: string }).end)?.start).toBe(here?.end);
        for (const due of periodsDue(p, today, grace, 800)) expect(addDays(due.end, grace) <= today).toBe(true);
      }),
    );
  });
});
