import fc from 'fast-check';
import { loadCityPolicies, loadServiceCatalogue } from '@tongban/catalogue';
import { computeResponsibilities, responsibleRegion } from './responsibility.rules';

const catalogue = loadServiceCatalogue();
const policies = loadCityPolicies(catalogue);
const facts = (over: Partial<Parameters<typeof computeResponsibilities>[1]['facts']> = {}) => ({
  hukouRegion: '360100',
  residenceCity: null,
  residenceSince: null,
  insured: {},
  ...over,
});

describe('responsibility computation', () => {
  it('gives every held service to the hukou region before any permit or employment is known', () => {
    const all = computeResponsibilities(catalogue, { facts: facts(), asOf: '2026-03-01' }, policies);
    expect(new Set(all.values())).toEqual(new Set(['360100']));
    expect(all.has('assist.temporary')).toBe(false);
    expect(all.has('med.cross-region-settlement')).toBe(false);
  });

  it('moves residence-based services to the permit city when its conditions are met, keeps the others with the hukou region', () => {
    // 南昌 (360100) sets no condition on compulsory education; 广州 needs 85 points.
    const inNanchang = facts({ hukouRegion: '440100', residenceCity: '360100', residenceSince: '2025-01-01' });
    expect(responsibleRegion(catalogue.get('edu.compulsory'), { facts: inNanchang, asOf: '2026-03-01' }, policies)).toBe('360100');
    const inGuangzhou = facts({ residenceCity: '440100', residenceSince: '2025-06-01' });
    expect(responsibleRegion(catalogue.get('edu.compulsory'), { facts: inGuangzhou, asOf: '2026-03-01' }, policies)).toBe('360100');
    expect(responsibleRegion(catalogue.get('edu.compulsory'), { facts: inGuangzhou, asOf: '2026-03-01', points: 90 }, policies)).toBe(
      '440100',
    );
    expect(responsibleRegion(catalogue.get('emp.public-employment-service'), { facts: inGuangzhou, asOf: '2026-03-01' }, policies)).toBe(
      '440100',
    );
    expect(responsibleRegion(catalogue.get('veterans.preferential-care'), { facts: inGuangzhou, asOf: '2026-03-01' }, policies)).toBe(
      '360100',
    );
  });

  it('measures residence and insurance years to the day of computation', () => {
    const item = catalogue.get('assist.minimum-living'); // 南昌: residence ≥ 1 year
    const f = facts({ hukouRegion: '440100', residenceCity: '360100', residenceSince: '2025-06-01' });
    expect(responsibleRegion(item, { facts: f, asOf: '2026-05-31' }, policies)).toBe('440100');
    expect(responsibleRegion(item, { facts: f, asOf: '2026-06-02' }, policies)).toBe('360100');
    const housing = catalogue.get('housing.rental-subsidy'); // 广州: insurance ≥ 3 years in 广州
    const worker = facts({
      residenceCity: '440100',
      residenceSince: '2020-01-01',
      insured: { pension: { region: '440100', since: '2022-01-01' } },
    });
    expect(responsibleRegion(housing, { facts: worker, asOf: '2026-03-01' }, policies)).toBe('440100');
    expect(
      responsibleRegion(
        housing,
        { facts: { ...worker, insured: { pension: { region: '440300', since: '2022-01-01' } } }, asOf: '2026-03-01' },
        policies,
      ),
    ).toBe('360100');
    // years of medical insurance alone are not years of social insurance (pension contributions)
    expect(
      responsibleRegion(
        housing,
        { facts: { ...worker, insured: { medical: { region: '440100', since: '2022-01-01' } } }, asOf: '2026-03-01' },
        policies,
      ),
    ).toBe('360100');
  });

  it('gives insured services to the insured region of their own branch once known', () => {
    expect(
      responsibleRegion(
        catalogue.get('elder.employee-pension'),
        { facts: facts({ insured: { pension: { region: '310100', since: '2026-01-01' } } }), asOf: '2026-03-01' },
        policies,
      ),
    ).toBe('310100');
  });

  it('keeps the insurance branches apart: a pension paid in one region, employee medical insurance in another (seed 000 四)', () => {
    const retiree = facts({
      insured: { pension: { region: '360100', since: '1995-01-01' }, medical: { region: '440300', since: '2024-01-01' } },
    });
    const all = computeResponsibilities(catalogue, { facts: retiree, asOf: '2026-03-01' }, policies);
    expect(all.get('elder.employee-pension')).toBe('360100');
    expect(all.get('med.employee-medical-insurance')).toBe('440300');
    // branches nobody stated stay with the hukou region
    expect(all.get('emp.unemployment-insurance')).toBe('360100');
    expect(all.get('emp.work-injury-insurance')).toBe('360100');
  });

  it('property: every held service has exactly one responsible region, always one of the regions concerned', () => {
    const region = fc.constantFrom('110100', '310100', '320500', '360100', '440100', '440300', '510100', '120100');
    const date = fc.integer({ min: 0, max: 3000 }).map((d) => new Date(Date.UTC(2018, 0, 1) + d * 86400000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(
        region,
        fc.option(region),
        date,
        fc.option(region),
        date,
        date,
        fc.option(fc.integer({ min: 0, max: 200 })),
        (hukou, city, since, insured, insuredSince, asOf, points) => {
          const input = {
            facts: facts({
              hukouRegion: hukou,
              residenceCity: city,
              residenceSince: city ? since : null,
              insured: insured ? { pension: { region: insured, since: insuredSince } } : {},
            }),
            asOf,
            points: points ?? undefined,
          };
          const all = computeResponsibilities(catalogue, input, policies);
          for (const item of catalogue.all()) {
            const r = all.get(item.code);
            if (item.basis === 'treatment' || item.basis === 'emergency') {
              expect(r).toBeUndefined();
              continue;
            }
            expect(r).toBeDefined();
            expect([hukou, city, insured]).toContain(r);
            if (item.basis === 'hukou') expect(r).toBe(hukou);
            if ((item.basis === 'residence' || item.basis === 'residence-permit') && city === null) expect(r).toBe(hukou);
          }
          // deterministic: the same facts give the same answer
          expect(computeResponsibilities(catalogue, input, policies)).toEqual(all);
        },
      ),
      { numRuns: 300 },
    );
  });
});
