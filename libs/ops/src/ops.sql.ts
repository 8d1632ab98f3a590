import { Database } from '@tongban/database';
import { QueueCounts, QueueRow } from './ops.types';

/** SQL fragments shared by the queue repositories. */

/** An operator settled the item (resolved or closed): it leaves its queue. */
export const settled = (kind: string, idExpr: string): string =>
  `EXISTS (SELECT 1 FROM ops.item_decisions d WHERE d.kind = '${kind}' AND d.item_id = ${idExpr} AND d.action IN ('resolve', 'close'))`;

/** An operator escalated the item: it stays, marked. */
export const escalated = (kind: string, idExpr: string): string =>
  `EXISTS (SELECT 1 FROM ops.item_decisions d WHERE d.kind = '${kind}' AND d.item_id = ${idExpr} AND d.action = 'escalate')`;

/** A date column as YYYY-MM-DD text. */
export const day = (column: string): string => `to_char(${column}, 'YYYY-MM-DD')`;

/** Midnight (China) of a date column, as an instant. */
export const chinaMidnight = (column: string): string => `(${column}::timestamp AT TIME ZONE 'Asia/Shanghai')`;

/** The queue order: overdue first, then the nearest deadline, then the oldest. */
export const QUEUE_ORDER = `ORDER BY overdue DESC, due_on ASC NULLS LAST, waiting_since ASC, id ASC`;

export interface RawQueueRow {
  id: string;
  title: string;
  subject_ref: string | null;
  regions: string[];
  status: string;
  waiting_since: Date;
  started_on: string | null;
  due_on: string | null;
  statutory_working_days: number | null;
  overdue: boolean;
  escalated: boolean;
}

export const toQueueRow = (r: RawQueueRow): QueueRow => ({
  id: r.id,
  title: r.title,
  subjectRef: r.subject_ref,
  regions: r.regions.map((x) => x.trim()),
  status: r.status,
  waitingSince: r.waiting_since,
  startedOn: r.started_on,
  dueOn: r.due_on,
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

/** Counts over a queue's row query (which selects overdue and waiting_since). */
export const countsOf = (rowsSql: string): string =>
  `SELECT count(*) AS total, count(*) FILTER (WHERE overdue) AS overdue, min(waiting_since) AS oldest_at FROM (${rowsSql}) q`;

/** A page of a queue's row query. */
export const pageOf = (rowsSql: string, limitParam: number, offsetParam: number): string =>
  `SELECT * FROM (${rowsSql}) q ${QUEUE_ORDER} LIMIT $${limitParam} OFFSET $${offsetParam}`;

/**
 * A queue source whose rows are one SQL query per queue with `today` as $1 (deadlines and overdue
 * flags are computed against it): counting and paging are the same for all of them.
 */
export abstract class TodayQueueSource {
  protected constructor(protected readonly db: Database) {}

  /** The rows query of one queue, $1 = today (YYYY-MM-DD). */
  protected abstract rowsSql(queueId: string): string;

  async counts(queueId: string, today: string): Promise<QueueCounts> {
    return toCounts(await this.db.one<RawCounts>(countsOf(this.rowsSql(queueId)), [today]));
  }

  async rows(queueId: string, today: string, limit: number, offset: number): Promise<QueueRow[]> {
    return (await this.db.query<RawQueueRow>(pageOf(this.rowsSql(queueId), 2, 3), [today, limit, offset])).map(toQueueRow);
  }
}
