import { caughtDomainError, ErrorCode } from '@tongban/errors';
import {
  CityPolicies,
  FORBIDDEN_CONDITION_KINDS,
  CITY_POLICIES_SCHEMA,
  ALLOWED_CONDITION_KINDS,
  loadCityPolicies,
  loadServiceCatalogue,
  parseCityPolicies,
  validateCityPolicy,
} from '@tongban/catalogue';

const catalogue = loadServiceCatalogue();

/** A document with one city policy for `service` under `conditions`. */
function doc(conditions: unknown[], service = 'edu.compulsory', cityCode = '440100'): Record<string, unknown> {
  return {
    version: 1,
    catalogueVersion: 1,
    cities: [{ cityCode, cityNameZh: '测试市', illustrative: true, services: [{ service, conditions }] }],
  };
}

describe('city policies v1 (bundled data)', () => {
  const policies = loadCityPolicies(catalogue);

  it('loads 5–8 illustrative cities at city level', () => {
    const cities = policies.all();
    expect(cities.length).toBeGreaterThanOrEqual(5);
    expect(cities.length).toBeLessThanOrEqual(8);
    for (const c of cities) {
      expect(c.illustrative).toBe(true);
      expect(c.cityCode).toMatch(/^[0-9]{4}00$/);
      expect(c.cityCode.endsWith('0000')).toBe(false);
    }
    expect(cities.map((c) => c.cityCode)).toEqual(expect.arrayContaining(['110100', '310100', '320500', '360100', '440100']));
  });

  it('uses only admitted condition kinds on residence-based services', () => {
    for (const city of policies.all()) {
      for (const sp of city.services) {
        expect(['residence', 'residence-permit']).toContain(catalogue.get(sp.service).basis);
        for (const c of sp.conditions) expect(ALLOWED_CONDITION_KINDS).toContain(c.kind);
      }
    }
  });

  it('answers conditionsFor, empty when the city or the service has none', () => {
    expect(policies.conditionsFor('310100', 'edu.compulsory')).toEqual([{ kind: 'points', threshold: 120, scheme: '居住证积分' }]);
    expect(policies.conditionsFor('360100', 'edu.compulsory')).toEqual([]);
    expect(policies.conditionsFor('420100', 'edu.compulsory')).toEqual([]); // 武汉: no policy
    expect(policies.conditionsFor('440100', 'assist.temporary')).toEqual([]);
    expect(policies.conditionsFor('440000', 'edu.compulsory')).toEqual([]); // a province has no city policy
    expect(policies.conditionsFor('nonsense', 'edu.compulsory')).toEqual([]);
  });

  it('finds the city policy from a district code', () => {
    expect(policies.conditionsFor('440106', 'housing.public-rental')).toEqual(policies.conditionsFor('440100', 'housing.public-rental'));
    expect(policies.policyFor('310104')?.cityCode).toBe('310100');
  });

  it('throws NotFound for a service outside the catalogue', () => {
    expect(caughtDomainError(() => policies.conditionsFor('440100', 'edu.nope')).code).toBe(ErrorCode.NotFound);
  });

  it('summarises conditions as requirements', () => {
    expect(policies.requirementsFor('440100', 'housing.public-rental')).toEqual({
      cityCode: '440100',
      service: 'housing.public-rental',
      residencePermitRequired: true,
      minSocialInsuranceYears: 5,
      pointsThreshold: 60,
    });
    expect(policies.requirementsFor('110100', 'assist.minimum-living')).toMatchObject({ minResidenceYears: 3 });
    expect(policies.requirementsFor('420100', 'emp.public-employment-service')).toEqual({
      cityCode: '420100',
      service: 'emp.public-employment-service',
      residencePermitRequired: false,
    });
  });

  it('keeps the schema condition kinds and the TypeScript constants in step', () => {
    const oneOf = (CITY_POLICIES_SCHEMA as { $defs: { condition: { oneOf: { properties: { kind: { const: string } } }[] } } }).$defs
      .condition.oneOf;
    expect(oneOf.map((s) => s.properties.kind.const)).toEqual([...ALLOWED_CONDITION_KINDS, ...FORBIDDEN_CONDITION_KINDS]);
  });
});

describe('city policy rejections', () => {
  it.each([
    ['education', { kind: 'education', minLevel: '本科' }, '学历'],
    ['professional-title', { kind: 'professional-title', minTitle: '中级' }, '职称'],
    ['tax', { kind: 'tax', minAnnualAmountYuan: 10000 }, '纳税'],
  ])('rejects a %s condition naming clause 八 of seed 000', (kind, condition, zh) => {
    const e = caughtDomainError(() => parseCityPolicies(doc([{ kind: 'residence-years', minYears: 1 }, condition]), catalogue));
    expect(e.code).toBe(ErrorCode.PolicyRejected);
    expect(e.extensions).toMatchObject({ clause: '000-八', city: '440100', service: 'edu.compulsory', condition: kind });
    expect(e.detail).toContain('clause 八');
    expect(e.detail).toContain(zh);
    expect(e.detail).toContain("'edu.compulsory'");
  });

  it('names clause 八 even when the service admits no conditions at all', () => {
    const e = caughtDomainError(() => parseCityPolicies(doc([{ kind: 'tax' }], 'assist.temporary'), catalogue));
    expect(e.extensions).toMatchObject({ clause: '000-八', service: 'assist.temporary' });
  });

  it('rejects a forbidden condition also when CityPolicies is built directly', () => {
    const e = caughtDomainError(
      () =>
        new CityPolicies(
          {
            version: 1,
            catalogueVersion: 1,
            cities: [
              {
                cityCode: '320500',
                cityNameZh: '苏州市',
                illustrative: true,
                services: [{ service: 'housing.public-rental', conditions: [{ kind: 'education' }] }],
              },
            ],
          },
          catalogue,
        ),
    );
    expect(e.code).toBe(ErrorCode.PolicyRejected);
    expect(e.extensions).toMatchObject({ clause: '000-八', city: '320500', service: 'housing.public-rental' });
  });

  it('rejects an unknown service code', () => {
    const e = caughtDomainError(() => parseCityPolicies(doc([], 'edu.boarding-school'), catalogue));
    expect(e.code).toBe(ErrorCode.PolicyRejected);
    expect(e.detail).toContain("service code 'edu.boarding-school' is not in service catalogue v1");
    expect(e.extensions).toMatchObject({ city: '440100', service: 'edu.boarding-school', reason: 'unknown-service' });
  });

  it.each([
    ['44010', 'malformed', 'format'],
    ['4401000', 'malformed', 'format'],
    ['44O100', 'malformed', 'format'],
    ['', 'malformed', 'format'],
    ['310000', 'province-level', 'province-level'],
    ['440106', 'county-level', 'county-level'],
    ['449900', 'not a current GB/T 2260 city-level region', 'unknown'],
  ])('rejects city code %p (%s)', (code, words, reason) => {
    const e = caughtDomainError(() => parseCityPolicies(doc([], 'edu.compulsory', code), catalogue));
    expect(e.code).toBe(ErrorCode.InvalidRegionCode);
    expect(e.detail).toContain(`'${code}'`);
    expect(e.detail).toContain(words);
    expect(e.detail).toContain('/cities/0');
    expect(e.extensions).toMatchObject({ city: code, reason });
  });

  it('tells the Shanghai city-level code for the province code', () => {
    expect(caughtDomainError(() => parseCityPolicies(doc([], 'edu.compulsory', '310000'), catalogue)).detail).toContain('310100 上海');
  });

  it('rejects conditions on temporary assistance, given where the emergency happens (000-六)', () => {
    const e = caughtDomainError(() => parseCityPolicies(doc([{ kind: 'residence-years', minYears: 1 }], 'assist.temporary'), catalogue));
    expect(e.code).toBe(ErrorCode.PolicyRejected);
    expect(e.extensions).toMatchObject({ clause: '000-六', service: 'assist.temporary', reason: 'not-residence-based' });
  });

  it('rejects conditions on employee insurance, joined where the person works (000-三)', () => {
    const e = caughtDomainError(() => parseCityPolicies(doc([{ kind: 'residence-permit' }], 'elder.employee-pension'), catalogue));
    expect(e.extensions).toMatchObject({ clause: '000-三', basis: 'insured' });
  });

  it('rejects conditions on a hukou-based service', () => {
    const e = caughtDomainError(() =>
      parseCityPolicies(doc([{ kind: 'residence-years', minYears: 2 }], 'veterans.preferential-care'), catalogue),
    );
    expect(e.code).toBe(ErrorCode.PolicyRejected);
    expect(e.detail).toContain("basis 'hukou'");
  });

  it('accepts an empty condition list on any service', () => {
    expect(parseCityPolicies(doc([], 'assist.temporary'), catalogue).conditionsFor('440100', 'assist.temporary')).toEqual([]);
  });

  it('rejects a city given twice, a service given twice and a condition kind given twice', () => {
    const twoCities = doc([]);
    (twoCities.cities as unknown[]).push((twoCities.cities as unknown[])[0]);
    expect(caughtDomainError(() => parseCityPolicies(twoCities, catalogue)).extensions).toMatchObject({ reason: 'duplicate-city' });

    const twoServices = doc([]);
    const city = (twoServices.cities as { services: unknown[] }[])[0];
    city.services.push(city.services[0]);
    expect(caughtDomainError(() => parseCityPolicies(twoServices, catalogue)).extensions).toMatchObject({ reason: 'duplicate-service' });

    const twoKinds = doc([
      { kind: 'residence-years', minYears: 1 },
      { kind: 'residence-years', minYears: 2 },
    ]);
    expect(caughtDomainError(() => parseCityPolicies(twoKinds, catalogue)).extensions).toMatchObject({ reason: 'duplicate-condition' });
  });

  it('rejects shapes outside the schema with the JSON pointer', () => {
    const unknownKind = caughtDomainError(() => parseCityPolicies(doc([{ kind: 'hukou' }]), catalogue));
    expect(unknownKind.code).toBe(ErrorCode.ValidationFailed);
    expect(unknownKind.detail).toContain('/cities/0/services/0/conditions/0');

    const negative = caughtDomainError(() => parseCityPolicies(doc([{ kind: 'social-insurance-years', minYears: -1 }]), catalogue));
    expect(negative.code).toBe(ErrorCode.ValidationFailed);
    expect(negative.detail).toContain('/cities/0/services/0/conditions/0/minYears');

    const noIllustrativeFlag = doc([]);
    delete (noIllustrativeFlag.cities as Record<string, unknown>[])[0].illustrative;
    expect(caughtDomainError(() => parseCityPolicies(noIllustrativeFlag, catalogue)).detail).toContain('illustrative');
  });

  it('rejects a document written against another catalogue version', () => {
    const other = { ...doc([]), catalogueVersion: 2 };
    expect(caughtDomainError(() => parseCityPolicies(other, catalogue)).extensions).toMatchObject({ reason: 'catalogue-version' });
  });
});

describe('validateCityPolicy (one policy)', () => {
  const policy = (conditions: unknown[], cityCode = '330100'): unknown => ({
    cityCode,
    cityNameZh: '杭州市',
    illustrative: false,
    services: [{ service: 'housing.rental-subsidy', conditions }],
  });

  it('admits a policy with time factors and points', () => {
    const admitted = validateCityPolicy(
      policy([{ kind: 'residence-permit' }, { kind: 'residence-years', minYears: 0.5 }, { kind: 'points', threshold: 100 }]),
      catalogue,
    );
    expect(admitted.services[0].conditions).toHaveLength(3);
    expect(Object.isFrozen(admitted)).toBe(true);
  });

  it('rejects education, title and tax conditions and bad city codes', () => {
    expect(caughtDomainError(() => validateCityPolicy(policy([{ kind: 'professional-title' }]), catalogue)).extensions).toMatchObject({
      clause: '000-八',
      city: '330100',
      service: 'housing.rental-subsidy',
    });
    expect(caughtDomainError(() => validateCityPolicy(policy([], '3301'), catalogue)).code).toBe(ErrorCode.InvalidRegionCode);
    expect(caughtDomainError(() => validateCityPolicy({ cityCode: '330100' }, catalogue)).code).toBe(ErrorCode.ValidationFailed);
  });
});
