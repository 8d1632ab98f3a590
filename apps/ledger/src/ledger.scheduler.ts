import { Injectable } from '@nestjs/common';
import { PeriodicJob } from '@tongban/database';
import { LedgerJobs } from '@tongban/ledger';

export const LEDGER_JOB_INTERVAL_MS = 60_000;

/**
 * Provisional deadlines counted again (a newer holiday schedule makes them official), fact changes whose
 * objection window lapsed, handoff deadlines (reminders, escalations), gap detection and the re-evaluation
 * of rejected handoffs.
 */
@Injectable()
export class LedgerScheduler extends PeriodicJob {
  constructor(private readonly jobs: LedgerJobs) {
    super('ledger-jobs', LEDGER_JOB_INTERVAL_MS);
  }

  protected async work(): Promise<void> {
    const provisional = await this.jobs.runProvisionalDeadlines();
    const facts = await this.jobs.runFactChangeWindows();
    const deadlines = await this.jobs.runHandoffDeadlines();
    const gaps = await this.jobs.runGapDetection();
    const reevaluation = await this.jobs.runReevaluation();
    if (provisional.recomputed + facts.applied + deadlines.reminded + deadlines.escalated + gaps.detected + reevaluation.proposed > 0) {
      this.logger.log({ provisional, facts, deadlines, gaps, reevaluation }, 'ledger jobs ran');
    }
  }
}
