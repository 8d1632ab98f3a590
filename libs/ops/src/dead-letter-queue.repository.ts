import { Injectable } from '@nestjs/common';
import { Database } from '@tongban/database';
import { scrubCitizenIds } from '@tongban/logging';
import { countsOf, pageOf, RawCounts, RawQueueRow, toCounts, toQueueRow } from './ops.sql';
import { ItemFacts, ItemKind, OpsSource, QueueCounts, QueueDef, QueueRow } from './ops.types';

const ROWS = `
  SELECT id::text AS id, coalesce(event_type, '(undecodable message)') || ' · ' || error_code AS title, message_key AS subject_ref,
         ARRAY[]::text[] AS regions, consumer AS status, created_at AS waiting_since,
         NULL::text AS started_on, NULL::text AS due_on, NULL::int AS statutory_working_days, false AS overdue, false AS escalated
    FROM messaging.dead_letters WHERE replayed_at IS NULL`;

interface DeadLetterRow {
  id: string;
  consumer: string;
  topic: string;
  partition: number;
  offset: string;
  message_key: string | null;
  value: string | null;
  event_id: string | null;
  event_type: string | null;
  error_code: string;
  error_detail: string;
  attempts: number;
  created_at: Date;
  replayed_at: Date | null;
  replayed_by: string | null;
}

/** 死信: messages a consumer gave up on, until an operator replays them. */
@Injectable()
export class DeadLetterQueueRepository implements OpsSource {
  readonly requires = ['messaging.dead_letters'];
  readonly queues: QueueDef[] = [{ id: 'dead-letters', label: '死信', group: '死信', kind: 'dead-letter', statutory: false }];
  readonly kinds: ItemKind[] = ['dead-letter'];

  constructor(private readonly db: Database) {}

  async counts(): Promise<QueueCounts> {
    return toCounts(await this.db.one<RawCounts>(countsOf(ROWS)));
  }

  async rows(_queueId: string, _today: string, limit: number, offset: number): Promise<QueueRow[]> {
    return (await this.db.query<RawQueueRow>(pageOf(ROWS, 1, 2), [limit, offset])).map(toQueueRow);
  }

  /** Open dead letters per consumer group, for the Kafka health view and its gauge. */
  async openByConsumer(): Promise<Array<{ consumer: string; open: number; oldestAt: Date | null }>> {
    const rows = await this.db.query<{ consumer: string; open: string; oldest_at: Date | null }>(
      `SELECT consumer, count(*) AS open, min(created_at) AS oldest_at FROM messaging.dead_letters WHERE replayed_at IS NULL GROUP BY consumer ORDER BY consumer`,
    );
    return rows.map((r) => ({ consumer: r.consumer, open: Number(r.open), oldestAt: r.oldest_at }));
  }

  async find(_kind: ItemKind, id: string): Promise<ItemFacts | undefined> {
    if (!/^[0-9]{1,18}$/.test(id)) return undefined;
    const r = await this.db.one<DeadLetterRow>(`SELECT * FROM messaging.dead_letters WHERE id = $1`, [id]);
    if (!r) return undefined;
    return {
      kind: 'dead-letter',
      id: r.id,
      title: `${r.event_type ?? '(undecodable message)'} · ${r.error_code}`,
      subjectRef: r.message_key,
      status: r.replayed_at ? 'replayed' : 'open',
      decidable: r.replayed_at === null,
      facts: {
        consumer: r.consumer,
        topic: r.topic,
        partition: r.partition,
        offset: r.offset,
        eventId: r.event_id,
        eventType: r.event_type,
        errorCode: r.error_code,
        errorDetail: r.error_detail,
        attempts: r.attempts,
        createdAt: r.created_at.toISOString(),
        replayedAt: r.replayed_at?.toISOString() ?? null,
        replayedBy: r.replayed_by,
        value: r.value === null ? null : scrubCitizenIds(r.value).slice(0, 2000),
      },
      history: r.event_id ? [{ schema: '*', eventId: r.event_id }] : [],
      auditPaths: [`/v1/ops/dead-letters/${r.id}`, `/v1/ops/items/dead-letter/${r.id}`],
    };
  }
}
