import { createHash } from 'node:crypto';
import { CallHandler, ExecutionContext, Injectable, NestInterceptor, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { from, lastValueFrom, Observable } from 'rxjs';
import { AppConfig } from '@tongban/config';
import { Database } from '@tongban/database';
import { DomainError, ErrorCode } from '@tongban/errors';
import { AuthenticatedRequest } from './auth.guard';
import { PROBLEM_CONTENT_TYPE, renderProblem } from './problem.filter';

const KEY = /^[A-Za-z0-9_.:-]{8,128}$/;

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

interface StoredResponse {
  request_hash: string;
  response_status: number;
  response_type: string | null;
  response_text: string | null;
}

/** An answer as sent: status, content type and the serialized body (null: no body). */
interface Answer {
  status: number;
  type: string | null;
  text: string | null;
}

const JSON_CONTENT_TYPE = 'application/json';

/**
 * Idempotency-Key on writes. The key row, the handler's effects and the stored answer commit in one
 * transaction: a concurrent duplicate blocks on the key's primary key until the first commits, then
 * replays the stored answer, so concurrent duplicates have exactly one effect.
 *
 * A key is bound to its first request whatever the answer. A refusal (4xx) is stored too: the
 * handler runs in a savepoint, its writes are undone, and the problem is stored and sent in the
 * transaction's stead — so a key first used on a refused request cannot be reused with another body.
 * A 5xx is not stored: it rolls the whole transaction back, key included (nothing took effect; a
 * transient failure must stay retryable with the same key). Requests refused before the handler ran
 * (authentication, access, the contract, rate limit) never reach here and bind nothing.
 *
 * The answer is stored as the exact text sent, and sent as that text every time: a replay is
 * byte-identical to the original.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor, OnModuleInit, OnModuleDestroy {
  private cleanup: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: Database,
    private readonly reflector: Reflector,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.cleanup = setInterval(
      () => {
        this.db
          .query(`DELETE FROM gateway.idempotency_keys WHERE created_at < now() - make_interval(hours => $1)`, [
            this.config.idempotencyRetentionHours,
          ])
          .catch(() => undefined);
      },
      60 * 60 * 1000,
    );
    this.cleanup.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.cleanup);
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const key = req.headers['idempotency-key'];
    if (req.method !== 'POST' || typeof key !== 'string' || !req.caller) return next.handle();
    if (!KEY.test(key))
      throw new DomainError(ErrorCode.ValidationFailed, 'Idempotency-Key must be 8–128 characters of [A-Za-z0-9_.:-]', {
        errors: [{ field: '/header/idempotency-key', message: 'invalid format' }],
      });
    const credential = req.caller.credentialId;
    const routePath = (req.route as { path?: string } | undefined)?.path ?? req.path;
    const hash = createHash('sha256')
      .update(`${req.method} ${routePath} ${canonical(req.params)} ${canonical(req.body)}`)
      .digest('hex');
    const status = this.reflector.get<number | undefined>(HTTP_CODE_METADATA, context.getHandler()) ?? 201;
    const res = context.switchToHttp().getResponse<Response>();

    return from(
      this.db.tx(async () => {
        const claimed = await this.db.one(
          `INSERT INTO gateway.idempotency_keys (credential_id, idempotency_key, request_hash, response_status)
           VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING 1 AS claimed`,
          [credential, key, hash, status],
        );
        if (!claimed) {
          const stored = await this.db.one<StoredResponse>(
            `SELECT request_hash, response_status, response_type, response_text FROM gateway.idempotency_keys
              WHERE credential_id = $1 AND idempotency_key = $2`,
            [credential, key],
          );
          if (!stored) throw new DomainError(ErrorCode.Unavailable, 'idempotency record vanished; retry');
          if (stored.request_hash !== hash) {
            throw new DomainError(ErrorCode.IdempotencyKeyReused, 'this Idempotency-Key was used for a different request');
          }
          res.setHeader('Idempotent-Replayed', 'true');
          return send(res, { status: stored.response_status, type: stored.response_type, text: stored.response_text });
        }
        const answer = await this.answer(next, req, res);
        // stored with the COMMIT (one round trip for both): the answer is kept exactly when the effects are
        await this.db.atCommit(
          `UPDATE gateway.idempotency_keys SET response_status = $3, response_type = $4, response_text = $5
            WHERE credential_id = $1 AND idempotency_key = $2`,
          [credential, key, answer.status, answer.type, answer.text],
        );
        return send(res, answer);
      }),
    );
  }

  /** Runs the handler in a savepoint: its answer, or the refusal it threw with its writes undone; a 5xx propagates. */
  private async answer(next: CallHandler, req: Request, res: Response): Promise<Answer> {
    try {
      const body: unknown = await this.db.savepoint(() => lastValueFrom(next.handle(), { defaultValue: undefined }));
      return body === undefined
        ? { status: res.statusCode, type: null, text: null }
        : { status: res.statusCode, type: JSON_CONTENT_TYPE, text: JSON.stringify(body) };
    } catch (error) {
      const problem = renderProblem(error, req, res);
      if (problem.status >= 500) throw error;
      return { status: problem.status, type: PROBLEM_CONTENT_TYPE, text: problem.text };
    }
  }
}

/** Sends an answer's text as it is (Nest sends a string unchanged); the status and type are set here. */
function send(res: Response, answer: Answer): string | undefined {
  res.status(answer.status);
  if (answer.text === null) return undefined;
  res.type(answer.type ?? JSON_CONTENT_TYPE);
  return answer.text;
}
