import { Injectable } from '@nestjs/common';
import { Database } from '@tongban/database';
import { OUTBOX_SCHEMAS_SQL } from './ops.sql';
import { DecisionAction, HistoryQuery, ItemKind } from './ops.types';

export interface HistoryEvent {
  seq: string;
  schema: string;
  id: string;
  type: string;
  source: string;
  subject: string;
  time: string;
  recipients: string[];
  actor: string | null;
  requestId: string | null;
  publishedAt: string | null;
  data: unknown;
}

export interface AuditRecord {
  id: string;
  occurredAt: string;
  actor: string;
  role: string;
  region: string | null;
  requestId: string | null;
  action: string;
  resource: string;
  status: number;
  chained: boolean;
  /** resource: on one of the item's own paths; request: the request wrote one of the item's events (the creating POST is audited on the collection path) */
  matchedBy: 'resource' | 'request';
}

export interface Decision {
  id: string;
  action: DecisionAction;
  note: string;
  decidedBy: string;
  requestId: string | null;
  decidedAt: string;
}

interface OutboxRow {
  seq: string;
  event_id: string;
  event_type: string;
  source: string;
  subject: string;
  occurred_at: Date;
  recipients: string[];
  actor: string | null;
  request_id: string | null;
  published_at: Date | null;
  payload: unknown;
}

const SCHEMA = /^[a-z][a-z0-9_]*$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const escapeLike = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** An item's evidence: its CloudEvents from the outbox (in commit order), audit entries and operator decisions. */
@Injectable()
export class ItemHistoryRepository {
  constructor(private readonly db: Database) {}

  async events(queries: HistoryQuery[]): Promise<HistoryEvent[]> {
    const out: HistoryEvent[] = [];
    const outboxSchemas = (await this.db.query<{ schema: string }>(OUTBOX_SCHEMAS_SQL)).map((r) => r.schema);
    for (const q of queries) {
      const schemas = q.schema === '*' ? outboxSchemas : outboxSchemas.filter((s) => s === q.schema);
      if (q.eventId !== undefined && !UUID.test(q.eventId)) continue;
      for (const schema of schemas) {
        if (!SCHEMA.test(schema)) continue;
        const rows = await this.db.query<OutboxRow>(
          `SELECT seq, event_id, event_type, source, subject, occurred_at, recipients, actor, request_id, published_at, payload
             FROM ${schema}.outbox
            WHERE ($1::jsonb IS NULL OR payload @> $1::jsonb) AND ($2::uuid IS NULL OR event_id = $2::uuid)
            ORDER BY seq LIMIT 1000`,
          [q.match ? JSON.stringify(q.match) : null, q.eventId ?? null],
        );
        out.push(
          ...rows.map((r) => ({
            seq: r.seq,
            schema,
            id: r.event_id,
            type: r.event_type,
            source: r.source,
            subject: r.subject,
            time: r.occurred_at.toISOString(),
            recipients: r.recipients,
            actor: r.actor,
            requestId: r.request_id,
            publishedAt: r.published_at?.toISOString() ?? null,
            data: r.payload,
          })),
        );
      }
    }
    // one schema's outbox is in commit order by seq; across schemas, by occurrence time
    return out.sort((a, b) => (a.time === b.time ? Number(a.seq) - Number(b.seq) : a.time < b.time ? -1 : 1));
  }

  /**
   * The audit entries of an item: those on its request paths (and their sub-paths), and those of the
   * requests that wrote its events — a creating POST is audited on the collection path, before the
   * item had an id, and is found by its request id (the entry itself is never changed).
   */
  async audit(paths: string[], requestIds: string[]): Promise<AuditRecord[]> {
    if (paths.length === 0 && requestIds.length === 0) return [];
    const rows = await this.db.query<{
      id: string;
      occurred_at: Date;
      actor: string;
      role: string;
      region: string | null;
      request_id: string | null;
      action: string;
      resource: string;
      status: number;
      chain_pos: string | null;
      by_resource: boolean;
    }>(
      `SELECT id, occurred_at, actor, role, region, request_id, action, resource, status, chain_pos,
              (resource = ANY($1::text[]) OR resource LIKE ANY($2::text[])) AS by_resource
         FROM gateway.audit_log
        WHERE resource = ANY($1::text[]) OR resource LIKE ANY($2::text[]) OR request_id = ANY($3::text[]) ORDER BY id LIMIT 1000`,
      [paths, paths.map((p) => `${escapeLike(p)}/%`), requestIds],
    );
    return rows.map((r) => ({
      id: r.id,
      occurredAt: r.occurred_at.toISOString(),
      actor: r.actor,
      role: r.role,
      region: r.region,
      requestId: r.request_id,
      action: r.action,
      resource: r.resource,
      status: r.status,
      chained: r.chain_pos !== null,
      matchedBy: r.by_resource ? 'resource' : 'request',
    }));
  }

  async decisions(kind: ItemKind, id: string): Promise<Decision[]> {
    const rows = await this.db.query<{
      decision_id: string;
      action: DecisionAction;
      note: string;
      decided_by: string;
      request_id: string | null;
      decided_at: Date;
    }>(
      `SELECT decision_id, action, note, decided_by, request_id, decided_at FROM ops.item_decisions WHERE kind = $1 AND item_id = $2 ORDER BY decision_id`,
      [kind, id],
    );
    return rows.map((r) => ({
      id: r.decision_id,
      action: r.action,
      note: r.note,
      decidedBy: r.decided_by,
      requestId: r.request_id,
      decidedAt: r.decided_at.toISOString(),
    }));
  }

  /** Records a decision; the partial unique indexes refuse a second settlement or escalation (23505). */
  async decide(
    kind: ItemKind,
    id: string,
    action: DecisionAction,
    note: string,
    decidedBy: string,
    requestId: string | null,
  ): Promise<Decision> {
    const r = await this.db.one<{ decision_id: string; decided_at: Date }>(
      `INSERT INTO ops.item_decisions (kind, item_id, action, note, decided_by, request_id) VALUES ($1, $2, $3, $4, $5, $6) RETURNING decision_id, decided_at`,
      [kind, id, action, note, decidedBy, requestId],
    );
    return { id: r!.decision_id, action, note, decidedBy, requestId, decidedAt: r!.decided_at.toISOString() };
  }
}
