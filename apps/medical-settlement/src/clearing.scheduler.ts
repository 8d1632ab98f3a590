import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ClearingJob } from '@tongban/medical';

/**
 * Every instance ticks; the job's advisory lock and the one-statement-per-pair-and-month constraint
 * make sure each past month is issued once, in the first tick after it ends.
 */
export const CLEARING_JOB_INTERVAL_MS = 15 * 60_000;

@Injectable()
export class ClearingScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('medical-clearing');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(private readonly job: ClearingJob) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.running ??= this.tick().finally(() => (this.running = undefined));
    }, CLEARING_JOB_INTERVAL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private async tick(): Promise<void> {
    try {
      const run = await this.job.run();
      if (run.issued.length > 0) this.logger.log({ month: run.month, statements: run.issued.length }, 'clearing statements issued');
    } catch (error) {
      this.logger.error({ err: error }, 'clearing run failed; retried on the next tick');
    }
  }
}
