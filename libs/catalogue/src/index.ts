export * from './catalogue.types';
export { ServiceCatalogue } from './catalogue.model';
export { BUNDLED_CATALOGUE_VERSION, SERVICE_CATALOGUE_SCHEMA, loadServiceCatalogue, parseServiceCatalogue } from './catalogue.loader';
export { SEED_CLAUSE_COUNTS, formatSeedRef, parseChineseNumeral, seedRefProblem } from './seed-ref.rules';
export * from './city-policy.types';
export { CityPolicies } from './city-policy.model';
export { TIERED_SUPPLY_CLAUSE, assertCityCode, checkCityPolicy } from './city-policy.validator';
export { CITY_POLICIES_SCHEMA, loadCityPolicies, parseCityPolicies, validateCityPolicy } from './city-policy.loader';
