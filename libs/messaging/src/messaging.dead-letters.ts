import { Injectable } from '@nestjs/common';
import { Database, OperatorReads } from '@tongban/database';
import { DomainError, ErrorCode } from '@tongban/errors';
import { scrubCitizenIds } from '@tongban/logging';
import { KafkaClient } from './messaging.kafka-client';
import { DEAD_LETTER_MIGRATIONS } from './messaging.migrations';

export interface DeadLetter {
  id: string;
  consumer: string;
  topic: string;
  partition: number;
  offset: string;
  eventId: string | null;
  eventType: string | null;
  errorCode: string;
  errorDetail: string;
  attempts: number;
  createdAt: string;
  replayedAt: string | null;
}

/** A dead letter with the original message (scrubbed of ID numbers), for the operators' item view. */
export interface DeadLetterDetail extends DeadLetter {
  messageKey: string | null;
  value: string | null;
  replayedBy: string | null;
}

interface DeadLetterRow {
  id: string;
  consumer: string;
  topic: string;
  partition: number;
  offset: string;
  message_key: string | null;
  headers: Record<string, string>;
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

const toDeadLetter = (r: DeadLetterRow): DeadLetter => ({
  id: r.id,
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
});

export interface DeadLetterQuery {
  state: 'open' | 'replayed' | 'all';
  consumer?: string;
  limit: number;
  /** id of the last item of the previous page */
  after?: string;
}

/** The dead-letter queue (view in migrations-central/0002_operator_views.sql); pages come from DeadLetterService.detail. */
export const DEAD_LETTER_OPERATOR_READS: OperatorReads = {
  schema: DEAD_LETTER_MIGRATIONS.schema,
  queues: [{ id: 'dead-letters', label: '死信', group: '死信', kind: 'dead-letter', statutory: false }],
  itemKinds: [],
};

/**
 * The operators' view of dead letters and their replay. A replay puts the original message (key,
 * value, headers) back on its original topic; the consumer's inbox makes a replay of an event that
 * was in fact applied harmless.
 */
@Injectable()
export class DeadLetterService {
  constructor(
    private readonly db: Database,
    private readonly kafka: KafkaClient,
  ) {}

  async list(q: DeadLetterQuery): Promise<{ items: DeadLetter[]; next: string | null }> {
    const rows = await this.db.query<DeadLetterRow>(
      `SELECT * FROM messaging.dead_letters
        WHERE ($1 = 'all' OR ($1 = 'open') = (replayed_at IS NULL))
          AND ($2::text IS NULL OR consumer = $2) AND ($3::bigint IS NULL OR id > $3)
        ORDER BY id LIMIT $4`,
      [q.state, q.consumer ?? null, q.after ?? null, q.limit + 1],
    );
    const items = rows.slice(0, q.limit).map(toDeadLetter);
    return { items, next: rows.length > q.limit ? items[items.length - 1].id : null };
  }

  async get(id: string): Promise<DeadLetter> {
    const row = await this.db.one<DeadLetterRow>(`SELECT * FROM messaging.dead_letters WHERE id = $1`, [id]);
    if (!row) throw new DomainError(ErrorCode.NotFound, `no dead letter ${id}`);
    return toDeadLetter(row);
  }

  async detail(id: string): Promise<DeadLetterDetail | undefined> {
    if (!/^[0-9]{1,18}$/.test(id)) return undefined;
    const row = await this.db.one<DeadLetterRow>(`SELECT * FROM messaging.dead_letters WHERE id = $1`, [id]);
    return (
      row && {
        ...toDeadLetter(row),
        messageKey: row.message_key,
        value: row.value === null ? null : scrubCitizenIds(row.value).slice(0, 2000),
        replayedBy: row.replayed_by,
      }
    );
  }

  /** Open dead letters per consumer group, for the Kafka health view and its gauge. */
  async openByConsumer(): Promise<Array<{ consumer: string; open: number; oldestAt: Date | null }>> {
    const rows = await this.db.query<{ consumer: string; open: string; oldest_at: Date | null }>(
      `SELECT consumer, count(*) AS open, min(created_at) AS oldest_at FROM messaging.dead_letters WHERE replayed_at IS NULL GROUP BY consumer ORDER BY consumer`,
    );
    return rows.map((r) => ({ consumer: r.consumer, open: Number(r.open), oldestAt: r.oldest_at }));
  }

  async replay(id: string, actor: string): Promise<DeadLetter> {
    const producer = await this.kafka.producer();
    return this.db.tx(async () => {
      const row = await this.db.one<DeadLetterRow>(`SELECT * FROM messaging.dead_letters WHERE id = $1 FOR UPDATE`, [id]);
      if (!row) throw new DomainError(ErrorCode.NotFound, `no dead letter ${id}`);
      if (row.replayed_at) throw new DomainError(ErrorCode.InvalidTransition, `dead letter ${id} was already replayed`);
      await producer.send({ topic: row.topic, acks: -1, messages: [{ key: row.message_key, value: row.value, headers: row.headers }] });
      const updated = await this.db.one<DeadLetterRow>(
        `UPDATE messaging.dead_letters SET replayed_at = now(), replayed_by = $2 WHERE id = $1 RETURNING *`,
        [id, actor],
      );
      return toDeadLetter(updated!);
    });
  }

  async replayAll(actor: string, consumer?: string): Promise<{ replayed: number }> {
    const open = await this.db.query<{ id: string }>(
      `SELECT id FROM messaging.dead_letters WHERE replayed_at IS NULL AND ($1::text IS NULL OR consumer = $1) ORDER BY id`,
      [consumer ?? null],
    );
    for (const { id } of open) await this.replay(id, actor);
    return { replayed: open.length };
  }
}
