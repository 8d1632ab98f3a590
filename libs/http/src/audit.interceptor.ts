import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import { from, lastValueFrom, Observable } from 'rxjs';
import { Database } from '@tongban/database';
import { AuditLog } from './audit.log';
import { actorOf, granteeOf } from './auth.credentials';
import { AuthenticatedRequest } from './auth.guard';

/**
 * Every state-changing request runs in one transaction with its audit entry: no effect without
 * evidence, and no evidence of an effect that rolled back. The entry's INSERT travels with the
 * COMMIT (Database.atCommit), so it costs no round trip of its own. Outermost write interceptor, so the
 * idempotency interceptor and the handler join this transaction. The entry records the status sent;
 * a refusal the idempotency interceptor answers itself (its effects undone, the key kept) commits
 * with no entry, like every other refused request.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditLog,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (req.method === 'GET' || req.method === 'HEAD' || !req.caller) return next.handle();
    const caller = req.caller;
    const res = context.switchToHttp().getResponse<Response>();
    const route = (req.route as { path?: string } | undefined)?.path ?? req.path;
    return from(
      this.db.tx(async () => {
        const body = await lastValueFrom(next.handle(), { defaultValue: undefined });
        // the status Nest set from the route (or the handler chose, or a replay restored)
        const status = res.statusCode;
        if (status >= 400) return body;
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
