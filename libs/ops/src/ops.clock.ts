import { Injectable } from '@nestjs/common';

/** "Now" for the queues; statutory days are days of the Chinese civil calendar (UTC+8 all year). */
@Injectable()
export class OpsClock {
  now(): Date {
    return new Date();
  }

  today(): string {
    return new Date(this.now().getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  }
}
