import { Injectable, Logger } from '@nestjs/common';
import { Admin, ICustomPartitioner, Kafka, logLevel, LogEntry, Message, Partitioners, Producer } from 'kafkajs';
import { AppConfig } from '@tongban/config';
import { TopicSpec } from './messaging.topics';

const LEVELS: Record<number, 'error' | 'warn' | 'log' | 'debug'> = {
  [logLevel.ERROR]: 'error',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'log',
  [logLevel.DEBUG]: 'debug',
};

/**
 * The partition chosen for a message, per topic it was sent to (the relay checks that every partition
 * of a batch was acknowledged). The choice is kafkajs' default partitioner's (Java's: murmur2 of the
 * key modulo the partition count), unchanged; the key's hash is computed once per message however
 * many topics it is copied to (kafkajs' own murmur2 runs on 64-bit Long objects, a tenth of a
 * relay's CPU), and unkeyed messages are left to kafkajs.
 */
export const chosenPartitions = new WeakMap<Message, Map<string, number>>();

const keyHashes = new WeakMap<Message, number>();

/** Kafka's murmur2 (org.apache.kafka.common.utils.Utils.murmur2) on 32-bit integers. */
export function murmur2(data: Buffer): number {
  const m = 0x5bd1e995;
  const length = data.length;
  let h = 0x9747b28c ^ length;
  const whole = length & ~3;
  for (let i = 0; i < whole; i += 4) {
    let k = data[i] | (data[i + 1] << 8) | (data[i + 2] << 16) | (data[i + 3] << 24);
    k = Math.imul(k, m);
    k ^= k >>> 24;
    k = Math.imul(k, m);
    h = Math.imul(h, m) ^ k;
  }
  // the tail bytes, as Java's fall-through switch takes them
  const tail = length & 3;
  if (tail === 3) h ^= data[whole + 2] << 16;
  if (tail >= 2) h ^= data[whole + 1] << 8;
  if (tail >= 1) {
    h ^= data[whole];
    h = Math.imul(h, m);
  }
  h ^= h >>> 13;
  h = Math.imul(h, m);
  h ^= h >>> 15;
  return h | 0;
}

export const recordingPartitioner: ICustomPartitioner = () => {
  const unkeyed = Partitioners.DefaultPartitioner();
  return (args) => {
    const { message } = args;
    let partition: number;
    if (message.partition !== null && message.partition !== undefined) partition = message.partition;
    else if (message.key !== null && message.key !== undefined) {
      let hash = keyHashes.get(message);
      if (hash === undefined) {
        hash = murmur2(Buffer.isBuffer(message.key) ? message.key : Buffer.from(String(message.key)));
        keyHashes.set(message, hash);
      }
      partition = (hash & 0x7fffffff) % args.partitionMetadata.length;
    } else partition = unkeyed(args);
    let byTopic = chosenPartitions.get(message);
    if (!byTopic) chosenPartitions.set(message, (byTopic = new Map()));
    byTopic.set(args.topic, partition);
    return partition;
  };
};

/** One kafkajs client per process: an idempotent producer for dead letters and replays, and one transactional producer per active relay. */
@Injectable()
export class KafkaClient {
  readonly kafka: Kafka;
  private producerReady: Promise<Producer> | undefined;
  private readonly logger = new Logger('kafkajs');

  constructor(private readonly config: AppConfig) {
    this.kafka = new Kafka({
      clientId: config.kafka.clientId,
      brokers: config.kafka.brokers,
      sasl: config.kafka.sasl && { mechanism: 'scram-sha-512', ...config.kafka.sasl },
      logLevel: logLevel.WARN,
      retry: { initialRetryTime: 200, retries: 8 },
      logCreator:
        () =>
        ({ level, log }: LogEntry) => {
          const { message, ...extra } = log;
          // Retries are bounded on purpose: a failed relay batch rolls back and is published again,
          // and consumers de-duplicate by event id, so this kafkajs caution does not apply to us.
          if (message.startsWith('Limiting retries for the idempotent producer')) return;
          // answered by asking again a few ms later (OutboxRelay), not an error
          if (
            `${message} ${String((extra as { error?: unknown }).error ?? '')}`.includes(
              'another concurrent operation on the same transaction',
            )
          )
            return;
          this.logger[LEVELS[level] ?? 'log']({ ...extra }, message);
        },
    });
  }

  /** Idempotent (acks=all, one request in flight): broker-side de-duplication and per-partition order. */
  producer(): Promise<Producer> {
    this.producerReady ??= (async () => {
      const producer = this.kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        allowAutoTopicCreation: false,
        createPartitioner: recordingPartitioner,
      });
      await producer.connect();
      return producer;
    })();
    return this.producerReady;
  }

  /**
   * A transactional producer of its own (a relay's), registered with the transaction coordinator under
   * `transactionalId` before it is returned: the coordinator fences any earlier producer of that id,
   * aborts its open transaction and answers only once that producer's last transaction is complete
   * (its offsets visible), so a restarted relay reads the position its predecessor left and can never
   * be overtaken by it. kafkajs registers the id at a producer's first transaction, not when it
   * connects: an empty one (no request but the registration) does it now. Left to the first batch, a
   * predecessor's commit could land between the successor reading the position and its first batch,
   * whose rows it would then send again (found by `npm run chaos`).
   */
  async transactionalProducer(transactionalId: string): Promise<Producer> {
    const producer = this.kafka.producer({
      transactionalId: this.topic(transactionalId),
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      transactionTimeout: 60000,
      createPartitioner: recordingPartitioner,
      // few internal retries: a failed send aborts the transaction and the relay sends the batch again
      retry: { initialRetryTime: 50, retries: 2 },
    });
    await producer.connect();
    try {
      await (await producer.transaction()).abort();
    } catch (error) {
      await producer.disconnect().catch(() => undefined);
      throw error;
    }
    return producer;
  }

  /** Topic and group names with the deployment's namespace (KAFKA_NAMESPACE; empty in production). */
  topic(name: string): string {
    return this.config.kafka.namespace + name;
  }

  ensureTopics(topics: TopicSpec[]): Promise<string[]> {
    return ensureTopics(this.kafka, topics, this.config.kafka.replicationFactor, this.config.kafka.namespace);
  }

  async disconnect(): Promise<void> {
    if (!this.producerReady) return;
    const producer = await this.producerReady.catch(() => undefined);
    this.producerReady = undefined;
    await producer?.disconnect();
  }
}

/** Creates the missing topics with their partition counts (brokers run with auto-creation off). */
export async function ensureTopics(kafka: Kafka, specs: TopicSpec[], replicationFactor: number, namespace = ''): Promise<string[]> {
  const topics = specs.map((t) => ({ ...t, name: namespace + t.name }));
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((t) => !existing.has(t.name));
    if (missing.length > 0) {
      try {
        await admin.createTopics({
          waitForLeaders: true,
          topics: missing.map((t) => ({
            topic: t.name,
            numPartitions: t.partitions,
            replicationFactor,
            configEntries: replicationFactor > 1 ? [{ name: 'min.insync.replicas', value: '2' }] : [],
          })),
        });
      } catch (error) {
        // On a multi-broker cluster the controller may answer kafkajs' leader wait before it has the new
        // topics' metadata (UNKNOWN_TOPIC_OR_PARTITION, which kafkajs does not retry): the topics were
        // created, so wait for their leaders here.
        if ((error as { type?: string }).type !== 'UNKNOWN_TOPIC_OR_PARTITION') throw error;
        await waitForLeaders(
          admin,
          missing.map((t) => t.name),
        );
      }
    }
    return missing.map((t) => t.name);
  } finally {
    await admin.disconnect();
  }
}

async function waitForLeaders(admin: Admin, topics: string[], timeoutMs = 30000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const { topics: meta } = await admin.fetchTopicMetadata({ topics });
      if (meta.length === topics.length && meta.every((t) => t.partitions.length > 0 && t.partitions.every((p) => p.leader >= 0))) return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
    if (Date.now() > deadline) throw new Error(`Kafka topics without leaders after ${timeoutMs} ms: ${topics.slice(0, 3).join(', ')}…`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
