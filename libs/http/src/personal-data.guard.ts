import type { FieldError } from '@tongban/errors';
import { containsCitizenId } from '@tongban/identity';
import type { JsonSchema } from './contract.document';

const PII_REF = '#/components/schemas/';

/**
 * The body properties the contract marks as personal data (`x-tongban-pii`, directly or through a
 * `$ref` to such a schema): the only places a citizen ID number may travel.
 */
export function personalDataProperties(schemas: Record<string, JsonSchema>): ReadonlySet<string> {
  const pii = new Set(
    Object.entries(schemas)
      .filter(([, s]) => s['x-tongban-pii'] === true)
      .map(([name]) => `${PII_REF}${name}`),
  );
  const names = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const props = (node as { properties?: Record<string, unknown> }).properties;
    if (props && typeof props === 'object') {
      for (const [name, schema] of Object.entries(props)) {
        const ref = (schema as { $ref?: unknown })?.$ref;
        if ((schema as JsonSchema)?.['x-tongban-pii'] === true || (typeof ref === 'string' && pii.has(ref))) names.add(name);
      }
    }
    Object.values(node).forEach(walk);
  };
  walk(schemas);
  return names;
}

/**
 * Every place in a request part where a citizen ID number appears outside the properties meant for
 * one: a free-text reason, a period key, a permit number, an object key, a path or query value, an
 * Idempotency-Key. Such text would be stored, logged or published to other provinces' topics.
 */
export function citizenIdsOutside(part: string, value: unknown, allowed: ReadonlySet<string>, pointer = ''): FieldError[] {
  const here = `/${part}${pointer}`;
  if (typeof value === 'string') return containsCitizenId(value) ? [{ field: here, message: 'must not contain a citizen ID number' }] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => citizenIdsOutside(part, v, allowed, `${pointer}/${i}`));
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, v]) => {
    if (containsCitizenId(key)) return [{ field: `${here}/[citizen-id]`, message: 'a property name must not contain a citizen ID number' }];
    return allowed.has(key) ? [] : citizenIdsOutside(part, v, allowed, `${pointer}/${key}`);
  });
}
