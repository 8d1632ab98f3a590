import { caughtDomainError, ErrorCode } from '@tongban/errors';
import { isRegionCode, regionKind } from '@tongban/regions';
import { loadRecognitionGroups, parseRecognitionGroups } from './recognition-groups.loader';

/** Every current city-level code of a province, from @tongban/regions (GB/T 2260). */
const citiesOf = (province: string): string[] =>
  Array.from({ length: 99 }, (_, i) => `${province.slice(0, 2)}${String(i + 1).padStart(2, '0')}00`).filter(
    (c) => isRegionCode(c) && regionKind(c) === 'city',
  );

describe('recognition groups (data)', () => {
  const groups = loadRecognitionGroups();
  const codes = (id: string): string[] =>
    groups
      .get(id)!
      .members.map((m) => m.code)
      .sort();

  it('长三角 is 上海 and every city of 江苏, 浙江, 安徽, as the dataset has them', () => {
    expect(codes('yrd')).toEqual(['310100', ...citiesOf('320000'), ...citiesOf('330000'), ...citiesOf('340000')].sort());
    expect(codes('yrd')).toContain('320500');
  });

  it('京津冀 is 北京, 天津 and every city of 河北', () => {
    expect(codes('jjj')).toEqual(['110100', '120100', ...citiesOf('130000')].sort());
  });

  it('粤港澳大湾区 is the nine mainland cities', () => {
    expect(codes('gba')).toEqual(['440100', '440300', '440400', '440600', '440700', '441200', '441300', '441900', '442000']);
  });

  it('marks its dates as illustrative and counts from the later joining date', () => {
    expect(groups.illustrativeDates).toBe(true);
    const yrd = groups.get('yrd')!;
    expect(groups.recognisedSince(yrd, '310100', '320500')).toBe('2019-12-01');
    expect(groups.recognisedSince(yrd, '310100', '340100')).toBe('2020-07-01');
    expect(groups.recognisedSince(yrd, '310100', '440100')).toBeUndefined();
    expect(groups.groupsOf('440100').map((g) => g.id)).toEqual(['gba']);
    expect(groups.groupsOf('360100')).toEqual([]);
  });

  it('rejects unknown or non-city codes, duplicates and shape errors precisely', () => {
    const doc = (members: unknown[]): unknown => ({
      version: 1,
      illustrativeDates: true,
      groups: [{ id: 'xx', nameZh: 'x', nameEn: 'x', rule: 'x', members }],
    });
    const m = (code: string) => ({ code, nameZh: 'c', joinedOn: '2020-01-01' });
    expect(caughtDomainError(() => parseRecognitionGroups(doc([m('310100'), m('999900')]))).code).toBe(ErrorCode.InvalidRegionCode);
    expect(caughtDomainError(() => parseRecognitionGroups(doc([m('310100'), m('310100')]))).detail).toContain('listed twice');
    const shape = caughtDomainError(() => parseRecognitionGroups(doc([m('310100'), { code: '320500', nameZh: 'c', joinedOn: 'soon' }])));
    expect([shape.code, shape.extensions.pointer]).toEqual([ErrorCode.ValidationFailed, '/groups/0/members/1/joinedOn']);
  });
});
