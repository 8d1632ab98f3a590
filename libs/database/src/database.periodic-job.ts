import { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';

/**
 * Work every instance runs on a timer (clocks, deadlines, clearing runs, chainers). The work itself
 * takes a PostgreSQL advisory lock, so one instance does it per tick; ticks never overlap; a failure
 * is logged and retried on the next tick; shutdown waits for a tick in progress.
 */
export abstract class PeriodicJob implements OnApplicationBootstrap, OnApplicationShutdown {
  protected readonly logger: Logger;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  protected constructor(
    private readonly jobName: string,
    private readonly intervalMs: number,
  ) {
    this.logger = new Logger(jobName);
  }

  /** One run of the job. */
  protected abstract work(): Promise<void>;

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.running ??= this.tick().finally(() => (this.running = undefined));
    }, this.intervalMs);
    this.timer.unref();
  }

  /** Stops the timer and waits for a run in progress (tests drive the jobs themselves). */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  private async tick(): Promise<void> {
    try {
      await this.work();
    } catch (error) {
      this.logger.error({ err: error }, `${this.jobName} failed; retried on the next tick`);
    }
  }
}
