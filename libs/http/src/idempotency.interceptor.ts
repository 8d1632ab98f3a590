import { createHash } from 'node:crypto';
import { CallHandler, ExecutionContext, Injectable, NestInterceptor, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import type { Response } from 'express';
import { from, lastValueFrom, Observable } from 'rxjs';
import { AppConfig } from '@tongban/config';
import { Database } from '@tongban/database';
import { DomainError, ErrorCode } from '@tongban/errors';
import { AuthenticatedRequest } from './auth.guard';

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
  response_body: unknown;
}

/**
 * Idempotency-Key on writes. The key row, the handler's effects and the stored response commit in one
 * transaction: a concurrent duplicate blocks on the key's primary key until the first commits, then
 * replays the stored response, so concurrent duplicates have exactly one effect. A failed request
 * rolls back and leaves no key, so it can be retried with the same key.
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
            `SELECT request_hash, response_status, response_body FROM gateway.idempotency_keys WHERE credential_id = $1 AND idempotency_key = $2`,
            [credential, key],
          );
          if (!stored) throw new DomainError(ErrorCode.Unavailable, 'idempotency record vanished; retry');
          if (stored.request_hash !== hash) {
            throw new DomainError(ErrorCode.IdempotencyKeyReused, 'this Idempotency-Key was used for a different request');
          }
          res.setHeader('Idempotent-Replayed', 'true');
          return stored.response_body;
        }
        const body = await lastValueFrom(next.handle(), { defaultValue: undefined });
        await this.db.query(`UPDATE gateway.idempotency_keys SET response_body = $3 WHERE credential_id = $1 AND idempotency_key = $2`, [
          credential,
          key,
          JSON.stringify(body ?? null),
        ]);
        return body;
      }),
    );
  }
}
