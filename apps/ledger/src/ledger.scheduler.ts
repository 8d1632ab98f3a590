import { Injectable } from '@nestjs/common';
import { PeriodicJob } from '@tongban/database';
import { CatalogueBackfillService, GapDetectionService, LedgerJobs } from '@tongban/ledger';

export const LEDGER_JOB_INTERVAL_MS = 60_000;

/**
 * Provisional deadlines counted again (a newer holiday schedule makes them official), fact changes whose
 * objection window lapsed, handoff deadlines (reminders, escalations), gap detection (periods that fell
 * due, entitlements opened or moved back), the re-evaluation of rejected handoffs, the years thresholds
 * crossed (every minute, so one is acted on the day it is crossed) and the catalogue backfill (holders
 * of a newly catalogued service for everyone, and the handoffs a newly effective catalogue or
 * city-policy version calls for).
 */
@Injectable()
export class LedgerScheduler extends PeriodicJob {
  constructor(
    private readonly jobs: LedgerJobs,
    private readonly gapDetection: GapDetectionService,
    private readonly backfill: CatalogueBackfillService,
  ) {
    super('ledger-jobs', LEDGER_JOB_INTERVAL_MS);
  }

  protected async work(): Promise<void> {
    const provisional = await this.jobs.runProvisionalDeadlines();
    const facts = await this.jobs.runFactChangeWindows();
    const deadlines = await this.jobs.runHandoffDeadlines();
    const gaps = await this.gapDetection.run();
    const reevaluation = await this.jobs.runReevaluation();
    const catalogue = await this.backfill.run();
    if (catalogue.people > 0) this.logger.log({ catalogue }, 'catalogue backfill ran');
    const thresholds = await this.jobs.runConditionThresholds();
    if (
      provisional.recomputed +
        facts.applied +
        deadlines.reminded +
        deadlines.escalated +
        gaps.detected +
        reevaluation.proposed +
        thresholds.reviewed >
      0
    ) {
      this.logger.log({ provisional, facts, deadlines, gaps, reevaluation, thresholds }, 'ledger jobs ran');
    }
  }
}
