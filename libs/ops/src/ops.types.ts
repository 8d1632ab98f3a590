import type { OperatorQueueDef, OperatorReads } from '@tongban/database';

export const OPS_SCHEMA = 'ops';

/** Kinds of item an operator can open; the path segment of /v1/ops/items/{kind}/{id}. */
export const ITEM_KINDS = [
  'dead-letter',
  'transfer',
  'handoff-case',
  'handoff',
  'fact-change',
  'gap',
  'reconciliation-item',
  'settlement',
  'statement',
  'statement-line',
  'filing',
] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

export const isItemKind = (k: string): k is ItemKind => (ITEM_KINDS as readonly string[]).includes(k);

export type DecisionAction = 'resolve' | 'escalate' | 'close';

/** What an operator may decide on an item of a kind (discrepancies are resolved, disputes escalated or closed). */
export const ACTIONS_BY_KIND: Readonly<Record<ItemKind, readonly DecisionAction[]>> = {
  'dead-letter': [],
  transfer: [],
  // disputed handoffs and fact changes are decided in their domain (POST /v1/handoffs/{id}/decision,
  // POST /v1/fact-changes/{id}/decision), which changes the ledger; a note here would change nothing
  'handoff-case': [],
  handoff: [],
  'fact-change': [],
  gap: ['resolve'],
  'reconciliation-item': ['resolve'],
  settlement: [],
  statement: [],
  'statement-line': ['escalate', 'close'],
  filing: [],
};

/** One operator queue as the console lists it (declared by the lib that owns it). */
export type QueueDef = OperatorQueueDef;

export interface QueueCounts {
  total: number;
  overdue: number;
  /** created_at of the oldest waiting item */
  oldestAt: Date | null;
}

/** The operators' filters of a queue; each one given must hold. */
export interface QueueFilter {
  /** a region code: items one of whose regions lies in it */
  region?: string;
  service?: string;
  status?: string;
  overdue?: boolean;
  /** the item's id, its subjectRef, or an id it refers to */
  q?: string;
}

/** A waiting item as read from the domain's table (deadline arithmetic is done by the service). */
export interface QueueRow {
  id: string;
  title: string;
  subjectRef: string | null;
  regions: string[];
  serviceCode: string | null;
  status: string;
  waitingSince: Date;
  /** the day the statutory clock started and the day it runs out (YYYY-MM-DD, China) */
  startedOn: string | null;
  dueOn: string | null;
  /** the due day lies past the official holiday schedule (counted on the statutory holidays; may move) */
  dueOnProvisional: boolean;
  statutoryWorkingDays: number | null;
  overdue: boolean;
  escalated: boolean;
}

/** Where an item's event history lives: outbox rows of a schema whose payload contains `match`. */
export interface HistoryQuery {
  schema: string;
  match?: Record<string, string>;
  eventId?: string;
}

export interface ItemFacts {
  kind: ItemKind;
  id: string;
  title: string;
  subjectRef: string | null;
  status: string;
  /** whether an operator decision is possible in the item's current state */
  decidable: boolean;
  facts: Record<string, string | number | boolean | null>;
  history: HistoryQuery[];
  /** request paths (gateway.audit_log.resource) that concern the item; sub-paths count too */
  auditPaths: string[];
  /** requests that created or changed the item, as its domain recorded them (a creating POST is audited on the collection path) */
  requestIds: string[];
}

/**
 * The queues and item pages of one lib (OperatorReads): its rows come from the lib's
 * operator_queue view, its pages from the lib's operator_item function or service.
 */
export interface OpsSource {
  readonly reads: OperatorReads;
  readonly kinds: readonly ItemKind[];
  counts(queueId: string, today: string, filter: QueueFilter): Promise<QueueCounts>;
  /** overdue first, then the nearest deadline, then the oldest */
  rows(queueId: string, today: string, filter: QueueFilter, limit: number, offset: number): Promise<QueueRow[]>;
  find(kind: ItemKind, id: string): Promise<ItemFacts | undefined>;
}

export const OPS_SOURCES = 'TONGBAN_OPS_SOURCES';
