import { Injectable } from '@nestjs/common';
import { Database } from '@tongban/database';
import { DeadLetterService } from '@tongban/messaging';
import { countsOf, pageOf, RawCounts, RawQueueRow, toCounts, toQueueRow } from './ops.sql';
import { ItemFacts, ItemKind, OpsSource, QueueCounts, QueueDef, QueueRow } from './ops.types';

const ROWS = `
  SELECT id::text AS id, coalesce(event_type, '(undecodable message)') || ' · ' || error_code AS title, message_key AS subject_ref,
         ARRAY[]::text[] AS regions, consumer AS status, created_at AS waiting_since,
         NULL::text AS started_on, NULL::text AS due_on, NULL::int AS statutory_working_days, false AS overdue, false AS escalated
    FROM messaging.dead_letters WHERE replayed_at IS NULL`;

/** 死信: messages a consumer gave up on, until an operator replays them. */
@Injectable()
export class DeadLetterQueueRepository implements OpsSource {
  readonly requires = ['messaging.dead_letters'];
  readonly queues: QueueDef[] = [{ id: 'dead-letters', label: '死信', group: '死信', kind: 'dead-letter', statutory: false }];
  readonly kinds: ItemKind[] = ['dead-letter'];

  constructor(
    private readonly db: Database,
    private readonly deadLetters: DeadLetterService,
  ) {}

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
    const d = await this.deadLetters.detail(id);
    if (!d) return undefined;
    const { id: _id, messageKey, ...facts } = d;
    return {
      kind: 'dead-letter',
      id: d.id,
      title: `${d.eventType ?? '(undecodable message)'} · ${d.errorCode}`,
      subjectRef: messageKey,
      status: d.replayedAt ? 'replayed' : 'open',
      decidable: d.replayedAt === null,
      facts,
      history: d.eventId ? [{ schema: '*', eventId: d.eventId }] : [],
      auditPaths: [`/v1/ops/dead-letters/${d.id}`, `/v1/ops/items/dead-letter/${d.id}`],
    };
  }
}
