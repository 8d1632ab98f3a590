import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError, ErrorCode, ProblemExtensions } from '@tongban/errors';
import { scrubCitizenIds } from '@tongban/logging';
import { httpStatusOf, problemType } from './problem.mapping';

function fromHttpException(e: HttpException): DomainError {
  const status = e.getStatus();
  const byStatus: Record<number, ErrorCode> = {
    400: ErrorCode.MalformedRequest,
    401: ErrorCode.Unauthenticated,
    403: ErrorCode.Forbidden,
    404: ErrorCode.NotFound,
    413: ErrorCode.PayloadTooLarge,
    415: ErrorCode.UnsupportedMediaType,
    429: ErrorCode.RateLimited,
  };
  const code = byStatus[status] ?? (status >= 500 ? ErrorCode.Internal : ErrorCode.MalformedRequest);
  return new DomainError(code, code === ErrorCode.NotFound ? 'no such resource' : scrubCitizenIds(e.message));
}

/** Body-parser failures arrive as plain errors carrying an HTTP status and a type. */
function fromBodyParser(e: unknown): DomainError | undefined {
  if (typeof e !== 'object' || e === null || !('type' in e)) return undefined;
  switch ((e as { type: unknown }).type) {
    case 'entity.parse.failed':
      return new DomainError(ErrorCode.MalformedRequest, 'the request body is not valid JSON');
    case 'entity.too.large':
      return new DomainError(ErrorCode.PayloadTooLarge, 'the request body exceeds the size limit');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new DomainError(ErrorCode.UnsupportedMediaType, 'unsupported body encoding');
    default:
      return undefined;
  }
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export interface RenderedProblem {
  status: number;
  /** the serialized problem+json body */
  text: string;
  /** seconds, for a rate-limited request's Retry-After */
  retryAfter?: number;
}

/** The RFC 9457 answer to an exception, as the client receives it (the idempotency store keeps this text). */
export function renderProblem(exception: unknown, req: Request, res: Response): RenderedProblem {
  const error =
    exception instanceof DomainError
      ? exception
      : exception instanceof HttpException
        ? fromHttpException(exception)
        : (fromBodyParser(exception) ?? new DomainError(ErrorCode.Internal, 'an unexpected error occurred; quote the request id'));
  const { status, title } = httpStatusOf(error.code);
  const requestId = res.getHeader('X-Request-Id');
  const body: Record<string, unknown> & ProblemExtensions = {
    ...error.extensions,
    type: problemType(error.code),
    title,
    status,
    detail: error.detail,
    code: error.code,
    instance: req.originalUrl?.split('?')[0] ?? req.url,
  };
  if (typeof requestId === 'string') body.requestId = requestId;
  const retryAfter =
    error.code === ErrorCode.RateLimited && typeof error.extensions.retryAfterSeconds === 'number'
      ? error.extensions.retryAfterSeconds
      : undefined;
  return { status, text: JSON.stringify(body), retryAfter };
}

/** Every error leaves the gateway as RFC 9457 problem+json. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('problem');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<Request>();
    const res = ctx.getResponse<Response>();
    const problem = renderProblem(exception, req, res);
    if (problem.status >= 500) this.logger.error({ err: exception }, 'request failed');
    if (problem.retryAfter !== undefined) res.setHeader('Retry-After', String(problem.retryAfter));
    res.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(problem.text);
  }
}
