import { Injectable } from '@nestjs/common';
import { ChinaClock, chinaDay, startOfChinaDay } from '@tongban/calendar';
import { CatalogueRegistry } from '@tongban/catalogue';
import { Database } from '@tongban/database';
import { Actor } from '@tongban/identity';
import { CatalogueBackfillRepository, CataloguePass } from './catalogue-backfill.repository';
import { HandoffService } from './handoff.service';
import { LEDGER_POLICY } from './ledger.policy';
import { SubjectFacts } from './ledger.types';
import { earliestClaimableStart } from './period.rules';
import { isHeld } from './responsibility.rules';
import { ResponsibilityRepository } from './responsibility.repository';
import { SubjectRepository } from './subject.repository';

const JOB_ACTOR: Actor = { region: null, agency: null, credential: 'ledger-catalogue-backfill' };
/** People per transaction: each is locked, so a batch stays short. */
export const BACKFILL_BATCH = 200;
/** A run stops after this long and resumes at its cursor on the next tick. */
export const BACKFILL_BUDGET_MS = 20_000;

export interface BackfillRun {
  ran: boolean;
  passKey: string | null;
  people: number;
  opened: number;
  proposed: number;
  finished: boolean;
}

/**
 * Keeps the ledger in step with the catalogue and city-policy versions in force. When a version pair
 * comes into force, one pass over every person (batched, resumable at its cursor, idempotent) opens the
 * holder intervals of services never held before — the hukou region, the default holder, from the
 * earliest claimable day, exactly as for a newly known person — and lets HandoffService propose what
 * the facts call for under the new versions (a new residence-based item goes to the residence city by
 * handoff, a relaxed city condition moves a service). A claim for a new service by a person the pass has
 * not reached yet opens the holders on the spot (`ensureHolders`), so claims work at once.
 */
@Injectable()
export class CatalogueBackfillService {
  constructor(
    private readonly db: Database,
    private readonly passes: CatalogueBackfillRepository,
    private readonly subjects: SubjectRepository,
    private readonly intervals: ResponsibilityRepository,
    private readonly handoffService: HandoffService,
    private readonly registry: CatalogueRegistry,
    private readonly clock: ChinaClock,
  ) {}

  async run(now: Date = this.clock.now(), budgetMs = BACKFILL_BUDGET_MS): Promise<BackfillRun> {
    const started = Date.now();
    const total: BackfillRun = { ran: false, passKey: null, people: 0, opened: 0, proposed: 0, finished: false };
    for (;;) {
      const step = await this.db.tx(async () => {
        if (!(await this.db.tryXactLock('tongban:ledger:catalogue-backfill'))) return undefined;
        const pass = await this.currentPass(now);
        if (pass.finished) return { pass, people: 0, opened: 0, proposed: 0, finished: true };
        return { pass, ...(await this.batch(pass, now)) };
      });
      if (step === undefined) return total;
      Object.assign(total, {
        ran: true,
        passKey: step.pass.passKey,
        people: total.people + step.people,
        opened: total.opened + step.opened,
        proposed: total.proposed + step.proposed,
        finished: step.finished,
      });
      if (step.finished || Date.now() - started > budgetMs) return total;
    }
  }

  /**
   * A claim of a held service the person has never had a holder for (a service of a version the pass
   * has not brought to them yet) opens it on the spot; true when it did. Locks the person.
   */
  async openIfNeverHeld(subjectRef: string, serviceCode: string, now: Date = this.clock.now()): Promise<boolean> {
    const facts = await this.subjects.lock(subjectRef);
    return facts !== undefined && (await this.ensureHolders(facts, now, [serviceCode])).opened.length > 0;
  }

  /**
   * Opens the person's missing holders of the held services in force (the caller holds the person's
   * lock) and proposes what follows; returns the services opened and the number of proposals made.
   */
  async ensureHolders(
    facts: SubjectFacts,
    now: Date = this.clock.now(),
    codes?: readonly string[],
  ): Promise<{ opened: string[]; proposed: number }> {
    const catalogue = this.registry.catalogue(chinaDay(now));
    const held =
      codes ??
      catalogue
        .all()
        .filter(isHeld)
        .map((i) => i.code);
    const missing = await this.passes.missing(facts.subjectRef, held);
    if (missing.length === 0) return { opened: [], proposed: 0 };
    const cause = {
      reason: `service(s) ${missing.join(', ')} of service catalogue v${catalogue.version}: default holder, the hukou region`,
    };
    const from = startOfChinaDay(earliestClaimableStart(chinaDay(now), LEDGER_POLICY.claimLookbackMonths));
    await this.intervals.openFirst(
      facts.subjectRef,
      missing.map((serviceCode) => ({ serviceCode, region: facts.hukouRegion })),
      from,
      cause,
      JOB_ACTOR,
    );
    const proposed = await this.handoffService.reconcile(facts, cause, JOB_ACTOR, now);
    return { opened: missing, proposed: proposed.length };
  }

  private async batch(pass: CataloguePass, now: Date): Promise<{ people: number; opened: number; proposed: number; finished: boolean }> {
    const refs = await this.passes.peopleAfter(pass.afterSubject, BACKFILL_BATCH);
    let opened = 0;
    let proposed = 0;
    const cause = { reason: `service catalogue v${pass.catalogueVersion} and city policies v${pass.policyVersion} in force` };
    for (const subjectRef of refs) {
      const facts = await this.subjects.lock(subjectRef);
      if (!facts) continue;
      const done = await this.ensureHolders(facts, now, pass.newServices);
      opened += done.opened.length;
      proposed += done.opened.length > 0 ? done.proposed : (await this.handoffService.reconcile(facts, cause, JOB_ACTOR, now)).length;
    }
    const finished = refs.length < BACKFILL_BATCH;
    const counts = { people: refs.length, opened, proposed };
    await this.passes.advance(pass.passKey, refs.at(-1) ?? null, counts, finished);
    return { ...counts, finished };
  }

  /** The pass of the version pair in force, started when it has none. */
  private async currentPass(now: Date): Promise<CataloguePass> {
    const day = chinaDay(now);
    const inForce = this.registry.inForce(day);
    const c = inForce.catalogue;
    const p = inForce.policies;
    const passKey = `c${c.version}:${c.checksum.slice(0, 12)}/p${p.version}:${p.checksum.slice(0, 12)}`;
    const existing = await this.passes.find(passKey);
    if (existing) return existing;
    const held = this.registry
      .catalogue(day)
      .all()
      .filter(isHeld)
      .map((i) => i.code);
    return this.passes.start({ passKey, catalogueVersion: c.version, policyVersion: p.version, held });
  }
}
