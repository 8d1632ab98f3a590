import { caughtDomainError } from '@tongban/errors';
import { InsuredPeriod, pensionCollectionRegion } from './pension-collection.rule';

const p = (region: string, from: string, to: string): InsuredPeriod => ({ region, from, to });

describe('pensionCollectionRegion (国办发〔2009〕66号 Art. 6)', () => {
  it('(1) relation in the hukou region → hukou region', () => {
    const d = pensionCollectionRegion({
      hukouRegion: 'A',
      periods: [p('B', '2000-01', '2012-12'), p('A', '2013-01', '2014-06')],
    });
    expect(d).toMatchObject({ region: 'A', rule: 'hukou', monthsByRegion: { B: 156, A: 18 } });
    expect(d.explanation).toMatch(/Art\. 6\(1\)/);
  });

  it('(2) relation elsewhere with exactly 10 accumulated years there → that place', () => {
    const d = pensionCollectionRegion({
      hukouRegion: 'H',
      periods: [p('X', '2000-01', '2004-12'), p('Y', '2005-01', '2014-12')],
    });
    expect(d).toMatchObject({ region: 'Y', rule: 'last-10-years', monthsByRegion: { X: 60, Y: 120 } });
  });

  it('(2) years accumulate over non-consecutive periods in the same place', () => {
    // Y: 2000-01..2004-12 (60) + 2006-01..2010-12 (60) = 120 months.
    const d = pensionCollectionRegion({
      hukouRegion: 'H',
      periods: [p('Y', '2000-01', '2004-12'), p('Z', '2005-01', '2005-12'), p('Y', '2006-01', '2010-12')],
    });
    expect(d).toMatchObject({ region: 'Y', rule: 'last-10-years' });
  });

  it('(3) under 10 years at the last place → the most recent previous place with ≥ 10 years', () => {
    const d = pensionCollectionRegion({
      hukouRegion: 'H',
      periods: [p('X', '2000-01', '2010-12'), p('Y', '2011-01', '2021-12'), p('Z', '2022-01', '2025-06')],
    });
    expect(d).toMatchObject({ region: 'Y', rule: 'previous-10-years' });
    expect(d.explanation).toContain('3 years 6 months');
  });

  it('(3) 119 months at the last place is not enough; the hukou region can be the previous ≥ 10-year place', () => {
    // The hukou region A had 12 years but the relation is now in B (9 years 11 months): Art. 6(3), back to A —
    // not 6(1), which applies only when the relation itself is in the hukou region.
    const d = pensionCollectionRegion({
      hukouRegion: 'A',
      periods: [p('A', '1998-01', '2009-12'), p('B', '2010-01', '2019-11')],
    });
    expect(d).toMatchObject({ region: 'A', rule: 'previous-10-years', monthsByRegion: { A: 144, B: 119 } });
  });

  it('(4) under 10 years everywhere → gathered in the hukou region', () => {
    const d = pensionCollectionRegion({
      hukouRegion: 'H',
      periods: [p('H', '2000-01', '2005-12'), p('X', '2006-01', '2014-12'), p('Y', '2015-01', '2020-12')],
    });
    expect(d).toMatchObject({ region: 'H', rule: 'hukou-fallback', monthsByRegion: { H: 72, X: 108, Y: 72 } });
  });

  it('rejects overlapping, reversed or malformed periods with field pointers', () => {
    const fieldsOf = (periods: InsuredPeriod[]): string[] =>
      (caughtDomainError(() => pensionCollectionRegion({ hukouRegion: 'H', periods })).extensions.errors as { field: string }[]).map(
        (x) => x.field,
      );
    expect(fieldsOf([p('X', '2000-01', '2005-12'), p('Y', '2005-12', '2010-12')])).toEqual(['/body/periods/1/from']);
    expect(fieldsOf([p('X', '2005-01', '2000-12')])).toEqual(['/body/periods/0/to']);
    expect(fieldsOf([p('', '2000-13', '2001-01')])).toEqual(['/body/periods/0/region', '/body/periods/0/from']);
    expect(fieldsOf([])).toEqual(['/body/periods']);
  });
});
