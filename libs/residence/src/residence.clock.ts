import { Injectable } from '@nestjs/common';
import { shanghaiToday } from './residence.dates';

/**
 * The day the residence rules run on (Asia/Shanghai), whatever the server's time zone. One injectable
 * class so that integration tests can pin "now" on the running app.
 */
@Injectable()
export class ResidenceClock {
  now(): Date {
    return new Date();
  }

  today(): string {
    return shanghaiToday(this.now());
  }
}
