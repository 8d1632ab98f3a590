import { Logger } from '@nestjs/common';
import type { Notification, PoolClient } from 'pg';
import type { Message as KafkaMessage, RecordMetadata, TopicMessages } from 'kafkajs';
import { Database } from '@tongban/database';
import { metrics } from '@tongban/metrics';
import { chosenPartitions, KafkaClient } from './messaging.kafka-client';
import { deliveryTopic } from './messaging.topics';
import { EventType, topicOf } from './messaging.event-types';
import { toKafkaHeaders } from './messaging.cloud-event';
import { outboxWakePayload } from './messaging.outbox-writer';

interface OutboxRow {
  seq: string;
  event_id: string;
  event_type: EventType;
  subject: string;
  source: string;
  recipients: string[];
  payload: unknown;
  traceparent: string | null;
  occurred_at: Date;
}

/** Below the broker's default message.max.bytes (1 MiB) with room for the batch's own framing. */
export const MAX_TOPIC_BYTES = 900 * 1024;

export interface RelayOptions {
  batchSize: number;
  /** bytes of records per topic in one batch (MAX_TOPIC_BYTES unless set) */
  maxTopicBytes?: number;
  pollMs: number;
  /**
   * Wake at once only for rows this process's OutboxWriter committed (its id); rows other processes
   * wrote are reached by polling every pollMs. Unset: woken by every commit to the schema's outbox.
   */
  writerId?: string;
  /** test hook: runs after Kafka acknowledged a batch, before the rows are marked published */
  afterPublish?: (eventIds: string[]) => Promise<void>;
}

/** Kafka messages for one outbox row: the domain topic, plus one copy per addressed province. */
export function messagesFor(row: OutboxRow, topicName: (base: string) => string = (t) => t): TopicMessages[] {
  const message: KafkaMessage = {
    key: row.subject,
    value: JSON.stringify(row.payload),
    headers: toKafkaHeaders({
      id: row.event_id,
      source: row.source,
      type: row.event_type,
      subject: row.subject,
      time: row.occurred_at.toISOString(),
      dataschema: `urn:tongban:event-schema:${row.event_type}`,
      recipients: row.recipients,
      traceparent: row.traceparent ?? undefined,
    }),
  };
  const topics = [topicOf(row.event_type), ...new Set(row.recipients.map(deliveryTopic))];
  return topics.map((topic) => ({ topic: topicName(topic), messages: [message] }));
}

/**
 * The broker refuses a record batch above message.max.bytes (1 MiB by default) for one partition, and a
 * refused batch would be retried forever. Keys of one person go to one partition, so the only bound
 * that always holds is per topic: the longest prefix of rows whose records stay within `maxTopicBytes`
 * on every topic (at least one row, so an oversized event fails loudly instead of being skipped).
 */
export function withinTopicBytes<R>(
  rows: R[],
  messagesOf: (row: R) => TopicMessages[],
  maxTopicBytes: number,
): { rows: R[]; groups: TopicMessages[] } {
  const bytes = new Map<string, number>();
  const groups: TopicMessages[] = [];
  const sized = new Map<KafkaMessage, number>(); // a row's one message stands in each of its topics: size it once
  const sizeOf = (m: KafkaMessage): number => sized.get(m) ?? sized.set(m, recordBytes(m)).get(m)!;
  let taken = 0;
  for (const row of rows) {
    const own = messagesOf(row);
    const sizes = own.map((g) => [g.topic, g.messages.reduce((n, m) => n + sizeOf(m), 0)] as const);
    if (taken > 0 && sizes.some(([topic, n]) => (bytes.get(topic) ?? 0) + n > maxTopicBytes)) break;
    for (const [topic, n] of sizes) bytes.set(topic, (bytes.get(topic) ?? 0) + n);
    groups.push(...own);
    taken++;
  }
  return { rows: rows.slice(0, taken), groups: merge(groups) };
}

/** Key, value and headers, plus a per-record allowance for the record's framing. */
function recordBytes(m: KafkaMessage): number {
  const len = (v: unknown): number => (v === null || v === undefined ? 0 : Buffer.isBuffer(v) ? v.length : Buffer.byteLength(String(v)));
  let n = 64 + len(m.key) + len(m.value);
  for (const [k, v] of Object.entries(m.headers ?? {})) n += Buffer.byteLength(k) + len(v);
  return n;
}

function merge(groups: TopicMessages[]): TopicMessages[] {
  const byTopic = new Map<string, KafkaMessage[]>();
  for (const g of groups) {
    const messages = byTopic.get(g.topic);
    if (messages) messages.push(...g.messages);
    else byTopic.set(g.topic, [...g.messages]);
  }
  return [...byTopic].map(([topic, messages]) => ({ topic, messages }));
}

/**
 * kafkajs' sendBatch can resolve although part of a batch was never sent: when a produce request to
 * one broker fails (a broker died) and, on its internal retry, the failed partitions' new leader is a
 * broker that had already answered for other partitions, kafkajs skips that broker (it keeps one
 * response per broker) and reports success. So every (topic, partition) the batch was split into must
 * be acknowledged; otherwise the batch fails, rolls back and is published again (consumers de-duplicate).
 */
export function assertAcknowledged(groups: TopicMessages[], acks: RecordMetadata[]): void {
  const acked = new Set(acks.map((a) => `${a.topicName}/${a.partition}`));
  for (const g of groups) {
    for (const m of g.messages) {
      const partition = chosenPartitions.get(m)?.get(g.topic);
      if (partition === undefined || !acked.has(`${g.topic}/${partition}`)) {
        throw new Error(`Kafka did not acknowledge ${g.topic}/${partition ?? '?'} of the batch; it will be published again`);
      }
    }
  }
}

/**
 * Publishes one schema's outbox in commit order. One batch at a time cluster-wide (a transaction
 * advisory lock) keeps per-key order when several instances run; FOR UPDATE SKIP LOCKED keeps two
 * relays from ever taking the same rows. The process that wrote a row is woken at its commit, the
 * other relays of the schema only poll: an event is normally published by the process that wrote it,
 * and another process takes it only when that one is down or behind. A crash after Kafka's ack but before the UPDATE republishes
 * the batch: consumers de-duplicate by event id (inbox), so the effect stays exactly once.
 */
export class OutboxRelay {
  private stopping = false;
  /** the last batch left rows behind (full, or cut at the byte bound): go on without waiting */
  private moreWaiting = false;
  private running: Promise<void> | undefined;
  private listener: PoolClient | undefined;
  private wake: (() => void) | undefined;
  /** woken while a batch ran: go on without waiting */
  private notified = false;
  private readonly logger: Logger;

  constructor(
    private readonly db: Database,
    private readonly kafka: KafkaClient,
    readonly schema: string,
    private readonly options: RelayOptions,
  ) {
    this.logger = new Logger(`outbox-relay:${schema}`);
  }

  /** Publishes the next batch; resolves to the number of events published (0: nothing was waiting). */
  async publishBatch(): Promise<number> {
    const producer = await this.kafka.producer();
    return this.db.tx(async () => {
      const lock = await this.db.one<{ ok: boolean }>(`SELECT pg_try_advisory_xact_lock(hashtext($1)) AS ok`, [`outbox:${this.schema}`]);
      if (!lock?.ok) return 0;
      const selected = await this.db.query<OutboxRow>(
        `SELECT seq, event_id, event_type, subject, source, recipients, payload, traceparent, occurred_at
           FROM ${this.schema}.outbox WHERE published_at IS NULL ORDER BY seq LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [this.options.batchSize],
      );
      if (selected.length === 0) return 0;
      // rows left out stay unpublished (and unlocked at commit) for the next batch, in order
      const { rows, groups } = withinTopicBytes(
        selected,
        (r) => messagesFor(r, (t) => this.kafka.topic(t)),
        this.options.maxTopicBytes ?? MAX_TOPIC_BYTES,
      );
      assertAcknowledged(groups, await producer.sendBatch({ topicMessages: groups, acks: -1 }));
      await this.options.afterPublish?.(rows.map((r) => r.event_id));
      await this.db.query(`UPDATE ${this.schema}.outbox SET published_at = now() WHERE seq = ANY($1::bigint[])`, [rows.map((r) => r.seq)]);
      const m = metrics();
      for (const r of rows) {
        m.eventsProduced.inc({ type: r.event_type });
        m.relayDelay.observe({ schema: this.schema }, (Date.now() - r.occurred_at.getTime()) / 1000);
      }
      this.moreWaiting = rows.length < selected.length || selected.length === this.options.batchSize;
      return rows.length;
    });
  }

  async backlog(): Promise<number> {
    const row = await this.db.one<{ n: string }>(`SELECT count(*) AS n FROM ${this.schema}.outbox WHERE published_at IS NULL`);
    return Number(row?.n ?? 0);
  }

  async start(): Promise<void> {
    this.stopping = false;
    await this.listen();
    this.running = this.loop();
  }

  /**
   * LISTEN on a dedicated connection. When that connection is lost (a database restart) the relay
   * falls back to polling and the loop listens again once the database is back.
   */
  private async listen(): Promise<void> {
    const client = await this.db.dedicated();
    let broken = false;
    client.on('notification', (n: Notification) => {
      if (!this.wakesFor(n.payload)) return;
      this.notified = true;
      this.wake?.();
    });
    client.on('error', () => {
      if (broken) return;
      broken = true;
      if (this.listener === client) this.listener = undefined;
      client.release(true);
    });
    try {
      await client.query('LISTEN tongban_outbox');
    } catch (error) {
      if (!broken) {
        broken = true;
        client.release(true);
      }
      throw error;
    }
    if (!broken) this.listener = client;
  }

  private wakesFor(payload: string | undefined): boolean {
    if (this.options.writerId !== undefined) return payload === outboxWakePayload(this.schema, this.options.writerId);
    return payload !== undefined && payload.startsWith(`${this.schema}:`);
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      if (!this.listener) await this.listen().catch(() => undefined);
      this.moreWaiting = false;
      this.notified = false;
      try {
        await this.publishBatch();
      } catch (error) {
        this.logger.warn({ err: error }, 'outbox batch failed; will retry');
      }
      if (!this.moreWaiting && !this.notified && !this.stopping) await this.idle();
    }
  }

  private idle(): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, this.options.pollMs);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.running;
    if (this.listener) {
      await this.listener.query('UNLISTEN tongban_outbox').catch(() => undefined);
      this.listener.release();
      this.listener = undefined;
    }
  }
}
