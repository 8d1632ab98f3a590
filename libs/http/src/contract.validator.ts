import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import Ajv2020, { ErrorObject, ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { Request } from 'express';
import { EARLIEST_DATE, LATEST_DATE } from '@tongban/calendar';
import { DomainError, ErrorCode, FieldError } from '@tongban/errors';
import { ContractDocument, JsonSchema, loadContract, OperationSpec, relinkComponents } from './contract.document';
import { citizenIdsOutside, personalDataProperties } from './personal-data.guard';

const NONE: ReadonlySet<string> = new Set();

const COMPONENTS_ID = 'urn:tongban:openapi-components';

function newAjv(coerce: boolean): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: true, coerceTypes: coerce, discriminator: true });
  addFormats(ajv);
  ajv.addVocabulary(['example', 'xml', 'externalDocs', 'x-tongban-pii']);
  return ajv;
}

interface CompiledOperation {
  spec: OperationSpec;
  path?: ValidateFunction;
  query?: ValidateFunction;
  headers?: ValidateFunction;
  body: Map<string, ValidateFunction | null>;
}

/** Messages for patterns that bound dates, which say the bounds instead of the regular expression. */
type PatternMessages = ReadonlyMap<string, string>;

/** The contract bounds days (IsoDate) and months (YearMonth) to 1900..2199 by a pattern on the year. */
function boundsMessages(schemas: Record<string, JsonSchema>): PatternMessages {
  const messages = new Map<string, string>();
  const day = schemas.IsoDate?.pattern;
  const month = schemas.YearMonth?.pattern;
  if (typeof day === 'string') messages.set(day, `must be a day from ${EARLIEST_DATE} to ${LATEST_DATE}`);
  if (typeof month === 'string') messages.set(month, `must be a month from ${EARLIEST_DATE.slice(0, 7)} to ${LATEST_DATE.slice(0, 7)}`);
  return messages;
}

function fieldErrors(part: string, errors: ErrorObject[] | null | undefined, patterns: PatternMessages): FieldError[] {
  return (errors ?? []).map((e) => {
    const extra =
      e.keyword === 'required'
        ? `/${String(e.params.missingProperty)}`
        : e.keyword === 'additionalProperties'
          ? `/${String(e.params.additionalProperty)}`
          : '';
    const bounded = e.keyword === 'pattern' ? patterns.get(String(e.params.pattern)) : undefined;
    const message = e.keyword === 'additionalProperties' ? 'unknown property' : (bounded ?? e.message ?? 'invalid');
    return { field: `/${part}${e.instancePath}${extra}`, message };
  });
}

function paramsSchema(spec: OperationSpec, where: 'path' | 'query' | 'header'): JsonSchema | undefined {
  const params = spec.parameters.filter((p) => p.in === where);
  if (params.length === 0 && where === 'header') return undefined;
  const name = (n: string): string => (where === 'header' ? n.toLowerCase() : n);
  return {
    type: 'object',
    properties: Object.fromEntries(params.map((p) => [name(p.name), p.schema])),
    required: params.filter((p) => p.required).map((p) => name(p.name)),
    // Unknown query parameters are refused like unknown body properties; headers are open by nature.
    additionalProperties: where === 'header',
  };
}

/**
 * Validates every request against the OpenAPI document before the handler runs: path, query,
 * declared headers and the JSON body (unknown properties refused because the contract says
 * additionalProperties: false). A citizen ID number anywhere but in a property the contract marks as
 * personal data (`x-tongban-pii`) is refused too, naming the field: free text, keys, path and query
 * values and the Idempotency-Key are stored, logged or published. Fails closed for a route the
 * contract does not describe.
 */
@Injectable()
export class ContractValidator implements CanActivate {
  readonly contract: ContractDocument;
  /** by method and the route as Express names it (`/v1/handoffs/:handoffId`): one lookup per request */
  private readonly operations = new Map<string, CompiledOperation>();
  private readonly personalData: ReadonlySet<string>;
  private readonly patterns: PatternMessages;

  constructor() {
    this.contract = loadContract();
    this.personalData = personalDataProperties(this.contract.schemas);
    this.patterns = boundsMessages(this.contract.schemas);
    const strict = newAjv(false);
    const coercing = newAjv(true);
    for (const ajv of [strict, coercing])
      ajv.addSchema({ $id: COMPONENTS_ID, $defs: relinkComponents(this.contract.schemas, COMPONENTS_ID) as JsonSchema });
    for (const spec of this.contract.operations) {
      const compile = (ajv: Ajv2020, s: JsonSchema | undefined): ValidateFunction | undefined =>
        s ? ajv.compile(relinkComponents(s, COMPONENTS_ID) as JsonSchema) : undefined;
      this.operations.set(`${spec.method} ${spec.path.replace(/\{([A-Za-z0-9_]+)\}/g, ':$1')}`, {
        spec,
        path: compile(coercing, paramsSchema(spec, 'path')),
        query: compile(coercing, paramsSchema(spec, 'query')),
        headers: compile(strict, paramsSchema(spec, 'header')),
        body: new Map(
          Object.entries(spec.body?.contentTypes ?? {}).map(([ct, s]) => [
            ct,
            ct === 'application/json' && s ? (compile(strict, s) ?? null) : null,
          ]),
        ),
      });
    }
  }

  /** The compiled operation of a matched Express route (`:param` for the contract's `{param}`). */
  operationFor(method: string, expressPath: string): CompiledOperation | undefined {
    return this.operations.get(`${method} ${expressPath}`);
  }

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const req = context.switchToHttp().getRequest<Request>();
    const routePath = (req.route as { path?: string } | undefined)?.path;
    const op = routePath ? this.operationFor(req.method, routePath) : undefined;
    if (!op) throw new DomainError(ErrorCode.Internal, 'this route is not described by the contract');
    const errors: FieldError[] = [];
    const check = (part: string, validate: ValidateFunction | undefined, value: unknown): void => {
      if (validate && !validate(value)) errors.push(...fieldErrors(part, validate.errors, this.patterns));
    };
    check('path', op.path, req.params);
    errors.push(...citizenIdsOutside('path', req.params, NONE), ...citizenIdsOutside('query', req.query, NONE));
    errors.push(...citizenIdsOutside('header', { 'idempotency-key': req.headers['idempotency-key'] }, NONE));
    const query = { ...(req.query as Record<string, unknown>) };
    check('query', op.query, query);
    check('header', op.headers, req.headers);
    if (op.spec.body) {
      const hasBody =
        req.headers['content-length'] !== undefined && req.headers['content-length'] !== '0'
          ? true
          : req.headers['transfer-encoding'] !== undefined;
      const contentType = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
      if (!hasBody) {
        if (op.spec.body.required) errors.push({ field: '/body', message: 'a request body is required' });
      } else if (!op.body.has(contentType)) {
        throw new DomainError(ErrorCode.UnsupportedMediaType, `send the body as ${[...op.body.keys()].join(' or ')}`);
      } else {
        check('body', op.body.get(contentType) ?? undefined, req.body);
        if (contentType === 'application/json') errors.push(...citizenIdsOutside('body', req.body, this.personalData));
      }
    }
    if (errors.length > 0)
      throw new DomainError(ErrorCode.ValidationFailed, `${errors.length} field(s) do not match the contract`, { errors });
    // Coerced query values (numbers, booleans) are what the handler sees.
    Object.defineProperty(req, 'query', { value: query, writable: true, configurable: true });
    return true;
  }
}
