import { Injectable } from '@nestjs/common';
import { ChinaClock, chinaDay } from '@tongban/calendar';
import { ServiceCatalogue } from '@tongban/catalogue';
import { Database } from '@tongban/database';
import { EventDraft, OutboxWriter } from '@tongban/messaging';
import { DuePeriod, Gap, GapRepository } from './gap.repository';
import { LEDGER_POLICY } from './ledger.policy';
import { LEDGER_SCHEMA, LEDGER_SOURCE } from './ledger.types';
import { periodsDue } from './period.rules';

const LOCK = 'tongban:ledger:gaps';
const PAGE_SIZE = 500;
/** A run stops after the page that spends this (as the catalogue backfill does); a sweep resumes at its cursor. */
const BUDGET_MS = 20_000;

export interface GapRun {
  ran: boolean;
  detected: number;
  resolved: number;
  /** people looked at by sweeps of periods that fell due */
  swept: number;
  /** entitlements opened or moved back, checked on their own */
  rechecked: number;
  /** nothing left to do (false: the time budget ran out, or another instance took over) */
  finished: boolean;
}

export interface GapRunOptions {
  pageSize?: number;
  /** 0: one page */
  budgetMs?: number;
}

type Page = { found: number; swept: number; rechecked: number } | 'idle' | 'locked';

/**
 * Gaps: periods of periodic entitlements that ended (plus grace) with no claim. A gap can only appear in
 * two ways, and each is looked at once rather than the whole ledger every run:
 * - a period falls due: it is swept over every entitled person, a page of people per transaction from a
 *   cursor kept in `gap_sweeps`, so an interrupted sweep resumes where it stopped;
 * - an entitlement is opened, or moved back, into periods already swept (a first claim, a region opening
 *   one for earlier months): it is checked against every due period on its own.
 * A claim only ever closes a gap; a later claim by the region charged resolves it.
 * Each page takes the job's lock; when another instance holds it, this one stops and leaves the rest to
 * it (recording a gap twice is impossible, its key is unique).
 */
@Injectable()
export class GapDetectionService {
  constructor(
    private readonly db: Database,
    private readonly gaps: GapRepository,
    private readonly catalogue: ServiceCatalogue,
    private readonly clock: ChinaClock,
    private readonly outbox: OutboxWriter,
  ) {}

  async run(now: Date = this.clock.now(), options: GapRunOptions = {}): Promise<GapRun> {
    const { pageSize = PAGE_SIZE, budgetMs = BUDGET_MS } = options;
    const started = Date.now();
    const today = chinaDay(now);
    const periods: DuePeriod[] = this.catalogue
      .all()
      .filter((i) => i.entitlementNeedsClaimPerPeriod)
      .flatMap((i) =>
        periodsDue(i.periodicity, today, LEDGER_POLICY.gapGraceDays, LEDGER_POLICY.gapLookbackDays).map((p) => ({
          serviceCode: i.code,
          periodKey: p.key,
          start: p.start,
          end: p.end,
        })),
      );
    const resolved = await this.db.tx(async () => ((await this.db.tryXactLock(LOCK)) ? this.gaps.resolveClaimed() : undefined));
    const run: GapRun = { ran: resolved !== undefined, detected: 0, resolved: resolved ?? 0, swept: 0, rechecked: 0, finished: false };
    if (resolved === undefined) return run;
    for (;;) {
      const page = await this.db.tx(async (): Promise<Page> => {
        if (!(await this.db.tryXactLock(LOCK))) return 'locked';
        return (await this.sweepPage(periods, pageSize)) ?? (await this.recheckPage(periods, pageSize)) ?? 'idle';
      });
      if (page === 'locked') return run;
      if (page === 'idle') return { ...run, finished: true };
      run.detected += page.found;
      run.swept += page.swept;
      run.rechecked += page.rechecked;
      if (Date.now() - started >= budgetMs) return run;
    }
  }

  /**
   * The next page of the sweep furthest behind (periods falling due on different days have different
   * cursors); undefined when every due period is swept.
   */
  private async sweepPage(periods: DuePeriod[], pageSize: number): Promise<Page | undefined> {
    const open = await this.gaps.unfinishedSweeps(periods);
    if (open.length === 0) return undefined;
    const after = open.reduce((least, s) => (s.after < least ? s.after : least), open[0].after);
    const sweeping = open.filter((s) => s.after === after);
    const people = await this.gaps.peopleAfter(after, [...new Set(sweeping.map((s) => s.serviceCode))], pageSize);
    const found = await this.record(sweeping, people);
    await this.gaps.advanceSweeps(sweeping, people.length < pageSize ? 'finished' : { upTo: people[people.length - 1] });
    return { found, swept: people.length, rechecked: 0 };
  }

  /** A page of entitlements opened or moved back since last checked; undefined when there are none. */
  private async recheckPage(periods: DuePeriod[], pageSize: number): Promise<Page | undefined> {
    const unchecked = await this.gaps.uncheckedEntitlements(pageSize);
    if (unchecked.length === 0) return undefined;
    const found = await this.record(periods, [...new Set(unchecked.map((e) => e.subjectRef))]);
    await this.gaps.markChecked(unchecked);
    return { found, swept: 0, rechecked: unchecked.length };
  }

  private async record(periods: DuePeriod[], people: string[]): Promise<number> {
    const found = await this.gaps.recordGaps(periods, LEDGER_POLICY.timeZone, people);
    for (const g of found) await this.outbox.append(LEDGER_SCHEMA, gapDetected(g));
    return found.length;
  }
}

/** A gap is told to the region that lacks the claim and to the person's hukou region. */
function gapDetected(g: Gap): EventDraft<'cn.gov.tongban.ledger.gap-detected.v1'> {
  return {
    type: 'cn.gov.tongban.ledger.gap-detected.v1',
    subject: g.subjectRef,
    source: `${g.region}/${LEDGER_SOURCE}`,
    recipients: [g.region, g.hukouRegion],
    actor: 'ledger-jobs',
    data: {
      gapId: g.gapId,
      subjectRef: g.subjectRef,
      serviceCode: g.serviceCode,
      periodKey: g.periodKey,
      region: g.region,
      periodEnd: g.periodEnd,
    },
  };
}
