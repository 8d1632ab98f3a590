import { Client } from 'pg';
import { repoPath } from '@tongban/config';
import { AppProcess, BACKEND_APPS, BenchCluster } from './bench.cluster';
import { sleep } from './bench.http';
import { RetryingGateway } from './chaos/chaos.client';
import { Check, OUTBOX_SCHEMAS, quiesce, verify } from './chaos/chaos.verify';
import { emptyLog, runWorkload } from './chaos/chaos.workload';

/**
 * `npm run chaos`: a three-broker Kafka cluster (replication 3, min.insync.replicas 2, acks=all), two
 * instances of the gateway, of the ledger and of every adapter as processes, and a bounded workload of
 * whole workflows with Idempotency-Keys and client retries. During it: kill -9 a gateway, kill -9 an
 * adapter, kill -9 a ledger (its consumer mid-batch); for every relayed schema, kill -9 its active
 * relay, then the successor while it catches up, then a restarted one if it takes over at once; kill -9
 * a Kafka broker (restarted later), restart PostgreSQL. Then quiescence and the checks (an independent
 * read_committed consumer sees every event once); exit 1 on any violation. CHAOS_SHORT=1 runs the same
 * faults and checks with shorter pauses (part of `npm test`). Loopback only; stops everything it started.
 */
const env = (name: string, fallback: number): number => Number(process.env[name] ?? fallback);
const t0 = Date.now();
const log = (line: string): void => {
  process.stdout.write(`[chaos +${String(Math.round((Date.now() - t0) / 1000)).padStart(3)}s] ${line}\n`);
};

const settings = {
  pgPort: env('CHAOS_PG_PORT', 15437),
  kafkaBasePort: env('CHAOS_KAFKA_BASE_PORT', 29192),
  httpPort: env('CHAOS_HTTP_PORT', 18680),
  workers: env('CHAOS_WORKERS', 8),
  workloadSeconds: env('CHAOS_WORKLOAD_S', 300),
  tailSeconds: env('CHAOS_TAIL_S', 15),
  seed: env('CHAOS_SEED', Date.now() % 100000),
  /** CHAOS_SHORT=1 (the test command's run): the same faults and checks, fewer and shorter pauses */
  short: process.env.CHAOS_SHORT === '1',
};

/** Restarts what crashed on its own (as an orchestrator would) and remembers it: a crash is a finding. */
function watch(apps: AppProcess[], killed: Set<AppProcess>, crashes: string[]): NodeJS.Timeout {
  const timer = setInterval(() => {
    for (const a of apps) {
      if (!a.alive && !killed.has(a) && a.child) {
        crashes.push(`${a.key} exited on its own (code ${a.child.exitCode}, signal ${a.child.signalCode})`);
        log(`!! ${a.key} exited on its own; restarting it`);
        a.start();
      }
    }
  }, 1000);
  return timer;
}

/** Relays whose schemas the fault run kills during catch-up: every outbox something writes (nothing writes gateway's). */
const RELAYED_SCHEMAS = OUTBOX_SCHEMAS.filter((s) => s !== 'gateway');

/**
 * The app process whose relay is active for a schema: the one holding the relay's lock (connections
 * are named tongban:<pid>); undefined while no relay is active.
 */
async function activeRelay(cluster: BenchCluster, schema: string): Promise<AppProcess | undefined> {
  const db = new Client({ connectionString: cluster.databaseUrl });
  await db.connect();
  try {
    const { rows } = await db.query<{ name: string }>(
      `SELECT a.application_name AS name FROM pg_locks l JOIN pg_stat_activity a USING (pid)
        WHERE l.locktype = 'advisory' AND l.granted AND l.objid::int = hashtext($1)`,
      [`tongban.relay.${schema}`],
    );
    const pid = Number(rows[0]?.name.replace('tongban:', ''));
    return cluster.apps.find((a) => a.pid === pid && a.alive);
  } finally {
    await db.end();
  }
}

async function waitFor<T>(what: () => Promise<T | undefined>, ms: number): Promise<T | undefined> {
  const deadline = Date.now() + ms;
  for (;;) {
    const got = await what().catch(() => undefined);
    if (got !== undefined || Date.now() > deadline) return got;
    await sleep(50);
  }
}

interface FaultLog {
  /** milliseconds from start to /health/ready of every restarted app */
  readyMs: Array<{ key: string; ms: number }>;
  catchUpKills: string[];
}

async function faults(cluster: BenchCluster, killed: Set<AppProcess>, short: boolean): Promise<FaultLog> {
  const out: FaultLog = { readyMs: [], catchUpKills: [] };
  const restart = async (app: AppProcess): Promise<void> => {
    const started = Date.now();
    app.start();
    killed.delete(app);
    await app.ready();
    out.readyMs.push({ key: app.key, ms: Date.now() - started });
    log(`${app.key} restarted and ready in ${Date.now() - started} ms (pid ${app.pid})`);
  };
  const kill = async (app: AppProcess, why: string): Promise<void> => {
    killed.add(app);
    const pid = app.pid;
    await app.kill9();
    log(`kill -9 ${app.key} (pid ${pid})${why}`);
  };
  const crashAndRestart = async (app: AppProcess, downMs: number): Promise<void> => {
    await kill(app, '');
    await sleep(downMs);
    await restart(app);
  };
  /**
   * Kills the schema's active relay, then its successor while it sends the backlog that built up
   * meanwhile (catch-up), then restarts both; the restarted ones are killed again right after their
   * start if they took the relay over.
   */
  const catchUp = async (schema: string): Promise<void> => {
    const first = await waitFor(() => activeRelay(cluster, schema), 10000);
    if (!first) throw new Error(`no active relay for ${schema}`);
    await kill(first, ` — the active relay of ${schema}`);
    const second = await waitFor(async () => {
      const a = await activeRelay(cluster, schema);
      return a && a !== first ? a : undefined;
    }, 10000);
    if (!second) throw new Error(`no relay took ${schema} over`);
    await sleep(150);
    await kill(second, ` — ${schema}'s successor relay, mid catch-up`);
    out.catchUpKills.push(`${schema}: ${first.key}, ${second.key}`);
    await restart(first);
    const third = await waitFor(() => activeRelay(cluster, schema), 10000);
    if (third === first) await kill(third, ` — right after its restart, relaying ${schema}`);
    await restart(second);
    if (third === first) await restart(first);
  };
  await sleep(short ? 4000 : 8000);
  await crashAndRestart(cluster.app('gateway', 0), short ? 1000 : 4000);
  if (!short) {
    await sleep(6000);
    await crashAndRestart(cluster.app('residence-permit', 0), 4000);
    await sleep(5000);
    await crashAndRestart(cluster.app('ledger', 0), 4000);
    await sleep(5000);
    await crashAndRestart(cluster.app('social-insurance', 1), 3000);
  }
  for (const schema of RELAYED_SCHEMAS) {
    await sleep(short ? 1000 : 3000);
    await catchUp(schema);
  }
  await sleep(short ? 2000 : 5000);
  cluster.kafkaNode('kill', 2);
  log('kill -9 Kafka node 2');
  await sleep(short ? 10000 : 20000);
  cluster.kafkaNode('restart', 2);
  log('Kafka node 2 restarted');
  await sleep(short ? 4000 : 8000);
  log(`restarting PostgreSQL (pid ${cluster.postgresPid})`);
  await cluster.restartPostgres(short ? 1500 : 3000);
  log(`PostgreSQL back (pid ${cluster.postgresPid})`);
  return out;
}

async function main(): Promise<number> {
  const cluster = await BenchCluster.start({
    dataRoot: process.env.CHAOS_DATA_DIR ?? repoPath('.data/chaos'),
    pgPort: settings.pgPort,
    kafkaPort: settings.kafkaBasePort,
    kafkaControllerPort: settings.kafkaBasePort + 1,
    kafkaCluster: true,
    kafkaClusterBasePort: settings.kafkaBasePort,
    basePort: settings.httpPort,
    env: {
      LOG_LEVEL: process.env.CHAOS_LOG_LEVEL ?? 'info',
      RATE_LIMIT_PER_SECOND: '100000',
      RATE_LIMIT_BURST: '100000',
      OUTBOX_POLL_MS: '200',
      // a PostgreSQL restart must not exhaust a consumer's retries: ~50 s of backoff in all
      CONSUMER_MAX_ATTEMPTS: '10',
      CONSUMER_BACKOFF_MS: '100',
    },
    log,
  });
  // Ctrl-C: the apps and servers run in their own process groups, so stop them before leaving
  process.once('SIGINT', () => {
    log('interrupted; stopping everything');
    void cluster.stop().finally(() => process.exit(130));
  });
  const killed = new Set<AppProcess>();
  const crashes: string[] = [];
  let watcher: NodeJS.Timeout | undefined;
  const db = new Client({ connectionString: cluster.databaseUrl });
  try {
    await cluster.startApps(['gateway', ...BACKEND_APPS], 2);
    log(`started ${cluster.apps.map((a) => `${a.key}:${a.port}`).join(' ')}; Kafka ${cluster.kafkaBrokers}`);
    watcher = watch(cluster.apps, killed, crashes);
    const gw = new RetryingGateway([cluster.app('gateway', 0).url, cluster.app('gateway', 1).url]);
    const accepted = emptyLog();
    // new workflows start until the last fault is over plus a tail (bounded by CHAOS_WORKLOAD_S)
    const hardStop = Date.now() + settings.workloadSeconds * 1000;
    let until = hardStop;
    log(
      `workload: ${settings.workers} workers during the faults and ${settings.tailSeconds} s after (at most ${settings.workloadSeconds} s; seed ${settings.seed})`,
    );
    const more = (): boolean => Date.now() < until;
    const [, faultLog] = await Promise.all([
      runWorkload(gw, { workers: settings.workers, more, seed: settings.seed, tag: String(settings.seed) }, accepted),
      faults(cluster, killed, settings.short).finally(() => {
        until = Math.min(hardStop, Date.now() + settings.tailSeconds * 1000);
      }),
    ]);
    gw.close();
    log(
      `workload done: ${accepted.started} people, ${accepted.claims.length} claims, ${accepted.transfers.length} transfers, ${accepted.settlements.length} settlements; ${gw.retries} client retries (${JSON.stringify(Object.fromEntries(gw.retriesByCause))})`,
    );
    await db.connect();
    log('waiting for quiescence (outboxes published, permit events applied)');
    if (!(await quiesce(db, 180000))) log('!! not quiescent after 180 s; checking anyway');
    const checks: Check[] = await verify(db, cluster.kafkaBrokers, accepted, gw.unexpected, (line) => log(`note: ${line}`));
    // a figure, not a check: on this machine's two cores the restart competes with thirteen other processes
    log(`restart to /health/ready: ${faultLog.readyMs.map((r) => `${r.key} ${r.ms} ms`).join(', ')}`);
    checks.unshift({
      name: 'relays were killed during catch-up for every relayed schema',
      ok: faultLog.catchUpKills.length === RELAYED_SCHEMAS.length,
      detail: faultLog.catchUpKills.join('; '),
    });
    checks.unshift({
      name: 'no app crashed except the ones killed on purpose',
      ok: crashes.length === 0,
      detail: crashes.length === 0 ? 'none' : crashes.join('; '),
    });
    for (const c of checks) log(`${c.ok ? 'PASS' : 'FAIL'}  ${c.name} — ${c.detail}`);
    const failed = checks.filter((c) => !c.ok).length;
    log(
      failed === 0
        ? `all ${checks.length} checks passed`
        : `${failed} of ${checks.length} checks FAILED (logs in ${cluster.opts.dataRoot}/logs)`,
    );
    return failed === 0 ? 0 : 1;
  } finally {
    clearInterval(watcher);
    await db.end().catch(() => undefined);
    log('stopping apps, Kafka cluster, PostgreSQL');
    await cluster.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    log(`chaos failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(2);
  },
);
