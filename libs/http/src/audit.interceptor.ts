import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import { from, lastValueFrom, Observable } from 'rxjs';
import { Database } from '@tongban/database';
import { AuditLog } from './audit.log';
import { actorOf, granteeOf } from './auth.credentials';
import { AuthenticatedRequest } from './auth.guard';

/**
 * Every state-changing request runs in one transaction with its audit entry: no effect without
 * evidence, and no evidence of an effect that rolled back. Outermost write interceptor, so the
 * idempotency interceptor and the handler join this transaction.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditLog,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (req.method === 'GET' || req.method === 'HEAD' || !req.caller) return next.handle();
    const caller = req.caller;
    const status = this.reflector.get<number | undefined>(HTTP_CODE_METADATA, context.getHandler()) ?? 201;
    const route = (req.route as { path?: string } | undefined)?.path ?? req.path;
    return from(
      this.db.tx(async () => {
        const body = await lastValueFrom(next.handle(), { defaultValue: undefined });
        await this.audit.append({
          actor: actorOf(caller),
          // the agency kind that acted (or 'operator'): who stated the fact, not only which region
          role: granteeOf(caller),
          region: caller.region,
          requestId: typeof req.id === 'string' ? req.id : undefined,
          action: `${req.method} ${route}`,
          resource: req.originalUrl.split('?')[0],
          status,
          payload: { params: req.params, body: req.body as unknown },
        });
        return body;
      }),
    );
  }
}
