import type { TLSSocket } from 'node:tls';
import { CanActivate, createParamDecorator, ExecutionContext, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { AppConfig } from '@tongban/config';
import { DomainError, ErrorCode } from '@tongban/errors';
import { AccessPolicy } from './access.matrix';
import { Caller, CredentialStore, granteeOf } from './auth.credentials';

export type AuthenticatedRequest = Request & { caller?: Caller };

export const CurrentCaller = createParamDecorator((_: unknown, ctx: ExecutionContext): Caller => {
  const caller = ctx.switchToHttp().getRequest<AuthenticatedRequest>().caller;
  if (!caller) throw new DomainError(ErrorCode.Unauthenticated, 'no credential on this request');
  return caller;
});

@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly policy: AccessPolicy,
    private readonly credentials: CredentialStore,
    private readonly config: AppConfig,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const grants = this.policy.grantsFor(req);
    if (grants === 'public') return true;
    const caller = this.identify(req);
    // who acted goes on the request's completion line (completionFields in @tongban/logging)
    req.caller = caller;
    const as = granteeOf(caller);
    if (!grants.includes(as)) {
      throw new DomainError(
        ErrorCode.Forbidden,
        as === 'operator' ? 'this operation is not open to operators' : `this operation is not open to ${as} agencies`,
      );
    }
    return true;
  }

  /** The client certificate when the connection has one (mutual TLS), else a bearer token if allowed. */
  private identify(req: AuthenticatedRequest): Caller {
    const socket = req.socket as Partial<TLSSocket>;
    if (typeof socket.getPeerCertificate === 'function' && socket.authorized) {
      const caller = this.credentials.fromCertificate(socket.getPeerCertificate().subject);
      if (!caller)
        throw new DomainError(
          ErrorCode.Unauthenticated,
          'the client certificate names no agency of a region nor an operator (OU=<agency kind>|operator, CN=<region code>|<id>)',
        );
      return caller;
    }
    if (!this.config.allowBearerTokens)
      throw new DomainError(ErrorCode.Unauthenticated, 'a client certificate issued by the Tongban CA is required');
    const header = req.headers.authorization;
    const token = typeof header === 'string' && header.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    if (!token)
      throw new DomainError(
        ErrorCode.Unauthenticated,
        'send a region credential as "Authorization: Bearer <token>" or a client certificate',
      );
    const caller = this.credentials.authenticate(token);
    if (!caller) throw new DomainError(ErrorCode.Unauthenticated, 'unknown credential');
    return caller;
  }
}
