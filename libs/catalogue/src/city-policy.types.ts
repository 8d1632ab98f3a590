/**
 * Types of the city policies (一城一策): the conditions a city attaches to providing a basic service at
 * the residence place. Data lives in libs/catalogue/data/city-policies.v1.json
 * (schema: city-policies.schema.json).
 */

/** Conditions a city may set: time factors of residence and employment, and points (seed 000 clause 八). */
export const ALLOWED_CONDITION_KINDS = ['residence-permit', 'residence-years', 'social-insurance-years', 'points'] as const;
export type AllowedConditionKind = (typeof ALLOWED_CONDITION_KINDS)[number];

/**
 * Conditions seed 000 clause 八 forbids for basic public services ('不得设置学历、职称、纳税贡献等限制条件').
 * They are representable in the data so that a city policy trying them is rejected by name at load.
 */
export const FORBIDDEN_CONDITION_KINDS = ['education', 'professional-title', 'tax'] as const;
export type ForbiddenConditionKind = (typeof FORBIDDEN_CONDITION_KINDS)[number];

export const FORBIDDEN_CONDITION_NAMES: Readonly<Record<ForbiddenConditionKind, string>> = Object.freeze({
  education: 'education level (学历)',
  'professional-title': 'professional title (职称)',
  tax: 'tax contribution (纳税贡献)',
});

/** An admitted condition on residence-based provision. */
export type PolicyCondition =
  /** A residence permit (居住证) is required as the evidence of residence. */
  | { readonly kind: 'residence-permit'; readonly note?: string }
  /** At least `minYears` years of (continuous) residence in the city. */
  | { readonly kind: 'residence-years'; readonly minYears: number; readonly note?: string }
  /** At least `minYears` years of social insurance contributions in the city. */
  | { readonly kind: 'social-insurance-years'; readonly minYears: number; readonly note?: string }
  /** Tiered supply (梯度供给): at least `threshold` points in the city's points scheme (积分). */
  | { readonly kind: 'points'; readonly threshold: number; readonly scheme?: string; readonly note?: string };

/** A condition a city may NOT set on a basic service; only ever seen in raw, unvalidated data. */
export type ForbiddenPolicyCondition =
  | { readonly kind: 'education'; readonly minLevel?: string; readonly note?: string }
  | { readonly kind: 'professional-title'; readonly minTitle?: string; readonly note?: string }
  | { readonly kind: 'tax'; readonly minAnnualAmountYuan?: number; readonly note?: string };

export type RawPolicyCondition = PolicyCondition | ForbiddenPolicyCondition;

/** A city's conditions for one service of the catalogue. */
export interface CityServicePolicy {
  readonly service: string;
  readonly conditions: readonly PolicyCondition[];
  readonly note?: string;
}

/** One city's policy (一城一策). */
export interface CityPolicy {
  /** GB/T 2260 city-level code, xxxx00 (municipalities: 110100, 120100, 310100, 500100). */
  readonly cityCode: string;
  readonly cityNameZh: string;
  /** True when the values are illustrative, not the city's published rules. */
  readonly illustrative: boolean;
  readonly source?: string;
  readonly services: readonly CityServicePolicy[];
}

export interface RawCityServicePolicy {
  readonly service: string;
  readonly conditions: readonly RawPolicyCondition[];
  readonly note?: string;
}

export interface RawCityPolicy {
  readonly cityCode: string;
  readonly cityNameZh: string;
  readonly illustrative: boolean;
  readonly source?: string;
  readonly services: readonly RawCityServicePolicy[];
}

/** The document shape of city-policies.v<N>.json. */
export interface CityPoliciesDocument {
  readonly $schema?: string;
  readonly version: number;
  readonly catalogueVersion: number;
  readonly description?: string;
  readonly cities: readonly RawCityPolicy[];
}

/** The conditions of one (city, service) summarised as the figures a residence check needs. */
export interface ResidenceRequirements {
  readonly cityCode: string;
  readonly service: string;
  readonly residencePermitRequired: boolean;
  readonly minResidenceYears?: number;
  readonly minSocialInsuranceYears?: number;
  readonly pointsThreshold?: number;
}
