import { Injectable } from '@nestjs/common';
import { PeriodicJob } from '@tongban/database';
import { LedgerJobs } from '@tongban/ledger';

export const LEDGER_JOB_INTERVAL_MS = 60_000;

/** Fact changes whose objection window lapsed, handoff deadlines (reminders, escalations), gap detection, the re-evaluation of rejected handoffs and the years thresholds crossed (every minute, so a threshold is acted on the day it is crossed). */
@Injectable()
export class LedgerScheduler extends PeriodicJob {
  constructor(private readonly jobs: LedgerJobs) {
    super('ledger-jobs', LEDGER_JOB_INTERVAL_MS);
  }

  protected async work(): Promise<void> {
    const facts = await this.jobs.runFactChangeWindows();
    const deadlines = await this.jobs.runHandoffDeadlines();
    const gaps = await this.jobs.runGapDetection();
    const reevaluation = await this.jobs.runReevaluation();
    const thresholds = await this.jobs.runConditionThresholds();
    if (facts.applied + deadlines.reminded + deadlines.escalated + gaps.detected + reevaluation.proposed + thresholds.reviewed > 0) {
      this.logger.log({ facts, deadlines, gaps, reevaluation, thresholds }, 'ledger jobs ran');
    }
  }
}
