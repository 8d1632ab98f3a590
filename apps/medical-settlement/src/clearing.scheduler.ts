import { Injectable } from '@nestjs/common';
import { PeriodicJob } from '@tongban/database';
import { ClearingJob } from '@tongban/medical';

export const CLEARING_JOB_INTERVAL_MS = 15 * 60_000;

/**
 * Monthly clearing: the one-statement-per-pair-and-month constraint makes sure each past month is
 * issued once, in the first tick after it ends.
 */
@Injectable()
export class ClearingScheduler extends PeriodicJob {
  constructor(private readonly job: ClearingJob) {
    super('medical-clearing', CLEARING_JOB_INTERVAL_MS);
  }

  protected async work(): Promise<void> {
    const run = await this.job.run();
    if (run.issued.length > 0) this.logger.log({ month: run.month, statements: run.issued.length }, 'clearing statements issued');
  }
}
