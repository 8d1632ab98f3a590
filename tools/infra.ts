import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { repoPath } from '@tongban/config';
import { startEmbeddedPostgres } from './embedded-postgres';
import { allTopics, ensureTopics } from '@tongban/messaging';
import { provinces } from '@tongban/regions';

export interface InfraOptions {
  /** folder for the embedded database and the local broker's data */
  dataRoot: string;
  pgPort: number;
  kafkaPort: number;
  kafkaControllerPort: number;
  /** throw the data away on stop (tests) */
  ephemeral?: boolean;
  /** run the three-node local cluster instead of the single broker */
  kafkaCluster?: boolean;
  /** first client port of the three-node cluster (nodes on base, base+100, base+200); 9192 unless set */
  kafkaClusterBasePort?: number;
  log: (line: string) => void;
}

export interface Infra {
  databaseUrl: string;
  kafkaBrokers: string;
  stop: () => Promise<void>;
}

function kafkaScript(command: 'start' | 'stop', opts: InfraOptions): void {
  const script = opts.kafkaCluster ? 'deploy/local/kafka-cluster.sh' : 'deploy/local/kafka.sh';
  const result = spawnSync('bash', [repoPath(script), command], {
    env: {
      ...process.env,
      KAFKA_CLUSTER_DIR: path.join(opts.dataRoot, 'kafka-cluster'),
      KAFKA_DATA_DIR: path.join(opts.dataRoot, 'kafka'),
      KAFKA_PORT: String(opts.kafkaPort),
      KAFKA_CONTROLLER_PORT: String(opts.kafkaControllerPort),
      ...(opts.kafkaClusterBasePort ? { KAFKA_CLUSTER_BASE_PORT: String(opts.kafkaClusterBasePort) } : {}),
    },
    encoding: 'utf8',
  });
  const out = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim();
  if (out) out.split('\n').forEach(opts.log);
  if (result.status !== 0)
    throw new Error(`deploy/local/kafka.sh ${command} failed (exit ${result.status}): ${out.split('\n').pop() ?? ''}`);
}

/**
 * The real infrastructure: PostgreSQL (DATABASE_URL, else the embedded server) and Kafka
 * (KAFKA_BROKERS, else the local KRaft broker), plus every topic the system needs, created
 * explicitly. Stops what it started, in reverse order.
 */
export async function startInfra(opts: InfraOptions): Promise<Infra> {
  const stops: Array<() => Promise<void>> = [];
  const stop = async (): Promise<void> => {
    for (const s of stops.reverse()) await s();
  };
  try {
    let databaseUrl = process.env.DATABASE_URL;
    if (databaseUrl) opts.log('using external PostgreSQL from DATABASE_URL');
    else {
      const pg = await startEmbeddedPostgres({
        dataDir: path.join(opts.dataRoot, 'postgres'),
        port: opts.pgPort,
        ephemeral: opts.ephemeral,
        log: opts.log,
      });
      stops.push(pg.stop);
      databaseUrl = pg.url;
    }
    let kafkaBrokers = process.env.KAFKA_BROKERS;
    if (kafkaBrokers) opts.log(`using external Kafka from KAFKA_BROKERS (${kafkaBrokers})`);
    else {
      kafkaScript('start', opts);
      stops.push(async () => kafkaScript('stop', opts));
      const base = opts.kafkaClusterBasePort ?? 9192;
      kafkaBrokers = opts.kafkaCluster ? [0, 100, 200].map((d) => `127.0.0.1:${base + d}`).join(',') : `127.0.0.1:${opts.kafkaPort}`;
    }
    const kafka = new Kafka({ clientId: 'tongban-setup', brokers: kafkaBrokers.split(','), logLevel: logLevel.ERROR });
    const replication = opts.kafkaCluster ? 3 : Number(process.env.KAFKA_REPLICATION_FACTOR ?? 1);
    const created = await ensureTopics(kafka, allTopics(provinces()), replication, process.env.KAFKA_NAMESPACE ?? '');
    opts.log(created.length > 0 ? `created ${created.length} Kafka topics` : 'Kafka topics already present');
    return { databaseUrl, kafkaBrokers, stop };
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
}
