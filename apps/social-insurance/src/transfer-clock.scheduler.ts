import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { SocialInsuranceClock, TransferClockService } from '@tongban/social-insurance';

/** How often the statutory clocks are checked; deadlines are days, so a minute is plenty. */
export const CLOCK_INTERVAL_MS = 60_000;

/**
 * Runs the transfer clocks periodically for today in China. Every instance runs it; the advisory lock in
 * TransferClockService lets one at a time do the work. The first run is one interval after start.
 */
@Injectable()
export class TransferClockScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('transfer-clock');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly clockJob: TransferClockService,
    private readonly clock: SocialInsuranceClock,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.running ??= this.tick().finally(() => {
        this.running = undefined;
      });
    }, CLOCK_INTERVAL_MS);
    this.timer.unref();
  }

  /** Stops the periodic runs and waits for one in progress. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  async onModuleDestroy(): Promise<void> {
    await this.stop();
  }

  private async tick(): Promise<void> {
    try {
      const result = await this.clockJob.runOnce(this.clock.today());
      if (result.reminders + result.overdue + result.scheduled > 0) this.logger.log(result, 'transfer clocks advanced');
    } catch (error) {
      this.logger.error({ err: error }, 'transfer clock run failed; retried at the next interval');
    }
  }
}
