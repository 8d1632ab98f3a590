import { Client } from 'pg';
import { repoPath } from '@tongban/config';
import { AppProcess, BACKEND_APPS, BenchCluster } from './bench.cluster';
import { sleep } from './bench.http';
import { RetryingGateway } from './chaos/chaos.client';
import { Check, quiesce, verify } from './chaos/chaos.verify';
import { emptyLog, runWorkload } from './chaos/chaos.workload';

/**
 * `npm run chaos`: a three-broker Kafka cluster (replication 3, min.insync.replicas 2, acks=all), two
 * instances of the gateway, of the ledger and of every adapter as processes, and a bounded workload of
 * whole workflows with Idempotency-Keys and client retries. During it: kill -9 a gateway, kill -9 an
 * adapter, kill -9 a ledger (its consumer mid-batch), kill -9 a Kafka broker (restarted later), restart
 * PostgreSQL. Then quiescence and the checks; exit 1
 * on any violation. Loopback only; stops everything it started.
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

async function faults(cluster: BenchCluster, killed: Set<AppProcess>): Promise<void> {
  const crashAndRestart = async (app: AppProcess, downMs: number): Promise<void> => {
    killed.add(app);
    await app.kill9();
    log(`kill -9 ${app.key} (pid ${app.pid})`);
    await sleep(downMs);
    app.start();
    killed.delete(app);
    await app.ready();
    log(`${app.key} restarted and ready (pid ${app.pid})`);
  };
  await sleep(8000);
  await crashAndRestart(cluster.app('gateway', 0), 4000);
  await sleep(6000);
  await crashAndRestart(cluster.app('residence-permit', 0), 4000);
  await sleep(5000);
  await crashAndRestart(cluster.app('ledger', 0), 4000);
  await sleep(5000);
  await crashAndRestart(cluster.app('social-insurance', 1), 3000);
  await sleep(5000);
  cluster.kafkaNode('kill', 2);
  log('kill -9 Kafka node 2');
  await sleep(20000);
  cluster.kafkaNode('restart', 2);
  log('Kafka node 2 restarted');
  await sleep(8000);
  log(`restarting PostgreSQL (pid ${cluster.postgresPid})`);
  await cluster.restartPostgres(3000);
  log(`PostgreSQL back (pid ${cluster.postgresPid})`);
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
    await Promise.all([
      runWorkload(gw, { workers: settings.workers, more, seed: settings.seed, tag: String(settings.seed) }, accepted),
      faults(cluster, killed).then(() => {
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
    const checks: Check[] = await verify(db, cluster.kafkaBrokers, accepted, gw.unexpected);
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
