import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { AuthGuard } from './auth.guard';
import { CredentialStore } from './auth.credentials';
import { ContractValidator } from './contract.validator';
import { HealthController } from './health.controller';
import { IdempotencyInterceptor } from './idempotency.interceptor';
import { ProblemFilter } from './problem.filter';

/** The REST edge: authentication, contract validation, idempotency and problem+json, in that order. */
@Module({
  controllers: [HealthController],
  providers: [
    CredentialStore,
    ContractValidator,
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_GUARD, useExisting: ContractValidator },
    { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
    { provide: APP_FILTER, useClass: ProblemFilter },
  ],
  exports: [CredentialStore, ContractValidator],
})
export class GatewayHttpModule {}

/** Adapters expose health only. */
@Module({ controllers: [HealthController], providers: [{ provide: APP_FILTER, useClass: ProblemFilter }] })
export class HealthModule {}
