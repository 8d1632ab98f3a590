import { Injectable } from '@nestjs/common';
import { ChinaClock } from '@tongban/calendar';
import { Database } from '@tongban/database';
import { PermitLifecycleService } from './permit-lifecycle.service';
import { PermitRepository } from './permit.repository';

const LOCK = 'tongban.residence.permit-suspension';
const BATCH = 500;

/**
 * Suspends the permits whose yearly endorsement lapsed (居住证暂行条例 第十四条). Runs in the
 * residence-permit app, daily and at start; `run(asOf)` takes the day (today in China by default) so tests
 * inject it. Each batch is
 * one transaction under an advisory lock, so concurrent instances never suspend a permit twice.
 */
@Injectable()
export class PermitSuspensionJob {
  constructor(
    private readonly db: Database,
    private readonly permits: PermitRepository,
    private readonly lifecycle: PermitLifecycleService,
    private readonly clock: ChinaClock,
  ) {}

  /** Returns how many permits were suspended; 0 when another instance holds the lock. */
  async run(asOf: string = this.clock.today()): Promise<number> {
    let total = 0;
    for (;;) {
      const done = await this.db.tx(async () => {
        if (!(await this.db.tryXactLock(LOCK))) return -1;
        return this.lifecycle.suspendLapsed(asOf, BATCH);
      });
      if (done < 0) return total;
      total += done;
      if (done < BATCH) return total;
    }
  }
}
