import { caughtDomainError, DomainError, ErrorCode } from '@tongban/errors';
import {
  RegionCatalogue,
  assertRegionCode,
  cityOf,
  isKnownIdPrefix,
  isRegionCode,
  isSamePlace,
  isWithin,
  provinceOf,
  provinces,
  regionKind,
  regionName,
} from '@tongban/regions';

describe('region codes', () => {
  it.each([
    ['110000', 'province', '北京市'],
    ['110100', 'city', '市辖区'],
    ['110105', 'county', '朝阳区'],
    ['360000', 'province', '江西省'],
    ['360100', 'city', '南昌市'],
    ['441900', 'city', '东莞市'],
    ['419000', 'city', '省直辖县级行政区划'],
    ['419001', 'county', '济源市'],
  ] as const)('%s is a %s named %s', (code, kind, name) => {
    expect(isRegionCode(code)).toBe(true);
    expect(regionKind(code)).toBe(kind);
    expect(regionName(code)).toBe(name);
  });

  it.each(['', '11', '1100000', '11000a', ' 110000', '990000', '000000', '100000', '110199', '119900', '110100 '])('rejects %j', (code) => {
    expect(isRegionCode(code)).toBe(false);
    expect(caughtDomainError(() => assertRegionCode(code)).code).toBe(ErrorCode.InvalidRegionCode);
  });

  it('names the field and the reason', () => {
    const e = caughtDomainError(() => assertRegionCode('990000', '/body/regionCode'));
    expect(e.detail).toBe("/body/regionCode '990000' is not a current GB/T 2260 region: no province has the prefix '99'");
    expect(e.extensions).toEqual({ field: '/body/regionCode', reason: 'unknown' });
    const f = caughtDomainError(() => assertRegionCode('1101'));
    expect(f.detail).toBe('region code must be 6 digits (GB/T 2260); got 4 characters');
    expect(f.extensions).toEqual({ reason: 'format' });
    expect(caughtDomainError(() => assertRegionCode('110199')).detail).toContain('no current province, city or county');
  });

  it('navigates the hierarchy', () => {
    expect(provinceOf('110105')).toBe('110000');
    expect(provinceOf('110000')).toBe('110000');
    expect(cityOf('110105')).toBe('110100');
    expect(cityOf('360100')).toBe('360100');
    expect(cityOf('360000')).toBeUndefined();
    expect(cityOf('419001')).toBe('419000');
    expect(() => provinceOf('990000')).toThrow(DomainError);
  });

  it('places a region within another on the hierarchy (county ⊂ city ⊂ province)', () => {
    expect(isWithin('360102', '360100')).toBe(true); // 东湖区 in 南昌市
    expect(isWithin('360102', '360000')).toBe(true); // … in 江西省
    expect(isWithin('360100', '360000')).toBe(true);
    expect(isWithin('360100', '360100')).toBe(true);
    expect(isWithin('360100', '360102')).toBe(false); // a city is not within one of its districts
    expect(isWithin('360000', '360100')).toBe(false);
    expect(isWithin('360202', '360100')).toBe(false); // a 景德镇 district is not in 南昌
    expect(isWithin('360100', '440000')).toBe(false);
    expect(isWithin('110105', '110100')).toBe(true); // a 北京 district in the municipality's grouping
    expect(isWithin('419001', '410000')).toBe(true); // 济源, directly under 河南
    expect(isWithin('441900', '440000')).toBe(true); // 东莞, a city without districts
    expect(isSamePlace('360100', '360102')).toBe(true);
    expect(isSamePlace('360102', '360100')).toBe(true);
    expect(isSamePlace('360102', '360103')).toBe(false); // two districts of one city
    expect(isSamePlace('360100', '360200')).toBe(false);
    expect(() => isWithin('990000', '360000')).toThrow(DomainError);
    expect(() => isWithin('360100', '999999')).toThrow(DomainError);
  });

  it('lists the 31 mainland provinces', () => {
    const all = provinces();
    expect(all).toHaveLength(31);
    expect(all).toContain('110000');
    expect(all).toContain('650000');
    expect(all.every((p) => regionKind(p) === 'province')).toBe(true);
  });

  it('accepts historical ID prefixes within a real province, but not unknown provinces', () => {
    expect(isKnownIdPrefix('110105')).toBe(true);
    expect(isKnownIdPrefix('110000')).toBe(true);
    expect(isKnownIdPrefix('360199')).toBe(true); // not current, structurally plausible
    expect(isKnownIdPrefix('510299')).toBe(true);
    for (const p of ['990101', '000101', '100101', '200101', '110001', '11010', '11010x']) {
      expect(isKnownIdPrefix(p)).toBe(false);
    }
  });

  it('is usable as an injectable', () => {
    const catalogue = new RegionCatalogue();
    expect(catalogue.isRegionCode('110105')).toBe(true);
    expect(catalogue.cityOf('110105')).toBe('110100');
    expect(catalogue.isWithin('110105', '110000')).toBe(true);
    expect(catalogue.isSamePlace('110000', '110105')).toBe(true);
    expect(() => catalogue.assertRegionCode('999999', 'region')).toThrow(DomainError);
  });
});
