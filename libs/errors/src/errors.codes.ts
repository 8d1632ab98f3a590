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

/** A failure of the domain, typed by code; transport edges translate it, services only throw it. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail: string,
    readonly extensions: ProblemExtensions = {},
  ) {
    super(`${code}: ${detail}`);
    this.name = 'DomainError';
  }
}
