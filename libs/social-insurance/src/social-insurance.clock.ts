import { Injectable } from '@nestjs/common';

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

/**
 * The time the transfer rules run on. Statutory days are days of the Chinese civil calendar
 * (Asia/Shanghai, UTC+8 all year), whatever the server's time zone. One injectable class so that
 * integration tests can pin "now" on the running app.
 */
@Injectable()
export class SocialInsuranceClock {
  now(): Date {
    return new Date();
  }

  /** Today in China, YYYY-MM-DD. */
  today(): string {
    return shanghaiDate(this.now());
  }
}

export function shanghaiDate(instant: Date): string {
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}
