import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { LedgerJobs } from '@tongban/ledger';

/** Every instance ticks; the jobs' advisory locks make sure only one does the work per tick. */
export const LEDGER_JOB_INTERVAL_MS = 60_000;

@Injectable()
export class LedgerScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ledger-jobs');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(private readonly jobs: LedgerJobs) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.running ??= this.tick().finally(() => (this.running = undefined));
    }, LEDGER_JOB_INTERVAL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private async tick(): Promise<void> {
    try {
      const deadlines = await this.jobs.runHandoffDeadlines();
      const gaps = await this.jobs.runGapDetection();
      if (deadlines.reminded + deadlines.escalated + gaps.detected > 0) this.logger.log({ deadlines, gaps }, 'ledger jobs ran');
    } catch (error) {
      this.logger.error({ err: error }, 'ledger jobs failed; retried on the next tick');
    }
  }
}
