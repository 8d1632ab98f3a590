import { caughtDomainError, ErrorCode } from '@tongban/errors';
import pointsSchemesV1 from '../data/points-schemes.v1.json';
import { loadPointsSchemes, parsePointsSchemes } from './points-schemes.loader';

const withItem = (item: Record<string, unknown>): unknown => ({
  ...pointsSchemesV1,
  schemes: [{ ...pointsSchemesV1.schemes[0], items: [...pointsSchemesV1.schemes[0].items, item] }],
});

describe('points schemes (data)', () => {
  it('loads the bundled schemes: residence, social insurance and housing items only', () => {
    const schemes = loadPointsSchemes();
    expect(schemes.cities()).toEqual(expect.arrayContaining(['310100', '320500', '440100']));
    expect(schemes.schemeFor('320500').items.map((i) => i.kind)).toEqual(['residence-years', 'social-insurance-years', 'stable-housing']);
  });

  it.each(['education', 'professional-title', 'tax'])(
    'rejects an item on %s naming seed 000 clause 八, with the catalogue error shape',
    (kind) => {
      const e = caughtDomainError(() => parsePointsSchemes(withItem({ kind })));
      expect(e.code).toBe(ErrorCode.PolicyRejected);
      expect(e.extensions).toEqual({ clause: '000-八', city: '310100', condition: kind, reason: 'forbidden-condition' });
      expect(e.detail).toContain('clause 八');
    },
  );

  it('rejects a province-level city code, a duplicate item and an unknown city in a conversion', () => {
    const province = caughtDomainError(() =>
      parsePointsSchemes({ ...pointsSchemesV1, schemes: [{ ...pointsSchemesV1.schemes[0], cityCode: '310000' }] }),
    );
    expect([province.code, province.extensions.reason]).toEqual([ErrorCode.InvalidRegionCode, 'province-level']);
    const twice = caughtDomainError(() => parsePointsSchemes(withItem({ kind: 'residence-years', pointsPerYear: 1, maxPoints: 2 })));
    expect(twice.extensions.reason).toBe('duplicate-condition');
    const none = caughtDomainError(() => loadPointsSchemes().schemeFor('360100'));
    expect([none.code, none.extensions.reason]).toEqual([ErrorCode.RuleViolated, 'no-points-scheme']);
  });
});
