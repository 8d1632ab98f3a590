import { setTimeout as sleep } from 'node:timers/promises';
import { Logger } from '@nestjs/common';
import type { Notification, PoolClient } from 'pg';
import type { Message as KafkaMessage, Producer, RecordMetadata, TopicMessages } from 'kafkajs';
import { Database } from '@tongban/database';
import { metrics } from '@tongban/metrics';
import { chosenPartitions, KafkaClient } from './messaging.kafka-client';
import { RELAY_POSITIONS, relayId } from './messaging.topics';
import { EventType, topicOf } from './messaging.event-types';
import { dataschemaOf, toInternalKafkaHeaders, toKafkaHeaders } from './messaging.cloud-event';
import { topicsFor } from './messaging.consumer-groups';
import { outboxWakePayload } from './messaging.outbox-writer';
import { decodeSeqs, encodeSeqs, withinPositionBytes } from './messaging.relay-position';

export interface OutboxRow {
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

/** kafkajs sends each partition's `metadata` in TxnOffsetCommit, but its types leave it out. */
interface OffsetsWithMetadata {
  consumerGroupId: string;
  topics: Array<{ topic: string; partitions: Array<{ partition: number; offset: string; metadata: string }> }>;
}

/** Below the broker's default message.max.bytes (1 MiB) with room for the batch's own framing. */
export const MAX_TOPIC_BYTES = 900 * 1024;

export interface RelayOptions {
  batchSize: number;
  /** bytes of records per topic in one batch (MAX_TOPIC_BYTES unless set) */
  maxTopicBytes?: number;
  pollMs: number;
  /**
   * after a commit woke it, the relay waits this long before reading, so the commits close behind it
   * share its Kafka transaction (each costs the broker ~13 requests with kafkajs); 0: read at once
   */
  lingerMs?: number;
  /** test hook: runs after the Kafka transaction committed, before the rows are marked published */
  afterPublish?: (eventIds: string[]) => Promise<void>;
  /** test hook: runs with the Kafka transaction open (records sent, position added), before its commit */
  beforeCommit?: (eventIds: string[]) => Promise<void>;
}

/**
 * Kafka messages for one outbox row: one copy per addressed province, on its delivery topic, with
 * every CloudEvents attribute (the agencies' contract); and a lean copy on the event type's domain
 * topic if an app consumes the type (CONSUMER_GROUPS), or if the event is addressed to no region
 * (its domain topic is then the one place it lands). Key and value are encoded once for all copies.
 */
export function messagesFor(row: OutboxRow, topicName: (base: string) => string = (t) => t): TopicMessages[] {
  const key = row.subject;
  const value = Buffer.from(JSON.stringify(row.payload));
  const time = row.occurred_at.toISOString();
  const traceparent = row.traceparent ?? undefined;
  const domain = topicOf(row.event_type);
  const copies: TopicMessages[] = [];
  let delivery: KafkaMessage | undefined;
  for (const topic of topicsFor(row.event_type, row.recipients)) {
    if (topic === domain) {
      const headers = toInternalKafkaHeaders({ id: row.event_id, source: row.source, type: row.event_type, time, traceparent });
      copies.push({ topic: topicName(topic), messages: [{ key, value, headers }] });
      continue;
    }
    delivery ??= {
      key,
      value,
      headers: toKafkaHeaders({
        id: row.event_id,
        source: row.source,
        type: row.event_type,
        subject: row.subject,
        time,
        dataschema: dataschemaOf(row.event_type),
        recipients: row.recipients,
        traceparent,
      }),
    };
    copies.push({ topic: topicName(topic), messages: [delivery] });
  }
  return copies;
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
 * kafkajs' sendBatch can resolve with a batch sent less or more than once per partition. Less: when a
 * produce request to one broker fails (a broker died) and, on its internal retry, the failed
 * partitions' new leader is a broker that had already answered for other partitions, kafkajs skips
 * that broker (it keeps one response per broker). More: when the retry follows a metadata refresh that
 * replaced its broker objects, brokers that had already answered are sent their part again (with new
 * sequence numbers, so the broker keeps both; found by `npm run chaos` on three brokers). So every
 * (topic, partition) the batch was split into must be acknowledged exactly once; otherwise the
 * transaction is aborted (read_committed consumers never see any of it) and the batch sent again.
 */
export function assertAcknowledged(groups: TopicMessages[], acks: RecordMetadata[]): void {
  const acked = new Map<string, number>();
  for (const a of acks) acked.set(`${a.topicName}/${a.partition}`, (acked.get(`${a.topicName}/${a.partition}`) ?? 0) + 1);
  for (const [tp, n] of acked)
    if (n > 1) throw new Error(`Kafka acknowledged ${tp} ${n} times: part of the batch was sent twice; it is aborted`);
  for (const g of groups) {
    const partitions = new Set<number | undefined>();
    for (const m of g.messages) partitions.add(chosenPartitions.get(m)?.get(g.topic));
    for (const partition of partitions)
      if (partition === undefined || !acked.has(`${g.topic}/${partition}`))
        throw new Error(`Kafka did not acknowledge ${g.topic}/${partition ?? '?'} of the batch; it will be published again`);
  }
}

/**
 * The brokers that answered a Produce request during one sendBatch, in order. When one broker's request
 * fails while another's is still in flight, kafkajs' retry starts before that request has answered,
 * finds no answer recorded for its broker and, once the first request succeeds, sends the same records
 * again with the next sequence numbers: the broker keeps both and kafkajs returns one acknowledgement
 * (the second overwrites the first), so `assertAcknowledged` cannot see it (found by `npm run chaos`:
 * one record twice at consecutive offsets of one committed transaction). A correct send has each
 * broker answer at most one Produce request; a broker that answered twice may hold a part twice, and
 * the transaction is aborted. (A refused request answered with an error counts too: aborting is safe.)
 */
export function assertAnsweredOnce(brokers: readonly string[]): void {
  const seen = new Set<string>();
  for (const broker of brokers) {
    if (seen.has(broker))
      throw new Error(`broker ${broker} answered two Produce requests for one batch: part of it may be there twice; it is aborted`);
    seen.add(broker);
  }
}

/** Is this (or what caused it) the transaction coordinator's CONCURRENT_TRANSACTIONS answer? */
const concurrentTransactions = (error: unknown): boolean => {
  for (let e = error as { type?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e)
    if (e.type === 'CONCURRENT_TRANSACTIONS') return true;
  return false;
};

/**
 * A transaction's first request is answered CONCURRENT_TRANSACTIONS while the coordinator still writes
 * the previous transaction's markers (a few ms). The relay's first request is its position (nothing
 * produced yet), so asking again is safe; left to kafkajs' produce retry, the same answer for one broker
 * would send another broker's part twice.
 */
async function afterPreviousTransaction<T>(request: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await request();
    } catch (error) {
      if (!concurrentTransactions(error) || attempt >= 200) throw error;
      await new Promise((r) => setTimeout(r, 5));
    }
  }
}

/**
 * Publishes one schema's outbox to Kafka exactly once, in commit order.
 *
 * One relay per schema is active cluster-wide: the one holding the schema's session advisory lock
 * (on its LISTEN connection; a process that dies loses it with its connection, and a standby takes
 * over within pollMs). Each batch is one Kafka transaction of the relay's stable transactional id:
 * the records, plus the relay's position (the batch's seqs, a transactional offset commit); only then
 * are the rows marked published. A relay that died anywhere in between is reconciled by its
 * successor: registering its producer fences the predecessor, aborts its open transaction
 * (read_committed consumers never see those records) and waits for a commit in flight; then the
 * committed position names the rows the last committed transaction published, which are marked
 * before anything is sent. So no event is published twice
 * and none is lost; consumers still de-duplicate by event id (inbox) for anyone reading uncommitted.
 */
export class OutboxRelay {
  private stopping = false;
  /** the last batch left rows behind (full, or cut at a bound): go on without waiting */
  private moreWaiting = false;
  private running: Promise<void> | undefined;
  /** LISTEN connection; while `leased`, it also holds the schema's relay lock */
  private listener: PoolClient | undefined;
  private leased = false;
  private closeListener: (() => void) | undefined;
  private producer: Producer | undefined;
  /** brokers that answered the current producer's Produce requests since the batch began */
  private produceAnswers: string[] = [];
  /** seqs a committed Kafka transaction published that the database has not recorded yet */
  private unmarked: string[] | undefined;
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

  /** Whether this relay is the schema's active one. */
  get active(): boolean {
    return this.leased;
  }

  /** Publishes the next batch; resolves to the number of events published (0: nothing waiting, or another relay is active). */
  async publishBatch(): Promise<number> {
    if (!(await this.lease())) return 0;
    const producer = (this.producer ??= await this.recover());
    // the previous transaction's rows are marked while the next batch is read (on another connection;
    // it leaves them out): this batch's transaction commits only after they are marked, so Kafka's
    // position, which names the last committed transaction's rows only, never has to cover two batches
    const previous = this.unmarked;
    const [selected] = await Promise.all([
      this.db.query<OutboxRow>(
        `SELECT seq, event_id, event_type, subject, source, recipients, payload, traceparent, occurred_at
           FROM ${this.schema}.outbox WHERE published_at IS NULL AND seq <> ALL($2::bigint[]) ORDER BY seq LIMIT $1`,
        [this.options.batchSize, previous ?? []],
      ),
      previous && this.markPublished(previous),
    ]);
    if (selected.length === 0) return 0;
    // rows left out stay unpublished for the next batch, in order
    const { rows, groups } = withinTopicBytes(
      withinPositionBytes(selected),
      (r) => messagesFor(r, (t) => this.kafka.topic(t)),
      this.options.maxTopicBytes ?? MAX_TOPIC_BYTES,
    );
    const seqs = rows.map((r) => r.seq);
    const eventIds = rows.map((r) => r.event_id);
    const tx = await producer.transaction();
    try {
      const position: OffsetsWithMetadata = {
        consumerGroupId: this.kafka.topic(relayId(this.schema)),
        topics: [
          {
            topic: this.kafka.topic(RELAY_POSITIONS.name),
            partitions: [{ partition: 0, offset: String(BigInt(seqs[seqs.length - 1]) + 1n), metadata: encodeSeqs(seqs.map(BigInt)) }],
          },
        ],
      };
      await afterPreviousTransaction(() => tx.sendOffsets(position as unknown as Parameters<typeof tx.sendOffsets>[0]));
      this.produceAnswers = [];
      const acks = await tx.sendBatch({ topicMessages: groups, acks: -1 });
      assertAnsweredOnce(this.produceAnswers);
      assertAcknowledged(groups, acks);
      await this.options.beforeCommit?.(eventIds);
    } catch (error) {
      // a fenced or broken producer never recovers: the next batch starts over from Kafka's position
      await tx.abort().catch(() => undefined);
      await this.dropProducer();
      throw error;
    }
    try {
      await tx.commit();
    } catch (error) {
      // committed or not, only the transaction coordinator knows: start over from Kafka's position
      await this.dropProducer();
      throw error;
    }
    this.unmarked = seqs;
    await this.options.afterPublish?.(eventIds);
    this.moreWaiting = rows.length < selected.length || selected.length === this.options.batchSize;
    // with more waiting, the next batch marks these while it reads; otherwise now
    if (!this.moreWaiting) await this.markPublished(seqs);
    const m = metrics();
    for (const r of rows) {
      m.eventsProduced.inc({ type: r.event_type });
      m.relayDelay.observe({ schema: this.schema }, (Date.now() - r.occurred_at.getTime()) / 1000);
    }
    return rows.length;
  }

  /**
   * Becomes the schema's active relay: a transactional producer of the schema's id (fencing any
   * predecessor), then the rows the last committed transaction published are marked published.
   */
  private async recover(): Promise<Producer> {
    const producer = await this.kafka.transactionalProducer(relayId(this.schema));
    producer.on(producer.events.REQUEST, ({ payload }) => {
      if (payload.apiName === 'Produce' && this.producer === producer) this.produceAnswers.push(payload.broker);
    });
    try {
      const admin = this.kafka.kafka.admin();
      await admin.connect();
      try {
        const [position] = await admin.fetchOffsets({
          groupId: this.kafka.topic(relayId(this.schema)),
          topics: [this.kafka.topic(RELAY_POSITIONS.name)],
        });
        const seqs = decodeSeqs(position?.partitions[0]?.metadata).map(String);
        const marked = seqs.length > 0 ? await this.markPublished(seqs) : 0;
        this.logger.log({ lastTransaction: seqs.length, markedNow: marked }, 'relay active: position read from Kafka');
      } finally {
        await admin.disconnect();
      }
      return producer;
    } catch (error) {
      await producer.disconnect().catch(() => undefined);
      throw error;
    }
  }

  private async markPublished(seqs: string[]): Promise<number> {
    const rows = await this.db.query<{ seq: string }>(
      `UPDATE ${this.schema}.outbox SET published_at = now() WHERE seq = ANY($1::bigint[]) AND published_at IS NULL RETURNING seq`,
      [seqs],
    );
    this.unmarked = undefined;
    return rows.length;
  }

  private async dropProducer(): Promise<void> {
    const producer = this.producer;
    this.producer = undefined;
    await producer?.disconnect().catch(() => undefined);
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

  /** Holds (or takes, when free) the schema's relay lock on the LISTEN connection. */
  private async lease(): Promise<boolean> {
    if (!this.listener) await this.listen();
    const client = this.listener;
    if (this.leased || !client) return this.leased;
    const row = await client.query<{ ok: boolean }>(`SELECT pg_try_advisory_lock(hashtext($1)) AS ok`, [relayId(this.schema)]);
    this.leased = row.rows[0]?.ok === true;
    return this.leased;
  }

  /**
   * LISTEN on a dedicated connection. When that connection is lost (a database restart) the relay
   * loses its lock with it: it stops publishing until it holds the lock again, and a new producer
   * starts from Kafka's position (another relay may have been active meanwhile).
   */
  private async listen(): Promise<void> {
    const client = await this.db.dedicated();
    let closed = false;
    // the connection carries session state (LISTEN, the lock) and this relay's handlers: closed, never pooled again
    const close = (): void => {
      if (closed) return;
      closed = true;
      if (this.listener === client) {
        this.listener = undefined;
        this.closeListener = undefined;
        this.leased = false;
        void this.dropProducer();
      }
      client.release(true);
    };
    client.on('notification', (n: Notification) => {
      if (!this.leased || n.payload !== outboxWakePayload(this.schema)) return;
      this.notified = true;
      this.wake?.();
    });
    client.on('error', close);
    try {
      await client.query('LISTEN tongban_outbox');
    } catch (error) {
      close();
      throw error;
    }
    if (!closed) {
      this.listener = client;
      this.closeListener = close;
    }
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      this.moreWaiting = false;
      this.notified = false;
      try {
        await this.publishBatch();
      } catch (error) {
        this.logger.warn({ err: error }, 'outbox batch failed; will retry');
      }
      if (!this.moreWaiting && !this.notified && !this.stopping) await this.idle();
      const linger = this.options.lingerMs ?? 0;
      if (linger > 0 && this.notified && !this.moreWaiting && !this.stopping) await sleep(linger);
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

  /** Stops after the batch in hand, gives up the producer and the lock (a standby takes over). */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.running;
    // the last transaction's rows, if left for a next batch (else the successor marks them from Kafka's position)
    if (this.unmarked && this.leased) await this.markPublished(this.unmarked).catch(() => undefined);
    await this.dropProducer();
    if (this.listener && this.leased)
      await this.listener.query(`SELECT pg_advisory_unlock(hashtext($1))`, [relayId(this.schema)]).catch(() => undefined);
    this.closeListener?.();
  }
}
