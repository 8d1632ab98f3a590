import { Injectable } from '@nestjs/common';
import { ChinaClock } from '@tongban/calendar';
import { ServiceCatalogue } from '@tongban/catalogue';
import { Database } from '@tongban/database';
import { DomainError, ErrorCode } from '@tongban/errors';
import { Actor } from '@tongban/identity';
import { HandoffCaseRepository } from './handoff-case.repository';
import { HandoffRepository } from './handoff.repository';
import { HandoffService } from './handoff.service';
import { HandoffEvents } from './handoff.events';
import { CaseHeader, Handoff, HandoffCase } from './ledger.types';
import { SubjectRepository } from './subject.repository';

/** Which of a case's open services an answer concerns: those named, or every one the caller's agency answers. */
export interface CaseAnswer {
  services?: string[];
}

type Side = 'to' | 'from';

/**
 * One move, one case: a region answers the handoffs of a case as a whole or per service. Each
 * agency answers the services it provides (an education bureau the school place, 人社 the pension):
 * without `services`, an answer takes every open service of the case the caller's agency provides;
 * with them, each must be open and the caller's. One case event tells both regions the step.
 */
@Injectable()
export class HandoffCaseService {
  constructor(
    private readonly db: Database,
    private readonly cases: HandoffCaseRepository,
    private readonly handoffs: HandoffRepository,
    private readonly handoffService: HandoffService,
    private readonly events: HandoffEvents,
    private readonly subjects: SubjectRepository,
    private readonly catalogue: ServiceCatalogue,
    private readonly clock: ChinaClock,
  ) {}

  /** To its two regions and operators; anyone else learns nothing (404). */
  async get(caseId: string, region: string | null): Promise<HandoffCase> {
    const c = await this.cases.find(caseId);
    if (!c || (region !== null && region !== c.fromRegion && region !== c.toRegion)) throw notFound();
    return withHandoffs(c, await this.handoffs.ofCase(c.subjectRef, c.caseId));
  }

  async accept(
    caseId: string,
    cmd: CaseAnswer & { effectiveFrom: string },
    actor: Actor,
    now: Date = this.clock.now(),
  ): Promise<HandoffCase> {
    return this.answer(caseId, cmd, actor, 'to', 'accepted', (h) => this.handoffService.acceptLocked(h, cmd.effectiveFrom, actor, now));
  }

  async reject(caseId: string, cmd: CaseAnswer & { reason: string }, actor: Actor): Promise<HandoffCase> {
    return this.answer(caseId, cmd, actor, 'to', 'rejected', (h) => this.handoffService.rejectLocked(h, cmd.reason, actor));
  }

  async object(caseId: string, cmd: CaseAnswer & { reason: string }, actor: Actor): Promise<HandoffCase> {
    return this.answer(caseId, cmd, actor, 'from', 'objected', (h) => this.handoffService.objectLocked(h, cmd.reason, actor));
  }

  private async answer(
    caseId: string,
    cmd: CaseAnswer,
    actor: Actor,
    side: Side,
    step: 'accepted' | 'rejected' | 'objected',
    apply: (h: Handoff) => Promise<Handoff>,
  ): Promise<HandoffCase> {
    return this.db.tx(async () => {
      const seen = await this.cases.find(caseId);
      if (!seen || (actor.region !== seen.fromRegion && actor.region !== seen.toRegion)) throw notFound();
      // the person first, then the case's handoffs: the lock order of every change of a person
      await this.subjects.lock(seen.subjectRef);
      const all = await this.handoffs.ofCase(seen.subjectRef, caseId, true);
      const chosen = this.chosen(seen, all, cmd, actor, side);
      const changed: Handoff[] = [];
      for (const h of chosen) changed.push(await apply(h));
      // the case after the step: its locked rows, the answered ones as the answers left them
      const answered = new Map(changed.map((h) => [h.handoffId, h]));
      const after = all.map((h) => answered.get(h.handoffId) ?? h);
      await this.events.caseStep(step, changed, after, actor);
      return withHandoffs(seen, after);
    });
  }

  /** The open proposals an answer concerns, checked: the caller's side, its agency, and open. */
  private chosen(c: CaseHeader, all: readonly Handoff[], cmd: CaseAnswer, actor: Actor, side: Side): Handoff[] {
    const party = side === 'to' ? c.toRegion : c.fromRegion;
    if (actor.region !== party) {
      const what = side === 'to' ? 'only the receiving region answers a case' : 'only the releasing region objects to a case';
      throw new DomainError(ErrorCode.Forbidden, `${what} (region ${party})`);
    }
    const mine = (h: Handoff): boolean => this.catalogue.get(h.serviceCode).agency === actor.agency;
    if (cmd.services === undefined) {
      const open = all.filter((h) => h.status === 'proposed' && mine(h));
      if (open.length > 0) return open;
      if (!all.some(mine))
        throw new DomainError(ErrorCode.Forbidden, `no service of this case is provided by ${actor.agency ?? 'this caller'}`);
      throw new DomainError(ErrorCode.InvalidTransition, 'no service of this case provided by this agency awaits an answer', {
        currentStatus: 'answered',
      });
    }
    const byService = new Map(all.map((h) => [h.serviceCode, h]));
    const errors = cmd.services.flatMap((code, i) =>
      byService.has(code) ? [] : [{ field: `/body/services/${i}`, message: `${code} is not a service of this case` }],
    );
    if (errors.length > 0) throw new DomainError(ErrorCode.ValidationFailed, 'services: not all are services of this case', { errors });
    const named = [...new Set(cmd.services)].map((code) => byService.get(code) as Handoff);
    const foreign = named.filter((h) => !mine(h));
    if (foreign.length > 0) {
      const agency = this.catalogue.get(foreign[0].serviceCode).agency;
      throw new DomainError(ErrorCode.Forbidden, `${foreign[0].serviceCode} is answered by the ${agency} agency`, {
        requiredAgency: agency,
      });
    }
    const answered = named.find((h) => h.status !== 'proposed');
    if (answered) {
      throw new DomainError(ErrorCode.InvalidTransition, `the handoff of ${answered.serviceCode} is ${answered.status}`, {
        currentStatus: answered.status,
      });
    }
    return named;
  }
}

const notFound = (): DomainError => new DomainError(ErrorCode.NotFound, 'no such handoff case');

const withHandoffs = (c: CaseHeader, handoffs: Handoff[]): HandoffCase => ({
  ...c,
  status: handoffs.some((h) => h.status === 'proposed' || h.status === 'disputed') ? 'open' : 'closed',
  handoffs,
});
