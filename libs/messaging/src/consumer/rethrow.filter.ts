import { applyDecorators, ArgumentsHost, Catch, Controller, RpcExceptionFilter, UseFilters } from '@nestjs/common';
import { Observable, throwError } from 'rxjs';

/** Hands handler errors back to TongbanKafkaServer untouched, so it can classify them (retry or dead-letter). */
@Catch()
export class RethrowRpcFilter implements RpcExceptionFilter<unknown> {
  catch(exception: unknown, _host: ArgumentsHost): Observable<never> {
    return throwError(() => exception);
  }
}

/**
 * Marks a controller of @EventPattern handlers. Handler errors reach TongbanKafkaServer as thrown, so
 * it can tell a permanent failure (dead letter at once) from a transient one (retry with backoff).
 */
export const EventController = (): ClassDecorator => applyDecorators(Controller(), UseFilters(RethrowRpcFilter));
