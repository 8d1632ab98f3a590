import { Injectable } from '@nestjs/common';
import { PeriodicJob } from '@tongban/database';
import { LedgerJobs } from '@tongban/ledger';

export const LEDGER_JOB_INTERVAL_MS = 60_000;

/** Fact changes whose objection window lapsed, handoff deadlines (reminders, escalations) and gap detection. */
@Injectable()
export class LedgerScheduler extends PeriodicJob {
  constructor(private readonly jobs: LedgerJobs) {
    super('ledger-jobs', LEDGER_JOB_INTERVAL_MS);
  }

  protected async work(): Promise<void> {
    const facts = await this.jobs.runFactChangeWindows();
    const deadlines = await this.jobs.runHandoffDeadlines();
    const gaps = await this.jobs.runGapDetection();
    if (facts.applied + deadlines.reminded + deadlines.escalated + gaps.detected > 0) this.logger.log({ facts, deadlines, gaps }, 'ledger jobs ran');
  }
}
