import { ValidateFunction } from 'ajv/dist/2020';
import cityPoliciesSchema from '../data/city-policies.schema.json';
import cityPoliciesV1 from '../data/city-policies.v1.json';
import { ServiceCatalogue } from './catalogue.model';
import { loadServiceCatalogue } from './catalogue.loader';
import { CityPolicies } from './city-policy.model';
import { CityPoliciesDocument, CityPolicy, RawCityPolicy } from './city-policy.types';
import { assertCityCode, checkCityPolicy } from './city-policy.validator';
import { assertSchema, compileSchema } from './json-schema.validator';

/** The JSON Schema of city policy documents (data/city-policies.schema.json). */
export const CITY_POLICIES_SCHEMA: object = cityPoliciesSchema;

/** The bundled document (data/city-policies.v1.json), as parsed JSON: stored as version 1 at the first boot. */
export const BUNDLED_CITY_POLICIES_DOCUMENT: unknown = cityPoliciesV1;

let compiled: { document: ValidateFunction<CityPoliciesDocument>; policy: ValidateFunction<RawCityPolicy> } | undefined;

/** Compiled once: the document schema, then one policy ($defs/cityPolicy) referring into it. */
function validators(): NonNullable<typeof compiled> {
  if (compiled === undefined) {
    const document = compileSchema<CityPoliciesDocument>(cityPoliciesSchema);
    const policy = compileSchema<RawCityPolicy>({
      $id: 'https://tongban.example/schemas/catalogue/city-policy.schema.json',
      $ref: 'city-policies.schema.json#/$defs/cityPolicy',
    });
    compiled = { document, policy };
  }
  return compiled;
}

/**
 * Validates an untrusted city policies document (parsed JSON) and admits every policy in it, or throws:
 * DomainError(InvalidRegionCode) for a malformed or non-city code, DomainError(PolicyRejected) for a
 * forbidden condition (clause 000-八), an unknown service code or a condition on a non-residence service,
 * DomainError(ValidationFailed) for any other shape error (naming the JSON pointer).
 */
export function parseCityPolicies(document: unknown, catalogue: ServiceCatalogue, source = 'city-policies'): CityPolicies {
  precheckCityCodes(document, source);
  assertSchema(validators().document, document, source);
  return new CityPolicies(document, catalogue, source);
}

/** The bundled city policies (data/city-policies.v1.json, illustrative values) against `catalogue`. */
export function loadCityPolicies(catalogue: ServiceCatalogue = loadServiceCatalogue()): CityPolicies {
  return parseCityPolicies(cityPoliciesV1, catalogue, 'city-policies.v1.json');
}

/**
 * Validates and admits ONE city policy (e.g. submitted by a city for review), with the same rules as
 * the loader.
 */
export function validateCityPolicy(policy: unknown, catalogue: ServiceCatalogue, source = 'city policy'): CityPolicy {
  if (isRecord(policy) && typeof policy.cityCode === 'string') assertCityCode(policy.cityCode, source);
  assertSchema(validators().policy, policy, source);
  return checkCityPolicy(policy, catalogue, source);
}

/** City codes get their precise InvalidRegionCode message before the generic schema 'pattern' error. */
function precheckCityCodes(document: unknown, source: string): void {
  if (!isRecord(document) || !Array.isArray(document.cities)) return;
  document.cities.forEach((city: unknown, i: number) => {
    if (isRecord(city) && typeof city.cityCode === 'string') assertCityCode(city.cityCode, `${source} /cities/${i}`);
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
