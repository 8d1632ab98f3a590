import { Client } from 'pg';
import { repoPath } from '@tongban/config';
import { BACKEND_APPS, BenchCluster } from './bench.cluster';
import { Figure, machine, markdown, RunReport, writeReport } from './bench.report';
import { setUpPopulation } from './bench.setup';
import { claimKeys, claimsFigure } from './figures/claims.figure';
import { e2eFigure, KAFKA_JIT_DETAIL } from './figures/e2e.figure';
import { untilQuiet } from './bench.cpu';
import { ledgerSizeFigure } from './figures/ledger-size.figure';
import { reconciliationFigure } from './figures/reconciliation.figure';
import { relayFigure } from './figures/relay.figure';
import { restartFigure } from './figures/restart.figure';
import { soakFigure } from './figures/soak.figure';

/**
 * `npm run bench`: starts its own PostgreSQL and Kafka (own ports and data folder), the gateway and
 * the adapters as processes, builds a synthetic population through the gateway, measures each figure
 * with its same-run baseline, and writes bench/results/latest.{json,md}. Never part of `npm test`.
 */
const env = (name: string, fallback: number): number => Number(process.env[name] ?? fallback);
const log = (line: string): void => {
  process.stdout.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
};

const settings = {
  people: env('BENCH_PEOPLE', 3000),
  concurrency: env('BENCH_CONCURRENCY', 32),
  claimSeconds: env('BENCH_SECONDS', 20),
  /** the claims figure's profiled phase (a second gateway under --cpu-prof); 0 leaves it out */
  profileSeconds: env('BENCH_PROFILE_SECONDS', 8),
  e2eRate: env('BENCH_E2E_RATE', 1000),
  e2eSustainedRate: env('BENCH_E2E_SUSTAINED_RATE', 100),
  e2eSeconds: env('BENCH_E2E_SECONDS', 15),
  soakSeconds: env('BENCH_SOAK_SECONDS', 1200),
  relayEvents: env('BENCH_RELAY_EVENTS', 50000),
  relayBatch: env('BENCH_RELAY_BATCH', 2000),
  ledgerBudgetSeconds: env('BENCH_LEDGER_BUDGET_S', 600),
  ledgerClaims: env('BENCH_LEDGER_CLAIMS', 4000),
  reconciliationRecords: env('BENCH_RECON_RECORDS', 1_000_000),
  pgPort: env('BENCH_PG_PORT', 15436),
  kafkaPort: env('BENCH_KAFKA_PORT', 29692),
  kafkaControllerPort: env('BENCH_KAFKA_CONTROLLER_PORT', 29693),
  kafkaJmxPort: env('BENCH_KAFKA_JMX_PORT', 29694),
  /**
   * BENCH_STATEMENTS=1: PostgreSQL preloads pg_stat_statements and the claims and e2e figures list its
   * top statements. Off by default: on this machine it adds ~20 % to PostgreSQL's CPU per request.
   */
  statements: env('BENCH_STATEMENTS', 0),
  httpPort: env('BENCH_HTTP_PORT', 18480),
  logLevel: process.env.BENCH_LOG_LEVEL ?? 'info',
  seed: env('BENCH_SEED', 20261125),
};
const ledgerSizes = (process.env.BENCH_LEDGER_SIZES ?? '10000,100000,1000000,10000000').split(',').map(Number);
const only = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',')) : undefined;
const wanted = (id: string): boolean => !only || only.has(id);
const resultsDir = process.env.BENCH_RESULTS_DIR ?? repoPath('bench/results');

async function main(): Promise<number> {
  const startedAt = new Date().toISOString();
  const report: RunReport = {
    startedAt,
    finishedAt: '',
    machine: machine(),
    settings: { ...settings, ledgerSizes: ledgerSizes.join(' ') },
    figures: [],
    notes: [],
  };
  const statements = settings.statements === 1;
  process.env.KAFKA_JMX_PORT = String(settings.kafkaJmxPort); // the e2e figures read the broker's request counts
  const cluster = await BenchCluster.start({
    dataRoot: process.env.BENCH_DATA_DIR ?? repoPath('.data/bench'),
    pgPort: settings.pgPort,
    kafkaPort: settings.kafkaPort,
    kafkaControllerPort: settings.kafkaControllerPort,
    basePort: settings.httpPort,
    pgSettings: statements ? ['shared_preload_libraries=pg_stat_statements'] : [],
    env: {
      LOG_LEVEL: settings.logLevel,
      // the load generator is one client per region: the per-credential limit would measure itself
      RATE_LIMIT_PER_SECOND: '1000000',
      RATE_LIMIT_BURST: '1000000',
      DATABASE_POOL_SIZE: String(settings.concurrency),
      REQUEST_TIMEOUT_MS: '900000',
      // measured as after the transition: the ledger writes its case events only (BENCH_PER_SERVICE_EVENTS=1: both)
      LEDGER_PER_SERVICE_EVENTS_UNTIL: process.env.BENCH_PER_SERVICE_EVENTS === '1' ? '2999-12-31' : '2000-01-01',
    },
    log,
  });
  let stopping = false;
  const stop = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    log('stopping apps, Kafka, PostgreSQL');
    await cluster.stop();
  };
  process.once('SIGINT', () => void stop().then(() => process.exit(130)));
  const db = new Client({ connectionString: cluster.databaseUrl });
  try {
    await cluster.startApps(['gateway', ...BACKEND_APPS]);
    const gateway = cluster.app('gateway');
    log(`apps ready; gateway ${gateway.url} (pid ${gateway.pid})`);
    await db.connect();
    const add = (f: Figure): void => {
      report.figures.push(f);
      log(
        `== ${f.title}: ${f.value.toFixed(2)} ${f.unit}${f.baseline ? ` vs ${f.baseline.value.toFixed(2)} (${f.baseline.label}), ratio ${f.ratio?.toFixed(2)}` : ''}; target ${f.target}: ${f.met === null ? 'n/a' : f.met ? 'met' : 'NOT met'}`,
      );
    };

    let refs: string[] = [];
    if (wanted('claims') || wanted('reconciliation')) {
      const pop = await setUpPopulation({ gateway: gateway.url, db, people: settings.people, seed: settings.seed, log });
      refs = pop.registered.map((p) => p.subjectRef);
      log(
        `population: ${pop.registered.length} people registered, ${pop.permits} permits, ${pop.accepted} handoffs accepted in ${pop.seconds.toFixed(0)} s`,
      );
      report.notes.push(
        `population: ${pop.registered.length} people registered by their hukou city through the gateway, ${pop.permits} residence permits (→ ledger handoff proposals via Kafka), ${pop.accepted} handoffs accepted, in ${pop.seconds.toFixed(0)} s`,
      );
    }
    if (wanted('e2e')) {
      // first at a rate this machine sustains (a meaningful latency), then at the target rate; each
      // measured run follows a warm-up run like it, so the JVM and V8 compile on the warm-up's time
      const e2eRun = (rate: number, seed: number): Promise<Figure> =>
        e2eFigure({
          gateway: gateway.url,
          brokers: cluster.kafkaBrokers,
          rate,
          seconds: settings.e2eSeconds,
          seed,
          processes: cluster.processes(),
          databaseUrl: cluster.databaseUrl,
          kafkaJmxPort: settings.kafkaJmxPort,
          statements,
          log,
        });
      const warmUp = await e2eRun(settings.e2eSustainedRate, settings.seed + 4);
      report.notes.push(warmUpNote(warmUp));
      const sustained = await e2eRun(settings.e2eSustainedRate, settings.seed + 1);
      add(sustained);
      if (wanted('soak') && settings.soakSeconds > 0) {
        // half of what the cores allow at the measured CPU cost per request (or of the offered rate, if lower)
        const allowed = Number(
          Object.entries(sustained.details).find(([k]) => k.includes('cores allow'))?.[1] ?? settings.e2eSustainedRate,
        );
        const rate = Math.max(1, Math.floor(Math.min(allowed, Number(sustained.details['requests/s achieved'])) / 2));
        add(
          await soakFigure({
            gateway: gateway.url,
            brokers: cluster.kafkaBrokers,
            rate,
            seconds: settings.soakSeconds,
            seed: settings.seed + 3,
            processes: cluster.processes(),
            databaseUrl: cluster.databaseUrl,
            log,
          }),
        );
      }
      add(await e2eRun(settings.e2eRate, settings.seed + 2));
    }
    if (wanted('claims')) {
      // The ledger app pauses while claims are measured (the gateway alone takes them). Its gap job checks
      // each entitlement the claims open — the bench claims scattered months, so the months between
      // become gaps — and would meanwhile record and announce tens of thousands of gaps: the job's cost,
      // not the claim path's. After the e2e runs, their backlog is not billed either.
      const ledgerApps = cluster.apps.filter((a) => a.name === 'ledger');
      await Promise.all(ledgerApps.map((a) => a.stop()));
      await untilQuiet(cluster.processes(), log);
      const keys = await claimKeys(db, refs, settings.seed);
      const claims = await claimsFigure({
        gateway: gateway.url,
        databaseUrl: cluster.databaseUrl,
        keys,
        concurrency: settings.concurrency,
        seconds: settings.claimSeconds,
        gatewayPid: gateway.pid!,
        postgresPid: cluster.postgresPid,
        statements,
        log,
        profile:
          settings.profileSeconds > 0 ? { cluster, port: settings.httpPort + 70, seconds: settings.profileSeconds, resultsDir } : undefined,
      });
      for (const a of ledgerApps) a.start();
      await Promise.all(ledgerApps.map((a) => a.ready()));
      add(claims);
    }
    if (wanted('reconciliation')) {
      add(
        await reconciliationFigure({
          gateway: gateway.url,
          gatewayPid: gateway.pid!,
          region: '440300',
          total: settings.reconciliationRecords,
          subjectRefs: refs,
          log,
        }),
      );
    }
    if (wanted('relay')) {
      add(
        await relayFigure({
          databaseUrl: cluster.databaseUrl,
          brokers: cluster.kafkaBrokers,
          replication: 1,
          events: settings.relayEvents,
          batchSize: settings.relayBatch,
          processes: cluster.processes(),
          log,
        }),
      );
    }
    if (wanted('ledger-size')) {
      add(
        await ledgerSizeFigure({
          cluster,
          port: settings.httpPort + 50,
          sizes: ledgerSizes,
          budgetSeconds: settings.ledgerBudgetSeconds,
          claims: settings.ledgerClaims,
          concurrency: 8,
          log,
        }),
      );
    }
    if (wanted('restart')) add(await restartFigure({ apps: cluster.apps, log }));
    report.finishedAt = new Date().toISOString();
    report.notes.push(`load average at the end ${machine().loadAverageAtStart.join(' ')} (other work on the machine shares the 2 cores)`);
    const files = writeReport(resultsDir, report);
    process.stdout.write(`\n${markdown(report)}\n`);
    log(`written ${files.json} and ${files.md}`);
    return 0;
  } catch (error) {
    // what was measured before a figure failed is kept (a 45-minute run is not thrown away)
    report.finishedAt = new Date().toISOString();
    report.notes.push(`the run stopped early: ${error instanceof Error ? error.message : String(error)}`);
    if (report.figures.length > 0) log(`partial results written to ${writeReport(resultsDir, report).md}`);
    throw error;
  } finally {
    await db.end().catch(() => undefined);
    await stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    log(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);

/** What the unreported warm-up run measured: the first traffic on a young system, for comparison. */
function warmUpNote(f: Figure): string {
  const d = f.details;
  const ms = (k: string): string => Number(d[k]).toFixed(1);
  return `e2e warm-up run before the measured ones (same rate and length, not reported as a figure): p99 ${ms('p99 ms')} ms, CPU ms per request all processes ${ms('CPU ms per request, all processes')}, of it Kafka ${ms('CPU ms per request: Kafka')} (its JIT compiler ${ms(KAFKA_JIT_DETAIL)})`;
}
