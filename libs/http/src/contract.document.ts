import * as fs from 'node:fs';
import { parse } from 'yaml';
import { repoPath } from '@tongban/config';

export type JsonSchema = Record<string, unknown>;

/** Rewrites every `#/components/schemas/X` to `<componentsId>#/$defs/X`, a schema ajv holds under that id. */
export function relinkComponents(node: unknown, componentsId: string): unknown {
  if (Array.isArray(node)) return node.map((n) => relinkComponents(n, componentsId));
  if (node && typeof node === 'object') {
    return Object.fromEntries(
      Object.entries(node).map(([k, v]) => [
        k,
        k === '$ref' && typeof v === 'string'
          ? v.replace('#/components/schemas/', `${componentsId}#/$defs/`)
          : relinkComponents(v, componentsId),
      ]),
    );
  }
  return node;
}

export interface ParameterSpec {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema: JsonSchema;
}

export interface OperationSpec {
  method: string;
  path: string;
  operationId: string;
  parameters: ParameterSpec[];
  body?: { required: boolean; contentTypes: Record<string, JsonSchema | undefined> };
  security?: unknown;
  raw: Record<string, unknown>;
}

export interface ContractDocument {
  raw: Record<string, unknown>;
  schemas: Record<string, JsonSchema>;
  operations: OperationSpec[];
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

function resolve<T>(doc: Record<string, unknown>, node: unknown): T {
  if (
    node &&
    typeof node === 'object' &&
    '$ref' in node &&
    typeof node.$ref === 'string' &&
    node.$ref.startsWith('#/components/') &&
    !node.$ref.startsWith('#/components/schemas/')
  ) {
    const target = node.$ref
      .slice(2)
      .split('/')
      .reduce<unknown>((acc, key) => (acc as Record<string, unknown>)[key], doc);
    return resolve<T>(doc, target);
  }
  return node as T;
}

/** The OpenAPI document in contracts/, read once, with operations flattened for the validator and tests. */
export function loadContract(file = repoPath('contracts/openapi.yaml')): ContractDocument {
  const raw = parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  const components = (raw.components ?? {}) as Record<string, Record<string, JsonSchema>>;
  const operations: OperationSpec[] = [];
  for (const [path, item] of Object.entries((raw.paths ?? {}) as Record<string, Record<string, unknown>>)) {
    const shared = ((item.parameters ?? []) as unknown[]).map((p) => resolve<ParameterSpec>(raw, p));
    for (const method of METHODS) {
      const op = item[method] as Record<string, unknown> | undefined;
      if (!op) continue;
      const own = ((op.parameters ?? []) as unknown[]).map((p) => resolve<ParameterSpec>(raw, p));
      const requestBody = resolve<{ required?: boolean; content?: Record<string, { schema?: JsonSchema }> } | undefined>(
        raw,
        op.requestBody,
      );
      operations.push({
        method: method.toUpperCase(),
        path,
        operationId: String(op.operationId),
        parameters: [...shared.filter((s) => !own.some((o) => o.name === s.name && o.in === s.in)), ...own],
        body: requestBody?.content
          ? {
              required: requestBody.required === true,
              contentTypes: Object.fromEntries(Object.entries(requestBody.content).map(([ct, m]) => [ct, m.schema])),
            }
          : undefined,
        security: op.security,
        raw: op,
      });
    }
  }
  return { raw, schemas: components.schemas ?? {}, operations };
}
