import Ajv2020, { ErrorObject, ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { DomainError, ErrorCode } from '@tongban/errors';

/** One Ajv instance for the catalogue's schemas (draft 2020-12, strict, discriminated unions). */
const ajv = new Ajv2020({ allErrors: false, strict: true, discriminator: true, verbose: true });
addFormats(ajv);

/** Compiles `schema` once and returns a type guard for T. */
export function compileSchema<T>(schema: object): ValidateFunction<T> {
  return ajv.compile<T>(schema);
}

/** The first schema error as '<pointer>: <message>', e.g. '/items/3/basis: must be equal to one of the allowed values'. */
export function describeSchemaError(errors: readonly ErrorObject[] | null | undefined): { pointer: string; message: string } {
  const first = errors?.[0];
  if (first === undefined) return { pointer: '/', message: 'does not match the schema' };
  const pointer = first.instancePath === '' ? '/' : first.instancePath;
  let message = first.message ?? 'does not match the schema';
  if (first.keyword === 'enum' && Array.isArray(first.params.allowedValues)) {
    message = `${message}: ${(first.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
  } else if (first.keyword === 'discriminator' && typeof first.params.tag === 'string') {
    const tag = first.params.tag;
    const known = discriminatorValues(first.parentSchema, tag);
    message = `${tag} ${JSON.stringify(first.params.tagValue)} is not known${known.length > 0 ? `; allowed: ${known.join(', ')}` : ''}`;
  } else if (first.keyword === 'additionalProperties' && typeof first.params.additionalProperty === 'string') {
    message = `${message}: '${first.params.additionalProperty}'`;
  }
  return { pointer, message };
}

/** Validates `document` against `validate` or throws DomainError(ValidationFailed) naming the pointer. */
export function assertSchema<T>(validate: ValidateFunction<T>, document: unknown, source: string): asserts document is T {
  if (validate(document)) return;
  const { pointer, message } = describeSchemaError(validate.errors);
  throw new DomainError(ErrorCode.ValidationFailed, `${source} ${pointer}: ${message}`, { source, pointer });
}

function discriminatorValues(parentSchema: unknown, tag: string): string[] {
  if (typeof parentSchema !== 'object' || parentSchema === null) return [];
  const oneOf: unknown = (parentSchema as { oneOf?: unknown }).oneOf;
  if (!Array.isArray(oneOf)) return [];
  return oneOf.flatMap((branch: unknown) => {
    const value: unknown = (branch as { properties?: Record<string, { const?: unknown }> }).properties?.[tag]?.const;
    return typeof value === 'string' ? [value] : [];
  });
}
