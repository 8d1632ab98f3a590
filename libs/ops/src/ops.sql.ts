import { QueueCounts, QueueFilter, QueueRow } from './ops.types';

/** SQL of the composition: a lib's operator_queue view with the operators' own decisions. */

const decided = (actions: string): string =>
  `EXISTS (SELECT 1 FROM ops.item_decisions d WHERE d.kind = v.kind AND d.item_id = v.id AND d.action IN (${actions}))`;

/**
 * The waiting items of one queue of a schema's view: $1 queue id, $2 today (China). An item an
 * operator settled (resolved or closed) leaves its queue; one an operator escalated stays, marked.
 */
export const queueRowsSql = (schema: string): string => `
  SELECT v.id, v.title, v.subject_ref, v.regions, v.service_code, v.refs, v.status, v.waiting_since,
         to_char(v.started_on, 'YYYY-MM-DD') AS started_on, to_char(v.due_on, 'YYYY-MM-DD') AS due_on, v.due_on_provisional, v.statutory_working_days,
         coalesce(v.overdue_from <= $2::date, false) AS overdue, (v.escalated OR ${decided(`'escalate'`)}) AS escalated
    FROM ${schema}.operator_queue v
   WHERE v.queue = $1 AND NOT ${decided(`'resolve', 'close'`)}`;

/**
 * The operators' filters over a queue's rows, each ignored when null: $3 region (one of the item's
 * regions lies in it: a province code takes its cities and districts, a city code its districts),
 * $4 service code (or one of the services a row refers to: a handoff case's), $5 status, $6 overdue, $7 search (the item's id, its subjectRef or an id it refers to).
 */
const FILTERED = `
  ($3::text IS NULL OR EXISTS (SELECT 1 FROM unnest(q.regions) AS r(code)
                                WHERE r.code = $3 OR ($3 LIKE '__0000' AND left(r.code, 2) = left($3, 2))
                                   OR ($3 LIKE '____00' AND left(r.code, 4) = left($3, 4))))
  AND ($4::text IS NULL OR q.service_code = $4 OR $4 = ANY(q.refs))
  AND ($5::text IS NULL OR q.status = $5)
  AND ($6::boolean IS NULL OR q.overdue = $6)
  AND ($7::text IS NULL OR q.id = $7 OR q.subject_ref = $7 OR $7 = ANY(q.refs))`;

/** The queue order: overdue first, then the nearest deadline, then the oldest. */
const QUEUE_ORDER = `ORDER BY overdue DESC, due_on ASC NULLS LAST, waiting_since ASC, id ASC`;

/** Counts over a queue's row query, filtered. */
export const countsOf = (rowsSql: string): string =>
  `SELECT count(*) AS total, count(*) FILTER (WHERE overdue) AS overdue, min(waiting_since) AS oldest_at FROM (${rowsSql}) q WHERE ${FILTERED}`;

/** A filtered page of a queue's row query ($8 limit, $9 offset). */
export const pageOf = (rowsSql: string): string => `SELECT * FROM (${rowsSql}) q WHERE ${FILTERED} ${QUEUE_ORDER} LIMIT $8 OFFSET $9`;

/** The parameters $3–$7 of a filtered query. */
export const filterParams = (f: QueueFilter): Array<string | boolean | null> => [
  f.region ?? null,
  f.service ?? null,
  f.status ?? null,
  f.overdue ?? null,
  f.q ?? null,
];

/** Schemas that carry an outbox table (each domain's event history). */
export const OUTBOX_SCHEMAS_SQL = `SELECT table_schema AS schema FROM information_schema.tables
  WHERE table_name = 'outbox' AND table_type = 'BASE TABLE' ORDER BY table_schema`;

export interface RawQueueRow {
  id: string;
  title: string;
  subject_ref: string | null;
  regions: string[];
  service_code: string | null;
  refs: string[];
  status: string;
  waiting_since: Date;
  started_on: string | null;
  due_on: string | null;
  due_on_provisional: boolean;
  statutory_working_days: number | null;
  overdue: boolean;
  escalated: boolean;
}

export const toQueueRow = (r: RawQueueRow): QueueRow => ({
  id: r.id,
  title: r.title,
  subjectRef: r.subject_ref,
  regions: r.regions.map((x) => x.trim()),
  serviceCode: r.service_code,
  status: r.status,
  waitingSince: r.waiting_since,
  startedOn: r.started_on,
  dueOn: r.due_on,
  dueOnProvisional: r.due_on_provisional,
  statutoryWorkingDays: r.statutory_working_days,
  overdue: r.overdue,
  escalated: r.escalated,
});

export interface RawCounts {
  total: string;
  overdue: string;
  oldest_at: Date | null;
}

export const toCounts = (r: RawCounts | undefined): QueueCounts => ({
  total: Number(r?.total ?? 0),
  overdue: Number(r?.overdue ?? 0),
  oldestAt: r?.oldest_at ?? null,
});
