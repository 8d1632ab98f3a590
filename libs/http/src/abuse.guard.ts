import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { AppConfig } from '@tongban/config';
import { DomainError, ErrorCode } from '@tongban/errors';
import { AuthenticatedRequest } from './auth.guard';

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * Per-credential token bucket (per gateway instance; the load balancer adds a global limit in
 * production). Runs after authentication, so the limit belongs to the region, not to an address.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly buckets = new Map<string, Bucket>();

  constructor(private readonly config: AppConfig) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const caller = context.switchToHttp().getRequest<AuthenticatedRequest>().caller;
    if (!caller) return true; // public routes (health)
    const { perSecond, burst } = this.config.rateLimit;
    const now = Date.now();
    const b = this.buckets.get(caller.credentialId) ?? { tokens: burst, at: now };
    b.tokens = Math.min(burst, b.tokens + ((now - b.at) / 1000) * perSecond);
    b.at = now;
    this.buckets.set(caller.credentialId, b);
    if (b.tokens < 1) {
      const retryAfterSeconds = Math.max(1, Math.ceil((1 - b.tokens) / perSecond));
      throw new DomainError(ErrorCode.RateLimited, `more than ${perSecond} requests per second from this credential`, {
        retryAfterSeconds,
      });
    }
    b.tokens -= 1;
    return true;
  }
}
