import { caughtDomainError } from '@tongban/errors';
import { collectionPlaces, InsuredPeriod, pensionCollectionRegion } from './pension-collection.rule';

const p = (region: string, from: string, to: string): InsuredPeriod => ({ region, from, to });

const DONGHU = '360102'; // 东湖区, a district of 南昌
const XIHU = '360103'; // 西湖区, another district of 南昌
const NANCHANG = '360100';
const JIANGXI = '360000';
const JINGDEZHEN = '360200';
const GUANGZHOU = '440100';
const SHENZHEN = '440300';
const HANGZHOU = '330100';

describe('pensionCollectionRegion (国办发〔2009〕66号 Art. 6)', () => {
  it('(1) relation in the hukou region → hukou region', () => {
    const d = pensionCollectionRegion({
      hukouRegion: NANCHANG,
      periods: [p(GUANGZHOU, '2000-01', '2012-12'), p(NANCHANG, '2013-01', '2014-06')],
    });
    expect(d).toMatchObject({ region: NANCHANG, rule: 'hukou', monthsByRegion: { [GUANGZHOU]: 156, [NANCHANG]: 18 } });
    expect(d.explanation).toMatch(/Art\. 6\(1\)/);
  });

  it('(1) on the hierarchy: hukou in a district (360102), relation in its city (360100) — not Art. 6(3)', () => {
    // The reported bug: compared as strings, 360102 ≠ 360100 sent this back to 广州 under 6(3).
    const d = pensionCollectionRegion({
      hukouRegion: DONGHU,
      periods: [p(GUANGZHOU, '2000-01', '2012-12'), p(NANCHANG, '2013-01', '2014-06')],
    });
    expect(d).toMatchObject({ region: NANCHANG, rule: 'hukou' });
    expect(d.explanation).toContain(`${NANCHANG}, the same place as the hukou region ${DONGHU}`);
  });

  it('(1) on the hierarchy: hukou recorded for the city, relation in one of its districts; or the province', () => {
    const inDistrict = pensionCollectionRegion({
      hukouRegion: NANCHANG,
      periods: [p(SHENZHEN, '2000-01', '2015-12'), p(XIHU, '2016-01', '2017-12')],
    });
    expect(inDistrict).toMatchObject({ region: XIHU, rule: 'hukou' });
    const inProvince = pensionCollectionRegion({
      hukouRegion: DONGHU,
      periods: [p(SHENZHEN, '2000-01', '2015-12'), p(JIANGXI, '2016-01', '2017-12')],
    });
    expect(inProvince).toMatchObject({ region: JIANGXI, rule: 'hukou' });
  });

  it('(1) does not hold across branches: another district of the same city is not the hukou region', () => {
    const d = pensionCollectionRegion({ hukouRegion: DONGHU, periods: [p(XIHU, '2010-01', '2012-12')] });
    expect(d).toMatchObject({ region: DONGHU, rule: 'hukou-fallback' });
  });

  it('(2) relation elsewhere with exactly 10 accumulated years there → that place', () => {
    const d = pensionCollectionRegion({
      hukouRegion: NANCHANG,
      periods: [p(SHENZHEN, '2000-01', '2004-12'), p(GUANGZHOU, '2005-01', '2014-12')],
    });
    expect(d).toMatchObject({ region: GUANGZHOU, rule: 'last-10-years', monthsByRegion: { [SHENZHEN]: 60, [GUANGZHOU]: 120 } });
    expect(d.explanation).toMatch(/Art\. 6\(2\)/);
  });

  it('(2) years accumulate over non-consecutive periods in the same place, districts counting toward their city', () => {
    // 广州: 2000-01..2004-12 (60, recorded for the city) + 2006-01..2010-12 (60, recorded for a district) = 120 months.
    const d = pensionCollectionRegion({
      hukouRegion: NANCHANG,
      periods: [p(GUANGZHOU, '2000-01', '2004-12'), p(SHENZHEN, '2005-01', '2005-12'), p('440106', '2006-01', '2010-12')],
    });
    expect(d).toMatchObject({ region: GUANGZHOU, rule: 'last-10-years', monthsByRegion: { [GUANGZHOU]: 120, [SHENZHEN]: 12 } });
  });

  it('(3) under 10 years at the last place → the most recent previous place with ≥ 10 years', () => {
    const d = pensionCollectionRegion({
      hukouRegion: NANCHANG,
      periods: [p(SHENZHEN, '2000-01', '2010-12'), p(GUANGZHOU, '2011-01', '2021-12'), p(HANGZHOU, '2022-01', '2025-06')],
    });
    expect(d).toMatchObject({ region: GUANGZHOU, rule: 'previous-10-years' });
    expect(d.explanation).toContain('3 years 6 months');
    expect(d.explanation).toMatch(/Art\. 6\(3\)/);
  });

  it('(3) 119 months at the last place is not enough; the hukou region can be the previous ≥ 10-year place', () => {
    // The hukou region had 12 years but the relation is now in 广州 (9 years 11 months): Art. 6(3), back to 南昌 —
    // not 6(1), which applies only when the relation itself is in the hukou region.
    const d = pensionCollectionRegion({
      hukouRegion: NANCHANG,
      periods: [p(NANCHANG, '1998-01', '2009-12'), p(GUANGZHOU, '2010-01', '2019-11')],
    });
    expect(d).toMatchObject({ region: NANCHANG, rule: 'previous-10-years', monthsByRegion: { [NANCHANG]: 144, [GUANGZHOU]: 119 } });
  });

  it('(4) under 10 years everywhere → gathered in the hukou region', () => {
    const d = pensionCollectionRegion({
      hukouRegion: NANCHANG,
      periods: [p(NANCHANG, '2000-01', '2005-12'), p(SHENZHEN, '2006-01', '2014-12'), p(GUANGZHOU, '2015-01', '2020-12')],
    });
    expect(d).toMatchObject({
      region: NANCHANG,
      rule: 'hukou-fallback',
      monthsByRegion: { [NANCHANG]: 72, [SHENZHEN]: 108, [GUANGZHOU]: 72 },
    });
    expect(d.explanation).toMatch(/Art\. 6\(4\)/);
  });

  it('(4) a district and its city in the history are one place; separate cities of one province are not', () => {
    // 南昌 6 years (3 recorded for 东湖区) + 景德镇 5 years: no place reaches 10 years.
    const d = pensionCollectionRegion({
      hukouRegion: GUANGZHOU,
      periods: [p(DONGHU, '2000-01', '2002-12'), p(NANCHANG, '2003-01', '2005-12'), p(JINGDEZHEN, '2006-01', '2010-12')],
    });
    expect(d).toMatchObject({ region: GUANGZHOU, rule: 'hukou-fallback', monthsByRegion: { [NANCHANG]: 72, [JINGDEZHEN]: 60 } });
  });

  it('rejects overlapping, reversed or malformed periods and non-region codes with field pointers', () => {
    const fieldsOf = (periods: InsuredPeriod[], hukouRegion = NANCHANG): string[] =>
      (caughtDomainError(() => pensionCollectionRegion({ hukouRegion, periods })).extensions.errors as { field: string }[]).map(
        (x) => x.field,
      );
    expect(fieldsOf([p(SHENZHEN, '2000-01', '2005-12'), p(GUANGZHOU, '2005-12', '2010-12')])).toEqual(['/body/periods/1/from']);
    expect(fieldsOf([p(SHENZHEN, '2005-01', '2000-12')])).toEqual(['/body/periods/0/to']);
    expect(fieldsOf([p('', '2000-13', '2001-01')])).toEqual(['/body/periods/0/region', '/body/periods/0/from']);
    expect(fieldsOf([p('A', '2000-01', '2001-01')])).toEqual(['/body/periods/0/region']);
    expect(fieldsOf([p(SHENZHEN, '2000-01', '2001-01')], '999999')).toEqual(['/body/hukouRegion']);
    expect(fieldsOf([])).toEqual(['/body/periods']);
  });
});

describe('collectionPlaces', () => {
  it('maps each region to the widest region of the history it lies within', () => {
    const place = collectionPlaces([DONGHU, NANCHANG, JINGDEZHEN, GUANGZHOU]);
    expect([DONGHU, NANCHANG, JINGDEZHEN, GUANGZHOU].map(place)).toEqual([NANCHANG, NANCHANG, JINGDEZHEN, GUANGZHOU]);
    const withProvince = collectionPlaces([DONGHU, JINGDEZHEN, JIANGXI]);
    expect([DONGHU, JINGDEZHEN, JIANGXI].map(withProvince)).toEqual([JIANGXI, JIANGXI, JIANGXI]);
    expect(collectionPlaces([DONGHU, XIHU])(XIHU)).toBe(XIHU);
  });
});
