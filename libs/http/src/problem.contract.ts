import Ajv2020, { ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { ErrorCode } from '@tongban/errors';
import { ContractDocument, JsonSchema, OperationSpec, relinkComponents } from './contract.document';

/** The contract's schema of a code's problem (contracts/openapi.yaml): 'not-responsible' → 'ProblemNotResponsible'. */
export const problemSchemaName = (code: ErrorCode): string =>
  `Problem${code
    .split('-')
    .map((p) => p.charAt(0).toUpperCase() + p.slice(1))
    .join('')}`;

const CLOSED_ID = 'urn:tongban:openapi-components:closed-problems';

/**
 * Validators of problem bodies against the contract with every problem schema closed
 * (`additionalProperties: false`): the contract leaves them open for clients (RFC 9457 §3.2), the
 * tests hold the gateway to exactly the declared members.
 */
export class ProblemContract {
  private readonly ajv: Ajv2020;
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(readonly contract: ContractDocument) {
    this.ajv = new Ajv2020({ allErrors: true, strict: true, discriminator: false });
    addFormats(this.ajv);
    // discriminator (with mapping, for generators) is an annotation here: each branch's `code` enum decides
    this.ajv.addVocabulary(['example', 'xml', 'externalDocs', 'x-tongban-pii', 'discriminator']);
    const schemas = Object.fromEntries(
      Object.entries(contract.schemas).map(([name, s]) => [name, name.startsWith('Problem') ? { ...s, additionalProperties: false } : s]),
    );
    this.ajv.addSchema({ $id: CLOSED_ID, $defs: relinkComponents(schemas, CLOSED_ID) as JsonSchema });
  }

  /** The closed schema of one code's problem. */
  forCode(code: ErrorCode): ValidateFunction {
    return this.compile(`code:${code}`, { $ref: `#/components/schemas/${problemSchemaName(code)}` });
  }

  /** The closed schema of a problem by its `code` member, or undefined for a code the contract does not know. */
  forCodeName(code: string): ValidateFunction | undefined {
    return (Object.values(ErrorCode) as string[]).includes(code) ? this.forCode(code as ErrorCode) : undefined;
  }

  /**
   * The problem schema an operation declares for a status (an exact status, else its `5XX`-style range),
   * or undefined when the operation declares no problem for it.
   */
  forResponse(op: OperationSpec, status: number): ValidateFunction | undefined {
    const responses = (op.raw.responses ?? {}) as Record<string, unknown>;
    let response = responses[String(status)] ?? responses[`${String(status).charAt(0)}XX`];
    while (response && typeof response === 'object' && '$ref' in response && typeof response.$ref === 'string') {
      const name = response.$ref.split('/').pop() as string;
      response = ((this.contract.raw.components as Record<string, Record<string, unknown>>).responses ?? {})[name];
    }
    const schema = (response as { content?: Record<string, { schema?: JsonSchema }> } | undefined)?.content?.['application/problem+json']
      ?.schema;
    return schema ? this.compile(`${op.operationId}:${status}`, schema) : undefined;
  }

  /** The operation a request reaches (method and concrete path matched against the contract's templates). */
  operationOf(method: string, path: string): OperationSpec | undefined {
    const bare = path.split('?')[0];
    const matching = this.contract.operations.filter(
      (o) => o.method === method.toUpperCase() && new RegExp(`^${o.path.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(bare),
    );
    // a literal segment wins over a template one
    return matching.sort((a, b) => a.path.split('{').length - b.path.split('{').length)[0];
  }

  private compile(key: string, schema: JsonSchema): ValidateFunction {
    let validate = this.compiled.get(key);
    if (!validate) {
      validate = this.ajv.compile(relinkComponents(schema, CLOSED_ID) as JsonSchema);
      this.compiled.set(key, validate);
    }
    return validate;
  }
}
