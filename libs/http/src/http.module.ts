import { DynamicModule, Module } from '@nestjs/common';
import { ACCESS_MATRIX, AccessMatrix, AccessPolicy } from './access.matrix';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { AuditInterceptor } from './audit.interceptor';
import { AuditChainer, AuditChainVerifier, AuditLog } from './audit.log';
import { RateLimitGuard } from './abuse.guard';
import { MetricsController } from './metrics.controller';
import { AuthGuard } from './auth.guard';
import { CredentialStore } from './auth.credentials';
import { ContractValidator } from './contract.validator';
import { HealthController } from './health.controller';
import { IdempotencyInterceptor } from './idempotency.interceptor';
import { ProblemFilter } from './problem.filter';

/**
 * The REST edge, in order: authentication, per-credential rate limit, contract validation; then the
 * write transaction with its audit entry, idempotency, the handler; problem+json for every failure.
 */
@Module({})
export class GatewayHttpModule {
  static forRoot(matrix: AccessMatrix): DynamicModule {
    return {
      module: GatewayHttpModule,
      controllers: [HealthController, MetricsController],
      providers: [
        { provide: ACCESS_MATRIX, useValue: matrix },
        AccessPolicy,
        CredentialStore,
        ContractValidator,
        AuditLog,
        AuditChainer,
        AuditChainVerifier,
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_GUARD, useClass: RateLimitGuard },
        { provide: APP_GUARD, useExisting: ContractValidator },
        { provide: APP_INTERCEPTOR, useClass: AuditInterceptor },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
        { provide: APP_FILTER, useClass: ProblemFilter },
      ],
      exports: [CredentialStore, ContractValidator, AuditLog, AccessPolicy],
    };
  }
}

/** Adapters expose health only. */
@Module({ controllers: [HealthController, MetricsController], providers: [{ provide: APP_FILTER, useClass: ProblemFilter }] })
export class HealthModule {}
