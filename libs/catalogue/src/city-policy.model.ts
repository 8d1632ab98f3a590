import { DomainError, ErrorCode } from '@tongban/errors';
import { cityOf, isRegionCode } from '@tongban/regions';
import { ServiceCatalogue } from './catalogue.model';
import { CityPoliciesDocument, CityPolicy, PolicyCondition, ResidenceRequirements } from './city-policy.types';
import { checkCityPolicy } from './city-policy.validator';

const NONE: readonly PolicyCondition[] = Object.freeze([]);

/**
 * The admitted city policies (一城一策). Plain class built from a document and the catalogue it refers
 * to; every policy is checked on construction (checkCityPolicy), so an instance never holds a condition
 * on education, professional title or tax (seed 000 clause 八), an unknown service or a bad city code.
 */
export class CityPolicies {
  readonly version: number;
  private readonly byCity: ReadonlyMap<string, CityPolicy>;

  constructor(
    document: CityPoliciesDocument,
    private readonly catalogue: ServiceCatalogue,
    source = `city policies v${document.version}`,
  ) {
    // Codes are never reused with another meaning, so policies written against an older catalogue are
    // checked, service by service, against the one in force; a newer catalogue than the one loaded is not known here.
    if (document.catalogueVersion > catalogue.version) {
      throw new DomainError(
        ErrorCode.PolicyRejected,
        `${source} is written against service catalogue v${document.catalogueVersion}, but catalogue v${catalogue.version} is the one it would apply with`,
        { source, reason: 'catalogue-version' },
      );
    }
    this.version = document.version;
    const byCity = new Map<string, CityPolicy>();
    document.cities.forEach((raw, i) => {
      const policy = checkCityPolicy(raw, catalogue, `${source} /cities/${i}`);
      if (byCity.has(policy.cityCode)) {
        throw new DomainError(
          ErrorCode.PolicyRejected,
          `${source} /cities/${i}: city ${policy.cityCode} (${policy.cityNameZh}) has two policies; merge them into one`,
          { city: policy.cityCode, reason: 'duplicate-city' },
        );
      }
      byCity.set(policy.cityCode, policy);
    });
    this.byCity = byCity;
  }

  /** Every city policy, in document order. */
  all(): readonly CityPolicy[] {
    return [...this.byCity.values()];
  }

  /** The policy of the city containing `regionCode` (a city or one of its counties/districts), if any. */
  policyFor(regionCode: string): CityPolicy | undefined {
    const city = cityCodeOf(regionCode);
    return city === undefined ? undefined : this.byCity.get(city);
  }

  /**
   * The conditions the city containing `regionCode` sets for `serviceCode`; empty when the city has no
   * policy or none for that service. Throws DomainError(NotFound) for a service not in the catalogue.
   */
  conditionsFor(regionCode: string, serviceCode: string): readonly PolicyCondition[] {
    this.catalogue.get(serviceCode);
    const policy = this.policyFor(regionCode);
    return policy?.services.find((s) => s.service === serviceCode)?.conditions ?? NONE;
  }

  /**
   * The conditions as figures. A permit is required when the service's basis is 'residence-permit' or the
   * city adds a 'residence-permit' condition.
   */
  requirementsFor(regionCode: string, serviceCode: string): ResidenceRequirements {
    const item = this.catalogue.get(serviceCode);
    const conditions = this.conditionsFor(regionCode, serviceCode);
    let result: ResidenceRequirements = {
      cityCode: cityCodeOf(regionCode) ?? regionCode,
      service: serviceCode,
      residencePermitRequired: item.basis === 'residence-permit',
    };
    for (const c of conditions) {
      switch (c.kind) {
        case 'residence-permit':
          result = { ...result, residencePermitRequired: true };
          break;
        case 'residence-years':
          result = { ...result, minResidenceYears: c.minYears };
          break;
        case 'social-insurance-years':
          result = { ...result, minSocialInsuranceYears: c.minYears };
          break;
        case 'points':
          result = { ...result, pointsThreshold: c.threshold };
          break;
      }
    }
    return Object.freeze(result);
  }
}

/** 'xxxx00' for a city or a county/district code; undefined for provinces and non-codes. */
function cityCodeOf(regionCode: string): string | undefined {
  if (!isRegionCode(regionCode)) return undefined;
  return cityOf(regionCode);
}
