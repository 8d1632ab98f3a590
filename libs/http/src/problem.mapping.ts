import { ErrorCode } from '@tongban/errors';

/** The one place that maps error codes to HTTP (exhaustive on purpose: a new code must be mapped). */
export function httpStatusOf(code: ErrorCode): { status: number; title: string } {
  switch (code) {
    case ErrorCode.MalformedRequest:
      return { status: 400, title: 'Malformed request' };
    case ErrorCode.ValidationFailed:
      return { status: 422, title: 'Request does not match the contract' };
    case ErrorCode.UnsupportedMediaType:
      return { status: 415, title: 'Unsupported media type' };
    case ErrorCode.PayloadTooLarge:
      return { status: 413, title: 'Request body too large' };
    case ErrorCode.Unauthenticated:
      return { status: 401, title: 'Authentication required' };
    case ErrorCode.Forbidden:
      return { status: 403, title: 'Not allowed for this region' };
    case ErrorCode.NotFound:
      return { status: 404, title: 'Not found' };
    case ErrorCode.RateLimited:
      return { status: 429, title: 'Too many requests' };
    case ErrorCode.IdempotencyKeyReused:
      return { status: 422, title: 'Idempotency-Key reused with a different request' };
    case ErrorCode.InvalidRegionCode:
      return { status: 422, title: 'Invalid region code' };
    case ErrorCode.InvalidCitizenId:
      return { status: 422, title: 'Invalid citizen ID number' };
    case ErrorCode.PolicyRejected:
      return { status: 422, title: 'Policy rejected' };
    case ErrorCode.Conflict:
      return { status: 409, title: 'Conflict with the current state' };
    case ErrorCode.NotResponsible:
      return { status: 409, title: 'Another region is responsible' };
    case ErrorCode.AlreadyClaimed:
      return { status: 409, title: 'Already claimed' };
    case ErrorCode.InvalidTransition:
      return { status: 409, title: 'Not allowed in the current state' };
    case ErrorCode.RuleViolated:
      return { status: 422, title: 'Business rule violated' };
    case ErrorCode.EventSchemaViolation:
      return { status: 500, title: 'Event does not match its contract' };
    case ErrorCode.Internal:
      return { status: 500, title: 'Internal error' };
    case ErrorCode.Unavailable:
      return { status: 503, title: 'Temporarily unavailable' };
    default: {
      const unreachable: never = code;
      throw new Error(`unmapped error code ${String(unreachable)}`);
    }
  }
}

/** Stable problem type URI per code (RFC 9457 §3.1.1). */
export const problemType = (code: ErrorCode): string => `urn:tongban:problem:${code}`;
