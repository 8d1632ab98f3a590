import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { ChinaClock, WorkingDayCalendar } from '@tongban/calendar';
import { PgError, pgErrorCode } from '@tongban/database';
import { DomainError, ErrorCode } from '@tongban/errors';
import { AuditRecord, Decision, HistoryEvent, ItemHistoryRepository } from './item-history.repository';
import { ACTIONS_BY_KIND, DecisionAction, ItemFacts, ItemKind, OPS_SOURCES, OpsSource, QueueDef, QueueFilter, QueueRow } from './ops.types';
import { OperatorViewsRepository } from './operator-views.repository';

export interface QueueSummary extends QueueDef {
  total: number;
  overdue: number;
  oldestAgeSeconds: number | null;
  items: string;
}

export interface QueueItem {
  queueId: string;
  kind: ItemKind;
  id: string;
  title: string;
  subjectRef: string | null;
  regions: string[];
  serviceCode: string | null;
  status: string;
  waitingSince: string;
  ageSeconds: number;
  startedOn: string | null;
  dueOn: string | null;
  dueOnProvisional: boolean;
  statutoryWorkingDays: number | null;
  workingDaysLeft: number | null;
  overdue: boolean;
  escalated: boolean;
  link: string;
}

export interface ItemDetail {
  kind: ItemKind;
  id: string;
  title: string;
  subjectRef: string | null;
  status: string;
  actions: DecisionAction[];
  facts: ItemFacts['facts'];
  events: HistoryEvent[];
  audit: AuditRecord[];
  decisions: Decision[];
}

export interface SearchHit {
  kind: ItemKind;
  id: string;
  title: string;
  subjectRef: string | null;
  status: string;
  link: string;
}

export const itemLink = (kind: ItemKind, id: string): string => `/v1/ops/items/${kind}/${encodeURIComponent(id)}`;

/**
 * The operators' queues: which items wait, how long, and how they stand against their statutory
 * deadline in working days (official calendar with make-up days). Every source's views are checked at
 * start: the gateway migrates every domain, so a missing view or column is a defect, never hidden.
 */
@Injectable()
export class OpsQueueService implements OnApplicationBootstrap {
  constructor(
    @Inject(OPS_SOURCES) private readonly sources: OpsSource[],
    private readonly views: OperatorViewsRepository,
    private readonly history: ItemHistoryRepository,
    private readonly calendar: WorkingDayCalendar,
    private readonly clock: ChinaClock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const source of this.sources) await this.views.verify(source.reads);
  }

  /** Every queue, counted under the filters (so a search shows which queues hold its matches). */
  async summaries(filter: QueueFilter = {}): Promise<{ today: string; queues: QueueSummary[] }> {
    const today = this.clock.today();
    const queues: QueueSummary[] = [];
    for (const source of this.sources) for (const q of source.reads.queues) queues.push(await this.summaryOf(source, q, today, filter));
    return { today, queues };
  }

  private async summaryOf(source: OpsSource, q: QueueDef, today: string, filter: QueueFilter): Promise<QueueSummary> {
    const counts = await source.counts(q.id, today, filter);
    const now = this.clock.now().getTime();
    return {
      ...q,
      total: counts.total,
      overdue: counts.overdue,
      oldestAgeSeconds: counts.oldestAt ? Math.max(0, Math.floor((now - counts.oldestAt.getTime()) / 1000)) : null,
      items: `/v1/ops/queues/${q.id}/items`,
    };
  }

  async items(
    queueId: string,
    filter: QueueFilter,
    limit: number,
    offset: number,
  ): Promise<{ queue: QueueSummary; items: QueueItem[]; next: number | null }> {
    const { source, queue } = this.queue(queueId);
    const today = this.clock.today();
    const summary = await this.summaryOf(source, queue, today, filter);
    const rows = await source.rows(queueId, today, filter, limit + 1, offset);
    const items = rows.slice(0, limit).map((r) => this.toItem(queue, r, today));
    return { queue: summary, items, next: rows.length > limit ? offset + limit : null };
  }

  /** Items of any kind and state whose own id is `q` (also those no queue holds: a filing, a completed transfer). */
  async search(q: string): Promise<{ q: string; items: SearchHit[] }> {
    const items: SearchHit[] = [];
    for (const source of this.sources) {
      for (const kind of source.kinds) {
        const found = await source.find(kind, q);
        if (found)
          items.push({
            kind,
            id: found.id,
            title: found.title,
            subjectRef: found.subjectRef,
            status: found.status,
            link: itemLink(kind, found.id),
          });
      }
    }
    return { q, items };
  }

  async item(kind: ItemKind, id: string): Promise<ItemDetail> {
    const facts = await this.find(kind, id);
    const decisions = await this.history.decisions(kind, id);
    const events = await this.history.events(facts.history);
    // the requests that created or changed it: recorded by its domain, or named by its events
    const requestIds = [...new Set([...facts.requestIds, ...events.flatMap((e) => (e.requestId ? [e.requestId] : []))])];
    return {
      kind,
      id,
      title: facts.title,
      subjectRef: facts.subjectRef,
      status: facts.status,
      actions: facts.decidable ? this.openActions(kind, decisions) : [],
      facts: facts.facts,
      events,
      audit: await this.history.audit(facts.auditPaths, requestIds),
      decisions,
    };
  }

  /** Resolve a discrepancy, escalate or close a dispute: recorded once, in the request's (audited) transaction. */
  async decide(
    kind: ItemKind,
    id: string,
    action: DecisionAction,
    note: string,
    actor: string,
    requestId: string | null,
  ): Promise<Decision> {
    if (!ACTIONS_BY_KIND[kind].includes(action)) {
      throw new DomainError(ErrorCode.RuleViolated, `an item of kind ${kind} cannot be given the action ${action}`, {
        allowed: [...ACTIONS_BY_KIND[kind]],
      });
    }
    const facts = await this.find(kind, id);
    if (!facts.decidable)
      throw new DomainError(ErrorCode.InvalidTransition, `the ${kind} is ${facts.status}; there is nothing to ${action}`, {
        currentStatus: facts.status,
      });
    try {
      return await this.history.decide(kind, id, action, note, actor, requestId);
    } catch (error) {
      if (pgErrorCode(error) === PgError.UniqueViolation) {
        throw new DomainError(
          ErrorCode.InvalidTransition,
          action === 'escalate' ? `the ${kind} was already escalated` : `the ${kind} was already settled by an operator`,
        );
      }
      throw error;
    }
  }

  private openActions(kind: ItemKind, decisions: Decision[]): DecisionAction[] {
    const done = new Set(decisions.map((d) => d.action));
    if (done.has('resolve') || done.has('close')) return [];
    return ACTIONS_BY_KIND[kind].filter((a) => !done.has(a));
  }

  private toItem(queue: QueueDef, r: QueueRow, today: string): QueueItem {
    const statutory = r.statutoryWorkingDays ?? (r.startedOn && r.dueOn ? this.between(r.startedOn, r.dueOn) : null);
    return {
      queueId: queue.id,
      kind: queue.kind,
      id: r.id,
      title: r.title,
      subjectRef: r.subjectRef,
      regions: r.regions,
      serviceCode: r.serviceCode,
      status: r.status,
      waitingSince: r.waitingSince.toISOString(),
      ageSeconds: Math.max(0, Math.floor((this.clock.now().getTime() - r.waitingSince.getTime()) / 1000)),
      startedOn: r.startedOn,
      dueOn: r.dueOn,
      dueOnProvisional: r.dueOnProvisional,
      statutoryWorkingDays: statutory,
      workingDaysLeft: r.dueOn ? this.daysLeft(today, r.dueOn, r.overdue) : null,
      overdue: r.overdue,
      escalated: r.escalated,
      link: itemLink(queue.kind, r.id),
    };
  }

  /**
   * Working days from today to the due day; once overdue, minus the working days since it, and at
   * least one: a deadline that ran out on a Friday is overdue on Saturday with no working day between.
   */
  private daysLeft(today: string, dueOn: string, overdue: boolean): number | null {
    const left = this.between(today, dueOn);
    if (left === null || !overdue) return left;
    return Math.min(left, -1);
  }

  /** Working days in (from, to] (negative when to is before from); null outside the calendar (before 2004 or after 2199). */
  private between(from: string, to: string): number | null {
    try {
      return this.calendar.workingDaysBetween(from, to);
    } catch {
      return null;
    }
  }

  private async find(kind: ItemKind, id: string): Promise<ItemFacts> {
    const source = this.sources.find((s) => s.kinds.includes(kind));
    const facts = source ? await source.find(kind, id) : undefined;
    if (!facts) throw new DomainError(ErrorCode.NotFound, `no ${kind} ${id}`);
    return facts;
  }

  private queue(queueId: string): { source: OpsSource; queue: QueueDef } {
    for (const source of this.sources) {
      const queue = source.reads.queues.find((q) => q.id === queueId);
      if (queue) return { source, queue };
    }
    throw new DomainError(ErrorCode.NotFound, `no queue ${queueId} in this deployment`);
  }
}
