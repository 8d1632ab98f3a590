import { spawnSync } from 'node:child_process';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadConfig, repoPath } from '@tongban/config';
import { Database, MESSAGING_MIGRATIONS, migrate } from '@tongban/database';
import { allTopics, ensureTopics, KafkaClient, messagesFor, OutboxRelay } from '@tongban/messaging';
import { provinces } from '@tongban/regions';
import { Figure } from '../bench.report';
import { ORIGINS } from '../bench.population';

const SCHEMA = 'bench_relay';
const NAMESPACE = 'relaybench.';

/** Kafka's own producer benchmark on the same broker: records/s with acks=all and idempotence. */
function producerPerformance(
  brokers: string,
  topic: string,
  records: number,
  recordSize: number,
  log: (l: string) => void,
): { recordsPerSecond: number; line: string } {
  const libs = path.join(
    process.env.TONGBAN_CACHE ?? path.join(os.homedir(), '.cache', 'tongban'),
    `kafka-${process.env.KAFKA_VERSION ?? '3.9.1'}`,
    'libs',
  );
  const args = [
    '-Xmx512m',
    `-Dlog4j.configuration=file:${repoPath('deploy/local/kafka/log4j.properties')}`,
    '-cp',
    `${libs}/*`,
    'org.apache.kafka.tools.ProducerPerformance',
    '--topic',
    topic,
    '--num-records',
    String(records),
    '--record-size',
    String(recordSize),
    '--throughput',
    '-1',
    '--producer-props',
    `bootstrap.servers=${brokers}`,
    'acks=all',
    'enable.idempotence=true',
  ];
  log(`ProducerPerformance: java ${args.slice(3).join(' ')}`);
  const result = spawnSync('java', args, { encoding: 'utf8', timeout: 600000 });
  const out = `${result.stdout ?? ''}`;
  const final = out
    .trim()
    .split('\n')
    .reverse()
    .find((l) => /^\d+ records sent, [\d.]+ records\/sec/.test(l));
  if (!final) throw new Error(`ProducerPerformance failed (exit ${result.status}): ${(result.stderr ?? '').slice(-800)}`);
  return { recordsPerSecond: Number(/records sent, ([\d.]+) records\/sec/.exec(final)![1]), line: final };
}

/**
 * Outbox relay throughput: N permit-issued rows (each addressed to the residence and the hukou
 * region, so 3 Kafka records: the domain topic and two provinces' delivery topics) written straight
 * into an outbox table, then drained by the production OutboxRelay class (same batch size, the same
 * idempotent acks=all producer) — against ProducerPerformance sending the same number of records of
 * the same value size to the same broker.
 */
export async function relayFigure(opts: {
  databaseUrl: string;
  brokers: string;
  replication: number;
  events: number;
  batchSize: number;
  log: (line: string) => void;
}): Promise<Figure> {
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'development',
    DATABASE_URL: opts.databaseUrl,
    KAFKA_BROKERS: opts.brokers,
    KAFKA_NAMESPACE: NAMESPACE,
    KAFKA_CLIENT_ID: 'bench-relay',
    LOG_LEVEL: 'warn',
  });
  const db = Database.connect(opts.databaseUrl, 4);
  const kafka = new KafkaClient(config);
  try {
    await migrate(db, [{ schema: SCHEMA, dirs: [MESSAGING_MIGRATIONS] }]);
    await ensureTopics(kafka.kafka, [...allTopics(provinces()), { name: 'producer-perf', partitions: 6 }], opts.replication, NAMESPACE);
    await db.query(`TRUNCATE ${SCHEMA}.outbox`);
    const origins = ORIGINS.map(([c]) => c);
    await db.query(
      `INSERT INTO ${SCHEMA}.outbox (event_id, event_type, subject, source, recipients, payload, traceparent)
       SELECT gen_random_uuid(), 'cn.gov.tongban.residence.permit-issued.v1', ref, '440300/residence-permit', ARRAY['440300', hukou],
              jsonb_build_object('permitId', gen_random_uuid(), 'permitNumber', 'SZ-2026-' || lpad(g::text, 8, '0'), 'subjectRef', ref,
                'hukouRegion', hukou, 'residenceCity', '440300', 'basis', 'employment', 'residenceSince', '2024-03-01',
                'issuedOn', '2026-11-02', 'validUntil', '2027-11-02'),
              '00-' || md5(g::text) || '-' || substr(md5(g::text || 'span'), 1, 16) || '-01'
         FROM generate_series(1, $1) AS g,
              LATERAL (SELECT 's1_' || substr(md5('bench' || g), 1, 32) AS ref, ($2::text[])[1 + g % array_length($2::text[], 1)] AS hukou) x`,
      [opts.events, origins],
    );
    const size = await db.one<{ bytes: string; records: string }>(
      `SELECT round(avg(octet_length(payload::text)))::text AS bytes,
              sum(1 + (SELECT count(DISTINCT substr(r, 1, 2)) FROM unnest(recipients) r))::text AS records FROM ${SCHEMA}.outbox`,
    );
    const recordSize = Number(size!.bytes);
    const records = Number(size!.records);
    // what one relayed record carries besides its value: the CloudEvents headers and the key
    const sample = await db.one<Parameters<typeof messagesFor>[0]>(
      `SELECT seq, event_id, event_type, subject, source, recipients, payload, traceparent, occurred_at FROM ${SCHEMA}.outbox LIMIT 1`,
    );
    const m = messagesFor(sample!)[0].messages[0];
    const overheadBytes =
      Buffer.byteLength(String(m.key)) +
      Object.entries(m.headers ?? {}).reduce((n, [k, v]) => n + Buffer.byteLength(k) + Buffer.byteLength(String(v)), 0);
    const relay = new OutboxRelay(db, kafka, SCHEMA, { batchSize: opts.batchSize, pollMs: 100 });
    await kafka.producer();
    const started = performance.now();
    let published = 0;
    for (;;) {
      const n = await relay.publishBatch();
      if (n === 0 && (await relay.backlog()) === 0) break;
      published += n;
    }
    const seconds = (performance.now() - started) / 1000;
    await relay.stop(); // gives its lock and connection back
    const eventsPerSecond = published / seconds;
    const relayRecordsPerSecond = records / seconds;
    opts.log(
      `relay: ${published} events (${records} Kafka records, value ${recordSize} B) in ${seconds.toFixed(1)} s = ${eventsPerSecond.toFixed(0)} events/s, ${relayRecordsPerSecond.toFixed(0)} records/s`,
    );
    const tool = producerPerformance(opts.brokers, `${NAMESPACE}producer-perf`, records, recordSize, opts.log);
    opts.log(`ProducerPerformance: ${tool.line}`);
    const ratio = relayRecordsPerSecond / tool.recordsPerSecond;
    return {
      id: 'relay',
      title: `Outbox relay throughput (batch ${opts.batchSize}, one Kafka transaction per batch, acks=all)`,
      value: eventsPerSecond,
      unit: 'events/s',
      baseline: { label: 'ProducerPerformance records/s, same broker and value size', value: tool.recordsPerSecond },
      ratio,
      target: '≥ 0.3 of the producer tool',
      met: ratio >= 0.3,
      details: {
        events: published,
        'Kafka records': records,
        'records per event': records / published,
        'relay records/s': relayRecordsPerSecond,
        'value bytes': recordSize,
        'key + header bytes per record': overheadBytes,
        'relay MB/s (values, key, headers)': (relayRecordsPerSecond * (recordSize + overheadBytes)) / 1e6,
        'tool MB/s (values)': (tool.recordsPerSecond * recordSize) / 1e6,
        'ratio by bytes': (relayRecordsPerSecond * (recordSize + overheadBytes)) / (tool.recordsPerSecond * recordSize),
        'tool output': tool.line,
      },
      note: 'ratio compares Kafka records/s (one event = its domain-topic record plus one record per addressed province); the relay also sends ~10 CloudEvents headers per record and marks rows published in PostgreSQL, the tool sends bare values',
    };
  } finally {
    await kafka.disconnect();
    await db.close();
  }
}
