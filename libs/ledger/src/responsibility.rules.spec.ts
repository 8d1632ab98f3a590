import fc from 'fast-check';
import { loadCityPolicies, loadServiceCatalogue } from '@tongban/catalogue';
import {
  anniversary,
  computeResponsibilities,
  explainResponsibility,
  explainResponsibilities,
  nextConditionReview,
  responsibleRegion,
} from './responsibility.rules';

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
    // points are the city's decision: only a recorded allotment of 广州 meets them
    const allotted = {
      ...inGuangzhou,
      allotments: [
        { allotmentId: 'a1', serviceCode: 'edu.compulsory', region: '440100', points: 90, decisionRef: 'GZ-1', decidedOn: '2026-02-01' },
      ],
    };
    expect(responsibleRegion(catalogue.get('edu.compulsory'), { facts: allotted, asOf: '2026-03-01' }, policies)).toBe('440100');
    const elsewhere = { ...allotted, allotments: [{ ...allotted.allotments[0], region: '440300' }] };
    expect(responsibleRegion(catalogue.get('edu.compulsory'), { facts: elsewhere, asOf: '2026-03-01' }, policies)).toBe('360100');
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
    // the anniversary itself counts (a year is a calendar year, not 365.2425 days)
    expect(responsibleRegion(item, { facts: f, asOf: '2026-06-01' }, policies)).toBe('360100');
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

  describe('years counted in calendar months and years', () => {
    it('ends a period of years on the corresponding day, or the last day of the month without one (民法典 Art. 202)', () => {
      expect(anniversary('2025-06-01', 1)).toBe('2026-06-01');
      expect(anniversary('2024-02-29', 1)).toBe('2025-02-28');
      expect(anniversary('2024-02-29', 4)).toBe('2028-02-29');
      expect(anniversary('2025-08-31', 0.5)).toBe('2026-02-28');
      expect(anniversary('2020-01-15', 6)).toBe('2026-01-15');
    });

    it('meets a condition on the anniversary across leap years, where 365.2425-day years fell short', () => {
      const item = catalogue.get('assist.minimum-living'); // 北京: residence ≥ 3 years
      const f = facts({ residenceCity: '110100', residenceSince: '2023-03-01' });
      expect(responsibleRegion(item, { facts: f, asOf: '2026-02-28' }, policies)).toBe('360100');
      expect(responsibleRegion(item, { facts: f, asOf: '2026-03-01' }, policies)).toBe('110100');
      const oneYear = catalogue.get('elder.care-services'); // 深圳: residence ≥ 1 year
      // 365 days from 2026-03-01 to 2027-03-01: less than one 365.2425-day year, yet one calendar year
      const g = facts({ residenceCity: '440300', residenceSince: '2026-03-01' });
      expect(responsibleRegion(oneYear, { facts: g, asOf: '2027-02-28' }, policies)).toBe('360100');
      expect(responsibleRegion(oneYear, { facts: g, asOf: '2027-03-01' }, policies)).toBe('440300');
    });

    it('property: a years condition holds from its anniversary on and never before', () => {
      const item = catalogue.get('elder.care-services'); // 深圳: residence ≥ 1 year
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 4000 }), fc.integer({ min: -40, max: 40 }), (d, offset) => {
          const since = new Date(Date.UTC(2016, 0, 1) + d * 86400000).toISOString().slice(0, 10);
          const due = anniversary(since, 1);
          const asOf = new Date(Date.parse(`${due}T00:00:00Z`) + offset * 86400000).toISOString().slice(0, 10);
          const region = responsibleRegion(item, { facts: facts({ residenceCity: '440300', residenceSince: since }), asOf }, policies);
          expect(region).toBe(offset >= 0 ? '440300' : '360100');
        }),
        { numRuns: 300 },
      );
    });
  });

  describe('explanations and the next review day', () => {
    it('explains each held service: basis, rule, every condition with the day it is met', () => {
      const f = facts({
        residenceCity: '110100',
        residenceSince: '2025-06-01',
        insured: { pension: { region: '110100', since: '2024-01-10' } },
      });
      const housing = explainResponsibility(catalogue.get('housing.public-rental'), { facts: f, asOf: '2026-11-28' }, policies);
      // 北京: residence ≥ 3 years and insurance ≥ 3 years
      expect(housing).toEqual({
        serviceCode: 'housing.public-rental',
        basis: 'residence-permit',
        region: '360100',
        rule: 'residence-conditions-unmet',
        reviewOn: '2028-06-01',
        explanation: expect.stringContaining('does not yet meet residence ≥ 3 years, social insurance (pension) in 110100 ≥ 3 years'),
        conditions: [
          { kind: 'residence-years', required: 'residence ≥ 3 years', met: false, metOn: '2028-06-01', detail: 'met on 2028-06-01' },
          {
            kind: 'social-insurance-years',
            required: 'social insurance (pension) in 110100 ≥ 3 years',
            met: false,
            metOn: '2027-01-10',
            detail: 'met on 2027-01-10',
          },
        ],
      });
      const all = explainResponsibilities(catalogue, { facts: f, asOf: '2026-11-28' }, policies);
      expect(all.find((e) => e.serviceCode === 'elder.resident-pension')).toMatchObject({ rule: 'hukou-basis', region: '360100' });
      expect(all.find((e) => e.serviceCode === 'elder.employee-pension')).toMatchObject({ rule: 'insured-branch', region: '110100' });
      expect(all.find((e) => e.serviceCode === 'emp.unemployment-insurance')).toMatchObject({
        rule: 'insured-branch-unknown',
        region: '360100',
      });
      expect(all.find((e) => e.serviceCode === 'med.public-health')).toMatchObject({ rule: 'residence-conditions-met', region: '110100' });
      expect(all.some((e) => e.serviceCode === 'assist.temporary')).toBe(false);
      expect(all.find((e) => e.serviceCode === 'edu.compulsory')).toMatchObject({ rule: 'residence-conditions-met', region: '110100' });
      // the earliest day time alone moves something: public rental housing and 低保 (residence ≥ 3 years), both on 2028-06-01
      expect(all.find((e) => e.serviceCode === 'assist.minimum-living')).toMatchObject({ reviewOn: '2028-06-01' });
      expect(all.find((e) => e.serviceCode === 'edu.entrance-exam')).toMatchObject({ reviewOn: '2031-06-01' });
      expect(nextConditionReview(all)).toBe('2028-06-01');
    });

    it('does not review a service waiting for a points decision or an unknown fact', () => {
      const inGuangzhou = facts({ residenceCity: '440100', residenceSince: '2025-06-01' });
      const school = explainResponsibility(catalogue.get('edu.compulsory'), { facts: inGuangzhou, asOf: '2026-03-01' }, policies);
      expect(school).toMatchObject({
        rule: 'residence-conditions-unmet',
        reviewOn: null,
        conditions: [{ kind: 'points', met: false, metOn: null, detail: expect.stringContaining('POST /v1/points-allotments') }],
      });
      // 广州's rent subsidy needs 3 years of pension insurance in 广州; none is known
      const subsidy = explainResponsibility(catalogue.get('housing.rental-subsidy'), { facts: inGuangzhou, asOf: '2026-03-01' }, policies);
      expect(subsidy).toMatchObject({ reviewOn: null, conditions: [{ met: false, metOn: null }] });
      expect(nextConditionReview(explainResponsibilities(catalogue, { facts: facts(), asOf: '2026-03-01' }, policies))).toBeNull();
    });

    it('counts insurance in a district of the city as insurance in the city', () => {
      const f = facts({
        residenceCity: '440100',
        residenceSince: '2020-01-01',
        insured: { pension: { region: '440106', since: '2022-01-01' } },
      });
      expect(responsibleRegion(catalogue.get('housing.rental-subsidy'), { facts: f, asOf: '2025-01-01' }, policies)).toBe('440100');
    });
  });
});
