import type { Schemas } from '@tongban/contracts';

/**
 * Every failure the gateway reports has one code here. The code is the stable part of the contract:
 * it becomes the problem `type` URI and the `code` member of problem+json, and decides how a Kafka
 * consumer treats the failure. HTTP and Kafka outcomes are mapped in one place each
 * (libs/http/src/problem.mapping.ts, libs/messaging/src/consumer/failure.classifier.ts).
 */
export enum ErrorCode {
  // request shape
  MalformedRequest = 'malformed-request',
  ValidationFailed = 'validation-failed',
  UnsupportedMediaType = 'unsupported-media-type',
  PayloadTooLarge = 'payload-too-large',
  // identity and access
  Unauthenticated = 'unauthenticated',
  Forbidden = 'forbidden',
  NotFound = 'not-found',
  RateLimited = 'rate-limited',
  // idempotency
  IdempotencyKeyReused = 'idempotency-key-reused',
  // reference data
  InvalidRegionCode = 'invalid-region-code',
  InvalidCitizenId = 'invalid-citizen-id',
  PolicyRejected = 'policy-rejected',
  // state conflicts
  Conflict = 'conflict',
  NotResponsible = 'not-responsible',
  AlreadyClaimed = 'already-claimed',
  InvalidTransition = 'invalid-transition',
  RuleViolated = 'rule-violated',
  // events
  EventSchemaViolation = 'event-schema-violation',
  // anything else
  Internal = 'internal',
  Unavailable = 'unavailable',
}

export interface FieldError {
  /** JSON pointer into the request, prefixed by its part: /body/…, /query/…, /path/…, /header/… */
  field: string;
  message: string;
}

export type ProblemExtensions = Record<string, string | number | boolean | null | string[] | FieldError[]>;

/** The members the HTTP mapping sets on every problem (libs/http ProblemFilter); a throw site never sets them. */
export const PROBLEM_BASE_MEMBERS = ['type', 'title', 'status', 'detail', 'code', 'instance', 'requestId'] as const;
type BaseMember = (typeof PROBLEM_BASE_MEMBERS)[number];

/** 'not-responsible' → 'NotResponsible' */
type Pascal<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Capitalize<Head>}${Pascal<Tail>}` : Capitalize<S>;
/** The contract's name of the problem schema of a code (contracts/openapi.yaml): `Problem<Code>`. */
export type ProblemSchemaName<C extends ErrorCode> = `Problem${Pascal<`${C}`>}`;
/** The declared members of a schema, without the index signature of `additionalProperties: true`. */
type Declared<T> = { [K in keyof T as string extends K ? never : K]: T[K] };
/**
 * The extension members a code may carry: exactly those its problem schema declares besides the base
 * members. A throw site with a member the contract does not declare (or a code without a schema) does
 * not compile, so generated clients learn every fact a problem carries.
 */
export type ProblemExtensionsOf<C extends ErrorCode> = Omit<Declared<Schemas[ProblemSchemaName<C>]>, BaseMember>;
type ExtensionArgs<C extends ErrorCode> =
  object extends ProblemExtensionsOf<C> ? [extensions?: ProblemExtensionsOf<C>] : [extensions: ProblemExtensionsOf<C>];

/** A failure of the domain, typed by code; transport edges translate it, services only throw it. */
export class DomainError<C extends ErrorCode = ErrorCode> extends Error {
  readonly extensions: ProblemExtensions;

  constructor(
    readonly code: C,
    readonly detail: string,
    ...[extensions]: ExtensionArgs<C>
  ) {
    super(`${code}: ${detail}`);
    this.name = 'DomainError';
    this.extensions = (extensions ?? {}) as ProblemExtensions;
  }
}
