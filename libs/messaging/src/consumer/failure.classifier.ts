import { DomainError, ErrorCode } from '@tongban/errors';
import { PgError, pgErrorCode } from '@tongban/database';
import { CloudEventDecodeError } from '../messaging.cloud-event';

/** What a consumer does with a failed message: try again later, or dead-letter it at once. */
export type FailureOutcome = 'retry' | 'dead-letter';

/** The one place that maps domain error codes to Kafka outcomes (exhaustive on purpose). */
export function outcomeOf(code: ErrorCode): FailureOutcome {
  switch (code) {
    case ErrorCode.Unavailable:
    case ErrorCode.Internal:
    case ErrorCode.RateLimited:
      return 'retry';
    case ErrorCode.MalformedRequest:
    case ErrorCode.ValidationFailed:
    case ErrorCode.UnsupportedMediaType:
    case ErrorCode.PayloadTooLarge:
    case ErrorCode.Unauthenticated:
    case ErrorCode.Forbidden:
    case ErrorCode.NotFound:
    case ErrorCode.IdempotencyKeyReused:
    case ErrorCode.InvalidRegionCode:
    case ErrorCode.InvalidCitizenId:
    case ErrorCode.PolicyRejected:
    case ErrorCode.Conflict:
    case ErrorCode.NotResponsible:
    case ErrorCode.AlreadyClaimed:
    case ErrorCode.InvalidTransition:
    case ErrorCode.RuleViolated:
    case ErrorCode.EventSchemaViolation:
      return 'dead-letter';
    default: {
      const unreachable: never = code;
      throw new Error(`unmapped error code ${String(unreachable)}`);
    }
  }
}

export function classifyFailure(error: unknown): { outcome: FailureOutcome; code: string } {
  if (error instanceof CloudEventDecodeError) return { outcome: 'dead-letter', code: ErrorCode.EventSchemaViolation };
  if (error instanceof DomainError) return { outcome: outcomeOf(error.code), code: error.code };
  const sqlstate = pgErrorCode(error);
  if (sqlstate === PgError.SerializationFailure || sqlstate === PgError.DeadlockDetected)
    return { outcome: 'retry', code: ErrorCode.Unavailable };
  // Unknown failures (a bug, an unreachable dependency) get the bounded retries, then a dead letter.
  return { outcome: 'retry', code: ErrorCode.Internal };
}
