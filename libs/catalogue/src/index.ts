export * from './catalogue.types';
export { ServiceCatalogue } from './catalogue.model';
export { BUNDLED_CATALOGUE_VERSION, SERVICE_CATALOGUE_SCHEMA, loadServiceCatalogue, parseServiceCatalogue } from './catalogue.loader';
export { SEED_CLAUSE_COUNTS, formatSeedRef, parseChineseNumeral, seedRefProblem } from './seed-ref.rules';
export * from './city-policy.types';
export { CityPolicies } from './city-policy.model';
export { TIERED_SUPPLY_CLAUSE, assertCityCode, checkCityPolicy } from './city-policy.validator';
export { CITY_POLICIES_SCHEMA, loadCityPolicies, parseCityPolicies, validateCityPolicy } from './city-policy.loader';
export { BUNDLED_CATALOGUE_DOCUMENT } from './catalogue.loader';
export { BUNDLED_CITY_POLICIES_DOCUMENT } from './city-policy.loader';
export {
  EVIDENCE_CLAUSE,
  EVIDENCE_REFERENCE,
  assertEvidence,
  missingKinds,
  requiredServiceEvidence,
  requiredTransferEvidence,
} from './evidence.rules';
export { CATALOGUE_SCHEMA, CatalogueRepository } from './catalogue.repository';
export type { StoredVersion, VersionKind, VersionOrigin } from './catalogue.repository';
export { BUNDLED_EFFECTIVE_FROM, CatalogueRegistry, checksumOf } from './catalogue.registry';
export type { InForce, VersionInfo } from './catalogue.registry';
export { CataloguePublisher, MAX_SCHEDULE_DAYS } from './catalogue.publisher';
export type { PublishCommand } from './catalogue.publisher';
export { CATALOGUE_REFRESH_MS, CatalogueRefreshJob } from './catalogue.refresh.job';
export { CATALOGUE_MIGRATIONS, CatalogueModule, liveView } from './catalogue.module';
