import { Injectable } from '@nestjs/common';
import { PeriodicJob } from '@tongban/database';
import { PermitSuspensionJob } from '@tongban/residence';

/** Endorsements lapse per calendar day; an hourly tick is ample. */
export const SUSPENSION_JOB_INTERVAL_MS = 60 * 60 * 1000;

@Injectable()
export class PermitSuspensionScheduler extends PeriodicJob {
  constructor(private readonly job: PermitSuspensionJob) {
    super('permit-suspension', SUSPENSION_JOB_INTERVAL_MS);
  }

  protected async work(): Promise<void> {
    const suspended = await this.job.run();
    if (suspended > 0) this.logger.log({ suspended }, 'permits suspended for a missed endorsement');
  }
}
