import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { addMonths, chinaDay } from '@tongban/calendar';
import { loadServiceCatalogue } from '@tongban/catalogue';
import { isHeld } from '@tongban/ledger';
import { allTopics, ensureTopics } from '@tongban/messaging';
import { provinces } from '@tongban/regions';
import { AppProcess, BenchCluster } from '../bench.cluster';
import { BenchClient, closedLoop, Latencies } from '../bench.http';
import { agencyOf, ORIGINS, prng, tokenOf } from '../bench.population';
import { MONTHLY_HELD } from '../bench.setup';
import { Figure } from '../bench.report';

/** A residence city claims on the person's permit (统一证明材料要求, seed 000 （十二）); extra evidence is harmless elsewhere. */
const BENCH_EVIDENCE = [{ kind: 'residence-permit', reference: 'P-bench' }];

const DB = 'tongban_size';
const NAMESPACE = 'size.';
const CLAIMS_PER_SUBJECT = 9; // elder.resident-pension for nine past months
const CHUNK = 50000; // subjects per load statement
const LOADED_TABLES = ['ledger.responsibilities', 'ledger.provision_claims'];

interface Point {
  rows: number;
  subjects: number;
  p50: number;
  p95: number;
  p99: number;
  loadSeconds: number;
}

/**
 * Claim latency as the ledger grows. A second gateway runs on its own database; people are bulk-loaded
 * straight into the ledger tables with generate_series (each: a subject row, one open interval per held
 * service at the hukou city, nine past monthly claims). During the load only, the deferred contiguity
 * trigger is off (the rows are contiguous by construction) and the secondary indexes and constraints
 * are dropped; they are rebuilt — and so re-validated — before measuring, leaving the tables exactly
 * as the migrations define them (index maintenance row by row made 10 million rows take far too long).
 * At each size the same claim load runs through the gateway on random people.
 */
export async function ledgerSizeFigure(opts: {
  cluster: BenchCluster;
  port: number;
  sizes: number[];
  budgetSeconds: number;
  claims: number;
  concurrency: number;
  log: (line: string) => void;
}): Promise<Figure> {
  const admin = new Client({ connectionString: opts.cluster.databaseUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${DB}`);
  await admin.query(`CREATE DATABASE ${DB}`);
  await admin.end();
  const url = new URL(opts.cluster.databaseUrl);
  url.pathname = `/${DB}`;
  const kafka = new Kafka({ clientId: 'bench-size', brokers: opts.cluster.kafkaBrokers.split(','), logLevel: logLevel.NOTHING });
  await ensureTopics(kafka, allTopics(provinces()), Number(opts.cluster.appEnv.KAFKA_REPLICATION_FACTOR), NAMESPACE);
  const gateway = new AppProcess(
    'gateway',
    9,
    opts.port,
    { ...opts.cluster.appEnv, DATABASE_URL: url.toString(), KAFKA_NAMESPACE: NAMESPACE },
    path.join(opts.cluster.opts.dataRoot, 'logs', 'gateway-size.log'),
  );
  gateway.start();
  const db = new Client({ connectionString: url.toString() });
  try {
    await gateway.ready();
    await db.connect();
    const held = loadServiceCatalogue()
      .all()
      .filter(isHeld)
      .map((i) => i.code);
    const perSubject = held.length + CLAIMS_PER_SUBJECT;
    const hukou = ORIGINS.map(([c]) => c);
    let subjects = 0;
    let loadSeconds = 0;
    const points: Point[] = [];
    const client = new BenchClient(gateway.url, opts.concurrency);

    const started = performance.now();
    const budgetEnd = started + opts.budgetSeconds * 1000;
    const load = async (upTo: number): Promise<void> => {
      const t = performance.now();
      await db.query(`SET work_mem = '256MB'`);
      await db.query(`SET maintenance_work_mem = '1GB'`);
      // the bulk rows are valid by construction (one open interval each; claims inside it)
      await db.query(`ALTER TABLE ledger.responsibilities DISABLE TRIGGER responsibilities_contiguous`);
      await db.query(`ALTER TABLE ledger.provision_claims DISABLE TRIGGER provision_claims_held`);
      const secondary = await dropSecondary(db, LOADED_TABLES);
      try {
        while (subjects < upTo && performance.now() < budgetEnd) {
          const a = subjects;
          const b = Math.min(upTo, a + CHUNK);
          await db.query('BEGIN');
          await db.query(
            `INSERT INTO ledger.subjects (subject_ref, hukou_region, registered_by, registered_at)
             SELECT 's1_' || substr(md5('size' || g), 1, 32), ($3::text[])[1 + g % array_length($3::text[], 1)], 'bench:bulk', now() - interval '400 days'
               FROM generate_series($1::int, $2::int - 1) g`,
            [a, b, hukou],
          );
          // in key order, so that the exclusion index built afterwards inserts with locality; the claims
          // go with the intervals just written (each person's, in its partition)
          await db.query(
            `WITH r AS (
               INSERT INTO ledger.responsibilities (subject_ref, service_code, region, during, opened_by, opened_reason)
               SELECT 's1_' || substr(md5('size' || g), 1, 32), svc, ($3::text[])[1 + g % array_length($3::text[], 1)],
                      tstzrange(now() - interval '400 days', NULL, '[)'), 'bench:bulk', 'bulk load'
                 FROM generate_series($1::int, $2::int - 1) g CROSS JOIN unnest($4::text[]) svc
                ORDER BY 1, 2
               RETURNING subject_ref, service_code, region, responsibility_id)
             INSERT INTO ledger.provision_claims (claim_id, subject_ref, service_code, period_key, region, basis, responsibility_id, claimed_by, claimed_at, held_at, period_end)
             SELECT gen_random_uuid(), r.subject_ref, r.service_code, 'bulk-' || m, r.region, 'hukou', r.responsibility_id, 'bench:bulk', now() - interval '100 days',
                    now() - interval '100 days', now() - interval '70 days'
               FROM r CROSS JOIN generate_series(1, $5::int) m
              WHERE r.service_code = 'elder.resident-pension'`,
            [a, b, hukou, held, CLAIMS_PER_SUBJECT],
          );
          await db.query('COMMIT');
          subjects = b;
        }
      } finally {
        const built = performance.now();
        await restoreSecondary(db, secondary);
        opts.log(
          `ledger size: constraints and indexes rebuilt over ${(subjects * perSubject).toLocaleString('en-US')} rows in ${((performance.now() - built) / 1000).toFixed(0)} s`,
        );
        await db.query(`ALTER TABLE ledger.responsibilities ENABLE TRIGGER responsibilities_contiguous`);
        await db.query(`ALTER TABLE ledger.provision_claims ENABLE TRIGGER provision_claims_held`);
      }
      await db.query(`ANALYZE ledger.subjects, ledger.responsibilities, ledger.provision_claims`);
      loadSeconds += (performance.now() - t) / 1000;
    };

    // the months of the claim window claimable whatever the day (11 back … the next), each key used once across rounds
    const thisMonth = chinaDay(new Date()).slice(0, 7);
    const months = Array.from({ length: 13 }, (_, i) => addMonths(`${thisMonth}-01`, i - 11).slice(0, 7));
    const used = new Set<string>();
    const measure = async (round: number): Promise<Point> => {
      const random = prng(1000 + round);
      const keys: Array<{ subjectRef: string; serviceCode: string; periodKey: string; region: string }> = [];
      while (keys.length < opts.claims + 500) {
        const g = Math.floor(random() * subjects);
        const serviceCode = MONTHLY_HELD[Math.floor(random() * MONTHLY_HELD.length)];
        const periodKey = months[Math.floor(random() * months.length)];
        const subjectRef = `s1_${md5Prefix(`size${g}`)}`;
        const k = `${subjectRef}|${serviceCode}|${periodKey}`;
        if (used.has(k)) continue;
        used.add(k);
        keys.push({ subjectRef, serviceCode, periodKey, region: hukou[g % hukou.length] });
      }
      const lat = new Latencies();
      const bad = new Map<number, number>();
      await closedLoop(opts.concurrency, keys.length, async (i) => {
        const k = keys[i];
        const res = await client.call('POST', '/v1/provision-claims', {
          token: tokenOf(k.region, agencyOf(k.serviceCode)),
          body: { subjectRef: k.subjectRef, serviceCode: k.serviceCode, periodKey: k.periodKey, evidence: BENCH_EVIDENCE },
        });
        if (res.status !== 201) bad.set(res.status, (bad.get(res.status) ?? 0) + 1);
        if (i >= 500) lat.add(res.ms); // the first 500 warm the caches and the connection pool
      });
      const s = lat.summary();
      const rows = subjects * perSubject;
      if (bad.size > 0) opts.log(`ledger size: unexpected answers ${JSON.stringify(Object.fromEntries(bad))}`);
      opts.log(
        `ledger size: ${rows.toLocaleString('en-US')} rows (${subjects} people): claim p50 ${s.p50.toFixed(2)} ms, p95 ${s.p95.toFixed(2)} ms, p99 ${s.p99.toFixed(2)} ms (load so far ${loadSeconds.toFixed(0)} s)`,
      );
      return { rows, subjects, p50: s.p50, p95: s.p95, p99: s.p99, loadSeconds };
    };

    for (const [round, size] of opts.sizes.entries()) {
      if (round > 0 && performance.now() >= budgetEnd) {
        opts.log(`ledger size: stopping before ${size.toLocaleString('en-US')} rows: the load budget of ${opts.budgetSeconds} s is spent`);
        break;
      }
      await load(Math.ceil(size / perSubject));
      points.push(await measure(round));
    }
    client.close();
    const bytes = await bytesPerRow(db);
    const first = points[0];
    const last = points[points.length - 1];
    const growth = last.p50 / first.p50;
    const shortfall =
      growth > 1.2
        ? [
            `claim p50 grew ${growth.toFixed(2)}× (${first.p50.toFixed(1)} → ${last.p50.toFixed(1)} ms), target ≤ 1.2×; p50 moves by about the target's margin between runs of ${opts.claims} claims on this shared machine`,
          ]
        : [];
    return {
      id: 'ledger-size',
      title: `Claim latency, ${first.rows.toLocaleString('en-US')} → ${last.rows.toLocaleString('en-US')} ledger rows (p50 growth)`,
      value: growth,
      unit: '× (p50)',
      baseline: { label: `p50 ms at ${first.rows.toLocaleString('en-US')} rows`, value: first.p50 },
      ratio: growth,
      target: '≤ 1.2× from 10 thousand to 10 million rows (tables hash-partitioned by person)',
      met: last.rows >= 9_000_000 ? growth <= 1.2 : null,
      details: {
        ...Object.fromEntries(
          points.flatMap((p) => [
            [`${p.rows} rows p50 ms`, p.p50],
            [`${p.rows} rows p99 ms`, p.p99],
          ]),
        ),
        'bytes per interval (heap + indexes)': bytes.interval,
        'bytes per claim (heap + indexes)': bytes.claim,
      },
      shortfall,
      note: `rows = responsibility intervals + provision claims (${held.length} intervals and ${CLAIMS_PER_SUBJECT} claims per person); ${opts.claims} claims at ${opts.concurrency} connections per size; bulk load with indexes rebuilt took ${last.loadSeconds.toFixed(0)} s${last.rows < 9_000_000 ? ' — 10 million rows did not fit the load budget, the largest size reached is reported' : ''}; p99 growth ${(last.p99 / first.p99).toFixed(2)}×`,
    };
  } finally {
    await db.end().catch(() => undefined);
    await gateway.stop();
  }
}

/** On-disk bytes per row of the two largest tables, every partition's heap, TOAST and indexes counted. */
async function bytesPerRow(db: Client): Promise<{ interval: number; claim: number }> {
  const { rows } = await db.query<{ interval: string; claim: string }>(
    `SELECT (SELECT sum(pg_total_relation_size(relid)) FROM pg_partition_tree('ledger.responsibilities') WHERE isleaf)
              / greatest((SELECT count(*) FROM ledger.responsibilities), 1) AS interval,
            (SELECT sum(pg_total_relation_size(relid)) FROM pg_partition_tree('ledger.provision_claims') WHERE isleaf)
              / greatest((SELECT count(*) FROM ledger.provision_claims), 1) AS claim`,
  );
  return { interval: Math.round(Number(rows[0].interval)), claim: Math.round(Number(rows[0].claim)) };
}

interface Secondary {
  table: string;
  name: string;
  def: string;
  kind: 'index' | 'constraint' | 'foreign key';
}

/** Every index and constraint of the tables except primary keys (kept: they are what the load reads by). */
async function dropSecondary(db: Client, tables: string[]): Promise<Secondary[]> {
  const { rows } = await db.query<Secondary>(
    `SELECT conrelid::regclass::text AS table, conname AS name, pg_get_constraintdef(oid) AS def,
            CASE contype WHEN 'f' THEN 'foreign key' ELSE 'constraint' END AS kind
       FROM pg_constraint WHERE conrelid = ANY($1::regclass[]) AND contype IN ('u', 'x', 'f') AND conparentid = 0
     UNION ALL
     SELECT indrelid::regclass::text, indexrelid::regclass::text, pg_get_indexdef(indexrelid), 'index'
       FROM pg_index i WHERE indrelid = ANY($1::regclass[])
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.conrelid = i.indrelid)`,
    [tables],
  );
  // foreign keys first: one may depend on another table's unique constraint (claims → their interval)
  for (const r of [...rows].sort((a, b) => Number(b.kind === 'foreign key') - Number(a.kind === 'foreign key'))) {
    await db.query(r.kind === 'index' ? `DROP INDEX ${r.name}` : `ALTER TABLE ${r.table} DROP CONSTRAINT ${r.name}`);
  }
  return rows;
}

async function restoreSecondary(db: Client, saved: Secondary[]): Promise<void> {
  const order: Array<Secondary['kind']> = ['index', 'constraint', 'foreign key'];
  for (const kind of order) {
    for (const r of saved.filter((x) => x.kind === kind)) {
      // a partitioned table's index reads `ON ONLY` (parent alone); rebuilt for every partition
      await db.query(r.kind === 'index' ? r.def.replace(' ON ONLY ', ' ON ') : `ALTER TABLE ${r.table} ADD CONSTRAINT ${r.name} ${r.def}`);
    }
  }
}

/** The same reference the SQL generates: substr(md5('size' || g), 1, 32). */
const md5Prefix = (s: string): string => createHash('md5').update(s).digest('hex').slice(0, 32);
