import Ajv2020, { ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { DomainError, ErrorCode } from '@tongban/errors';

const ajv = new Ajv2020({ allErrors: false, strict: true, discriminator: true });
addFormats(ajv);

export function compileSchema<T>(schema: object): ValidateFunction<T> {
  return ajv.compile<T>(schema);
}

/** Validates `document` or throws DomainError(ValidationFailed) naming the JSON pointer, as the catalogue loaders do. */
export function assertSchema<T>(validate: ValidateFunction<T>, document: unknown, source: string): asserts document is T {
  if (validate(document)) return;
  const first = validate.errors?.[0];
  const pointer = first === undefined || first.instancePath === '' ? '/' : first.instancePath;
  const message = first?.message ?? 'does not match the schema';
  throw new DomainError(ErrorCode.ValidationFailed, `${source} ${pointer}: ${message}`, { source, pointer });
}
