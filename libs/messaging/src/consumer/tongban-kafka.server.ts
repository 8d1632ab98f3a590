import { setTimeout as sleep } from 'node:timers/promises';
import { CustomTransportStrategy, Server } from '@nestjs/microservices';
import { Consumer, EachBatchPayload, IHeaders, KafkaMessage } from 'kafkajs';
import { isObservable, lastValueFrom } from 'rxjs';
import { Database } from '@tongban/database';
import { ErrorCode } from '@tongban/errors';
import { scrubCitizenIds } from '@tongban/logging';
import { metrics } from '@tongban/metrics';
import { KafkaClient } from '../messaging.kafka-client';
import { EventValidator } from '../messaging.event-validator';
import { CloudEvent, CloudEventDecodeError, fromKafkaMessage } from '../messaging.cloud-event';
import { isEventType, topicOf } from '../messaging.event-types';
import { deadLetterTopic } from '../messaging.topics';
import { classifyFailure } from './failure.classifier';
import { EventContext } from './event.context';

export interface ConsumerOptions {
  groupId: string;
  topics: readonly string[];
  /**
   * the event types this group is declared to handle (CONSUMER_GROUPS): its handlers must be exactly
   * these, since the relays write to the domain topics only the types some group declares
   */
  eventTypes?: readonly string[];
  /** schema whose inbox table records processed events (the schema the effects are written to) */
  inboxSchema: string;
  maxAttempts: number;
  backoffMs: number;
  fromBeginning?: boolean;
}

/**
 * Offsets are committed once 100 messages of a partition are stored, or otherwise within a second.
 * A commit is a write to the broker's offsets log: one per batch cost the broker more than the
 * fetches did at low rates (batches of one or two records). A restart may see up to a second of
 * events again; the inbox makes their second delivery a no-op.
 */
const COMMIT_EVERY = 100;
const COMMIT_WITHIN_MS = 1000;

function headersAsStrings(headers: IHeaders | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers ?? {})) {
    const first = Array.isArray(v) ? v[0] : v;
    if (first !== undefined) out[k] = first.toString();
  }
  return out;
}

/** The message's CloudEvents type as its header names it (binary mode), before anything is decoded. */
function typeHeader(headers: IHeaders | undefined): string | undefined {
  const raw = headers?.ce_type;
  const first = Array.isArray(raw) ? raw[0] : raw;
  return first?.toString();
}

/**
 * A NestJS transport for our Kafka contract: CloudEvents in binary mode, dispatched to
 * @EventPattern(<ce_type>) handlers. Each handler runs in one transaction with the inbox insert,
 * so a redelivered event has no second effect; offsets are committed (offset+1) only after the
 * effect or the dead letter is stored. Failures get bounded retries with backoff, then go to the
 * group's dead-letter topic, and the partition keeps flowing. The handler is found from the
 * `ce_type` header before anything is decoded or validated: a type this group does not handle is
 * committed and skipped at the cost of one map lookup. A subscription to a topic carrying no type the
 * app handles is refused at start.
 */
export class TongbanKafkaServer extends Server implements CustomTransportStrategy {
  private consumer: Consumer | undefined;
  /** next offset to commit per `topic:partition`, its effects stored */
  private readonly uncommitted = new Map<string, { topic: string; partition: number; offset: string }>();
  private commitTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: Database,
    private readonly kafka: KafkaClient,
    private readonly validator: EventValidator,
    private readonly options: ConsumerOptions,
  ) {
    super();
  }

  private joinedGroup: Promise<void> | undefined;

  /**
   * Connects and subscribes, then joins the group in the background: HTTP and the relays do not wait
   * for a rebalance (after a crash the dead member holds its partitions until its session times out).
   */
  async listen(callback: (error?: unknown) => void): Promise<void> {
    try {
      this.assertEveryTopicHandled();
      this.initialiseCounters();
      const consumer = (this.consumer = this.kafka.kafka.consumer({
        groupId: this.kafka.topic(this.options.groupId),
        allowAutoTopicCreation: false,
        // agencies and our consumers read committed records only: a relay's aborted transaction is never seen
        readUncommitted: false,
        // a member that died is noticed within 10 s; a clean shutdown leaves the group at once (disconnect)
        sessionTimeout: 10000,
        heartbeatInterval: 2000,
        rebalanceTimeout: 20000,
        // short fetch waits keep shutdown and rebalances quick; fetches still return as soon as data arrives
        maxWaitTimeInMs: 1000,
      }));
      await consumer.connect();
      await consumer.subscribe({
        topics: this.options.topics.map((t) => this.kafka.topic(t)),
        fromBeginning: this.options.fromBeginning ?? true,
      });
      // positions stored under an earlier assignment may belong to another member now: a late commit of
      // them would move its committed offset back (harmless with the inbox, but work done twice)
      consumer.on(consumer.events.GROUP_JOIN, () => this.uncommitted.clear());
      this.joinedGroup = new Promise<void>((resolve) => {
        const off = consumer.on(consumer.events.GROUP_JOIN, () => {
          off();
          resolve();
        });
      });
      consumer
        .run({
          autoCommit: false,
          eachBatchAutoResolve: false,
          partitionsConsumedConcurrently: 3,
          eachBatch: (p) => this.eachBatch(p),
        })
        .catch((error: unknown) => this.logger.error(`consumer group ${this.options.groupId} could not start: ${String(error)}`));
      callback();
    } catch (error) {
      callback(error);
    }
  }

  /** Resolves once the consumer joined its group (tests that need partitions assigned wait for it). */
  joined(): Promise<void> {
    return this.joinedGroup ?? Promise.reject(new Error('the consumer is not listening'));
  }

  /**
   * Every counter of this group at 0 for its known labels (handled types, failure codes), so rates,
   * increase() and the dead-letter alert have a series before the first event or failure.
   */
  private initialiseCounters(): void {
    const m = metrics();
    const group = this.options.groupId;
    for (const type of [...this.getHandlers().keys()].filter(isEventType)) {
      for (const outcome of ['applied', 'duplicate']) m.eventsConsumed.inc({ group, type, outcome }, 0);
      m.consumerRetries.inc({ group, type }, 0);
    }
    for (const code of Object.values(ErrorCode)) m.deadLetters.inc({ group, code }, 0);
  }

  /**
   * No subscription without a handler: every subscribed topic carries at least one event type handled
   * here. A declared group's handlers are its declared types, no more (a type left out would never
   * reach the domain topic) and no fewer.
   */
  private assertEveryTopicHandled(): void {
    const types = [...this.getHandlers().keys()].filter(isEventType);
    const declared = this.options.eventTypes;
    if (declared) {
      const undeclared = types.filter((t) => !declared.includes(t));
      const unhandled = declared.filter((t) => !types.includes(t as never));
      if (undeclared.length > 0 || unhandled.length > 0)
        throw new Error(
          `consumer group ${this.options.groupId} handles ${undeclared.join(', ') || 'nothing'} beyond its declared event types and misses ${unhandled.join(', ') || 'none'} of them (CONSUMER_GROUPS)`,
        );
    }
    const handled = new Set(types.map(topicOf));
    const idle = this.options.topics.filter((t) => !handled.has(t));
    if (idle.length > 0)
      throw new Error(`consumer group ${this.options.groupId} subscribes to ${idle.join(', ')} but handles no event type of it`);
  }

  private async eachBatch({ batch, resolveOffset, heartbeat, isRunning, isStale }: EachBatchPayload): Promise<void> {
    const { topic, partition } = batch;
    let sinceCommit = 0;
    for (const message of batch.messages) {
      if (!isRunning() || isStale()) break;
      await this.process(topic, partition, message);
      resolveOffset(message.offset);
      this.uncommitted.set(`${topic}:${partition}`, { topic, partition, offset: (BigInt(message.offset) + 1n).toString() });
      if (++sinceCommit >= COMMIT_EVERY) {
        await this.commitStored();
        sinceCommit = 0;
      }
      await heartbeat();
    }
    this.commitTimer ??= setTimeout(() => {
      this.commitTimer = undefined;
      this.commitStored().catch((error: unknown) =>
        // a commit refused during a rebalance: the partition's next owner sees those events again (inbox: no-op)
        this.logger.warn?.(`consumer group ${this.options.groupId}: offset commit failed: ${String(error)}`),
      );
    }, COMMIT_WITHIN_MS).unref(); // a pending commit never keeps a stopping process alive
  }

  /** Commits every partition's stored position in one request. */
  private async commitStored(): Promise<void> {
    if (this.uncommitted.size === 0 || !this.consumer) return;
    const offsets = [...this.uncommitted.values()];
    this.uncommitted.clear();
    await this.consumer.commitOffsets(offsets);
  }

  private async process(topic: string, partition: number, message: KafkaMessage): Promise<void> {
    const type = typeHeader(message.headers);
    if (type === undefined)
      return this.deadLetter(topic, partition, message, new CloudEventDecodeError('missing header ce_type'), 1, undefined);
    const handler = this.getHandlerByPattern(type);
    if (!handler) {
      // another group's event on a shared topic: not decoded, not validated; its offset is committed with the batch
      metrics().eventsConsumed.inc({ group: this.options.groupId, type: isEventType(type) ? type : 'unknown', outcome: 'skipped' });
      return;
    }
    let event: CloudEvent;
    try {
      event = fromKafkaMessage(message.headers, message.value, message.key);
      this.validator.validate(event.type, event.data);
    } catch (error) {
      return this.deadLetter(topic, partition, message, error, 1, undefined);
    }
    for (let attempt = 1; ; attempt++) {
      try {
        await this.db.tx(async () => {
          const fresh = await this.db.one(
            `INSERT INTO ${this.options.inboxSchema}.inbox (consumer, event_id, event_type, source_topic, source_partition, source_offset)
             VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING 1 AS fresh`,
            [this.options.groupId, event.id, event.type, topic, partition, message.offset],
          );
          if (!fresh) {
            metrics().eventsConsumed.inc({ group: this.options.groupId, type: event.type, outcome: 'duplicate' });
            return; // processed before: the effect is already stored
          }
          const ctx = new EventContext([event, { consumer: this.options.groupId, topic, partition, offset: message.offset, attempt }]);
          const result: unknown = await handler(event, ctx);
          if (isObservable(result)) await lastValueFrom(result, { defaultValue: undefined });
          metrics().eventsConsumed.inc({ group: this.options.groupId, type: event.type, outcome: 'applied' });
        });
        return;
      } catch (error) {
        const { outcome } = classifyFailure(error);
        if (outcome === 'dead-letter' || attempt >= this.options.maxAttempts) {
          return this.deadLetter(topic, partition, message, error, attempt, event);
        }
        metrics().consumerRetries.inc({ group: this.options.groupId, type: event.type });
        this.logger.warn?.(`event ${event.id} (${event.type}) failed on attempt ${attempt}; retrying`);
        await sleep(this.options.backoffMs * 2 ** (attempt - 1));
      }
    }
  }

  private async deadLetter(
    topic: string,
    partition: number,
    message: KafkaMessage,
    error: unknown,
    attempts: number,
    event: CloudEvent | undefined,
  ): Promise<void> {
    const { code } = classifyFailure(error);
    const detail = scrubCitizenIds(error instanceof Error ? error.message : String(error)).slice(0, 2000);
    const headers = headersAsStrings(message.headers);
    const producer = await this.kafka.producer();
    await this.db.tx(async () => {
      const row = await this.db.one<{ id: string }>(
        `INSERT INTO messaging.dead_letters (consumer, topic, partition, "offset", message_key, headers, value, event_id, event_type, error_code, error_detail, attempts)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
         ON CONFLICT (consumer, topic, partition, "offset") DO NOTHING RETURNING id`,
        [
          this.options.groupId,
          topic,
          partition,
          message.offset,
          message.key?.toString() ?? null,
          JSON.stringify(headers),
          message.value?.toString('utf8') ?? null,
          event?.id ?? headers.ce_id ?? null,
          event?.type ?? headers.ce_type ?? null,
          code,
          detail,
          attempts,
        ],
      );
      if (!row) return; // dead-lettered on an earlier delivery
      metrics().deadLetters.inc({ group: this.options.groupId, code });
      await producer.send({
        topic: this.kafka.topic(deadLetterTopic(this.options.groupId)),
        acks: -1,
        messages: [
          {
            key: message.key,
            value: message.value,
            headers: {
              ...headers,
              tongban_dlq_id: row.id,
              tongban_dlq_error_code: code,
              tongban_dlq_error: detail,
              tongban_dlq_attempts: String(attempts),
              tongban_dlq_topic: topic,
              tongban_dlq_partition: String(partition),
              tongban_dlq_offset: message.offset,
            },
          },
        ],
      });
    });
    this.logger.warn?.(`dead-lettered ${topic}/${partition}@${message.offset} after ${attempts} attempt(s): ${code}`);
  }

  on(): void {
    throw new Error('TongbanKafkaServer does not emit events');
  }

  unwrap<T>(): T {
    return this.consumer as T;
  }

  async close(): Promise<void> {
    clearTimeout(this.commitTimer);
    this.commitTimer = undefined;
    await this.commitStored().catch(() => undefined); // best effort: what is not committed comes again (inbox: no-op)
    const consumer = this.consumer;
    this.consumer = undefined;
    await consumer?.disconnect();
  }
}
