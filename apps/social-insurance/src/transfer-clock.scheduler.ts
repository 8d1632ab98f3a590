import { Injectable } from '@nestjs/common';
import { PeriodicJob } from '@tongban/database';
import { ChinaClock } from '@tongban/calendar';
import { TransferClockService } from '@tongban/social-insurance';

/** Deadlines are days, so a minute is plenty. The first run is one interval after start. */
export const CLOCK_INTERVAL_MS = 60_000;

/**
 * The statutory transfer clocks, for today in China: first provisional due dates are counted again (a newer
 * holiday schedule, shipped with a release, makes them official), then reminders and overdue items.
 */
@Injectable()
export class TransferClockScheduler extends PeriodicJob {
  constructor(
    private readonly clockJob: TransferClockService,
    private readonly clock: ChinaClock,
  ) {
    super('transfer-clock', CLOCK_INTERVAL_MS);
  }

  protected async work(): Promise<void> {
    const today = this.clock.today();
    const recomputed = await this.clockJob.recomputeProvisional(today);
    const result = await this.clockJob.runOnce(today);
    if (result.reminders + result.overdue + recomputed.recomputed > 0)
      this.logger.log({ ...result, recomputed }, 'transfer clocks advanced');
  }
}
