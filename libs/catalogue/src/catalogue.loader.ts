import { ValidateFunction } from 'ajv/dist/2020';
import catalogueSchema from '../data/service-catalogue.schema.json';
import catalogueV1 from '../data/service-catalogue.v1.json';
import { ServiceCatalogueDocument } from './catalogue.types';
import { ServiceCatalogue } from './catalogue.model';
import { assertSchema, compileSchema } from './json-schema.validator';

/** The JSON Schema every catalogue document must satisfy (data/service-catalogue.schema.json). */
export const SERVICE_CATALOGUE_SCHEMA: object = catalogueSchema;

/** The catalogue version bundled with this build. */
export const BUNDLED_CATALOGUE_VERSION = 1;

/** The bundled document (data/service-catalogue.v1.json), as parsed JSON: stored as version 1 at the first boot. */
export const BUNDLED_CATALOGUE_DOCUMENT: unknown = catalogueV1;

let validator: ValidateFunction<ServiceCatalogueDocument> | undefined;
let bundled: ServiceCatalogue | undefined;

/**
 * Validates an untrusted catalogue document (parsed JSON) against the schema, then builds the catalogue.
 * Throws DomainError(ValidationFailed) naming the JSON pointer of the first problem.
 */
export function parseServiceCatalogue(document: unknown, source = 'service-catalogue'): ServiceCatalogue {
  validator ??= compileSchema<ServiceCatalogueDocument>(catalogueSchema);
  assertSchema(validator, document, source);
  return new ServiceCatalogue(document, source);
}

/** The bundled catalogue (data/service-catalogue.v1.json), validated once and shared (it is immutable). */
export function loadServiceCatalogue(): ServiceCatalogue {
  bundled ??= parseServiceCatalogue(catalogueV1, 'service-catalogue.v1.json');
  return bundled;
}
