import { randomBytes } from 'node:crypto';
import { Kafka, KafkaMessage, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { Database } from '@tongban/database';
import { AppSpec, RunningApp, startApp } from '@tongban/http';
import { allTopics, ensureTopics } from '@tongban/messaging';
import { provinces } from '@tongban/regions';

export interface Collected {
  topic: string;
  partition: number;
  message: KafkaMessage;
}

function requireInfra(): { databaseUrl: string; brokers: string } {
  const databaseUrl = process.env.DATABASE_URL;
  const brokers = process.env.KAFKA_BROKERS;
  if (!databaseUrl || !brokers)
    throw new Error('integration tests need the real infrastructure: global setup did not provide DATABASE_URL and KAFKA_BROKERS');
  return { databaseUrl, brokers };
}

/**
 * One integration suite's isolated world on the shared real infrastructure: its own database, and
 * its own Kafka namespace (topics and consumer groups), so suites never see each other's data.
 */
export class Suite {
  private readonly apps: RunningApp[] = [];
  private readonly consumers: Array<{ disconnect: () => Promise<void> }> = [];
  readonly kafka: Kafka;
  readonly db: Database;

  private constructor(
    readonly name: string,
    readonly databaseUrl: string,
    readonly namespace: string,
    brokers: string,
  ) {
    this.kafka = new Kafka({ clientId: `test-${name}`, brokers: brokers.split(','), logLevel: logLevel.NOTHING });
    this.db = Database.connect(databaseUrl, 5);
  }

  static async create(name: string): Promise<Suite> {
    const infra = requireInfra();
    const tag = `${name.replace(/[^a-z0-9]/g, '_')}_${randomBytes(3).toString('hex')}`;
    const admin = new Client({ connectionString: infra.databaseUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE t_${tag}`);
    await admin.end();
    const url = new URL(infra.databaseUrl);
    url.pathname = `/t_${tag}`;
    const suite = new Suite(name, url.toString(), `t-${tag.replace(/_/g, '-')}.`, infra.brokers);
    await ensureTopics(suite.kafka, allTopics(provinces()), 1, suite.namespace);
    return suite;
  }

  topic(base: string): string {
    return this.namespace + base;
  }

  env(): Record<string, string> {
    return {
      NODE_ENV: 'test',
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
      LOG_FORMAT: 'json',
      DATABASE_URL: this.databaseUrl,
      KAFKA_BROKERS: requireInfra().brokers,
      KAFKA_NAMESPACE: this.namespace,
      KAFKA_CLIENT_ID: `test-${this.name}`,
      OUTBOX_POLL_MS: '100',
      CONSUMER_BACKOFF_MS: '20',
      CONSUMER_MAX_ATTEMPTS: '3',
    };
  }

  /** Starts an app in-process against this suite's database and namespace, on a free port, its consumer joined. */
  async start(spec: AppSpec, extraEnv: Record<string, string> = {}): Promise<RunningApp> {
    // Config is read while the app is created; the environment is restored right after.
    const saved = { ...process.env };
    Object.assign(process.env, this.env(), extraEnv);
    try {
      const app = await startApp(spec, { port: 0 });
      this.apps.push(app);
      // apps join their consumer group in the background; tests start from a joined group
      await app.consumer?.joined();
      return app;
    } finally {
      for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
      Object.assign(process.env, saved);
    }
  }

  /**
   * An independent agency-style consumer (plain kafkajs, its own group) reading a topic from the
   * beginning until `done` says it has what it waits for.
   */
  /** Reads a topic from the beginning until `done`; read_committed (as agencies read) unless `readUncommitted`. */
  async collect(
    baseTopic: string | readonly string[],
    done: (got: Collected[]) => boolean,
    timeoutMs = 20000,
    readUncommitted = false,
  ): Promise<Collected[]> {
    const consumer = this.kafka.consumer({
      groupId: `${this.namespace}probe-${randomBytes(4).toString('hex')}`,
      maxWaitTimeInMs: 200,
      readUncommitted,
    });
    this.consumers.push(consumer);
    const got: Collected[] = [];
    await consumer.connect();
    await consumer.subscribe({
      topics: (typeof baseTopic === 'string' ? [baseTopic] : baseTopic).map((t) => this.topic(t)),
      fromBeginning: true,
    });
    await consumer.run({
      eachMessage: async ({ topic, partition, message }) => {
        got.push({ topic, partition, message });
      },
    });
    const deadline = Date.now() + timeoutMs;
    try {
      while (!done(got)) {
        if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting on ${baseTopic}; got ${got.length} message(s)`);
        await new Promise((r) => setTimeout(r, 50));
      }
      return [...got];
    } finally {
      await consumer.disconnect();
    }
  }

  async stop(): Promise<void> {
    for (const app of this.apps.reverse()) await app.shutdown();
    for (const c of this.consumers) await c.disconnect().catch(() => undefined);
    await this.db.close();
  }
}

export const header = (m: KafkaMessage, name: string): string | undefined => m.headers?.[name]?.toString();
