import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { PermitSuspensionJob, shanghaiToday } from '@tongban/residence';

/** Endorsements lapse per calendar day; an hourly tick is ample. Every instance ticks, the job's advisory lock lets one work. */
export const SUSPENSION_JOB_INTERVAL_MS = 60 * 60 * 1000;

@Injectable()
export class PermitSuspensionScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('permit-suspension');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(private readonly job: PermitSuspensionJob) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.trigger(), SUSPENSION_JOB_INTERVAL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private trigger(): void {
    this.running ??= this.tick().finally(() => (this.running = undefined));
  }

  private async tick(): Promise<void> {
    try {
      const suspended = await this.job.run(shanghaiToday());
      if (suspended > 0) this.logger.log({ suspended }, 'permits suspended for a missed endorsement');
    } catch (error) {
      this.logger.error({ err: error }, 'permit suspension failed; retried on the next tick');
    }
  }
}
