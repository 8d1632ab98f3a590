import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import { AppName, repoPath } from '@tongban/config';
import { EmbeddedPostgres, startEmbeddedPostgres } from '../tools/embedded-postgres';
import { Infra, startInfra } from '../tools/infra';
import { sleep } from './bench.http';
import { writeCredentials } from './bench.population';

export const PORT_VARS: Record<AppName, string> = {
  gateway: 'GATEWAY_PORT',
  'residence-permit': 'RESIDENCE_PERMIT_PORT',
  'social-insurance': 'SOCIAL_INSURANCE_PORT',
  'medical-settlement': 'MEDICAL_SETTLEMENT_PORT',
  ledger: 'LEDGER_PORT',
};
/** Every app behind the gateway: the ledger (its consumer and jobs) and the domain adapters (their clocks). */
export const BACKEND_APPS: readonly AppName[] = ['ledger', 'residence-permit', 'social-insurance', 'medical-settlement'];

function httpStatus(url: string): Promise<number> {
  return new Promise((resolve) => {
    const req = http.get(url, { timeout: 2000 }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(0));
  });
}

/** One app instance as a child process of its own (so it can be SIGKILLed like a crashed server). */
export class AppProcess {
  child: ChildProcess | undefined;
  private exited: Promise<void> = Promise.resolve();

  constructor(
    readonly name: AppName,
    readonly index: number,
    readonly port: number,
    private readonly env: Record<string, string>,
    private readonly logFile: string,
    /** Node options of this instance alone (a profiled gateway), before BENCH_APP_NODE_ARGS */
    private readonly nodeArgs: readonly string[] = [],
  ) {}

  get key(): string {
    return `${this.name}#${this.index}`;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get alive(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  start(): void {
    const out = fs.openSync(this.logFile, 'a');
    // BENCH_APP_NODE_ARGS, e.g. '--cpu-prof --cpu-prof-dir=/tmp/prof', profiles the apps
    const nodeArgs = [...this.nodeArgs, ...(process.env.BENCH_APP_NODE_ARGS ?? '').split(' ').filter(Boolean)];
    const child = spawn(
      process.execPath,
      [...nodeArgs, '-r', repoPath('tools/paths.js'), path.join(repoPath('dist'), 'apps', this.name, 'src', 'main.js')],
      {
        env: { ...process.env, ...this.env, [PORT_VARS[this.name]]: String(this.port) },
        stdio: ['ignore', out, out],
        detached: true,
      },
    );
    fs.closeSync(out);
    this.child = child;
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
  }

  /** Waits until /health/ready answers 200 (PostgreSQL and Kafka reachable, relays and consumer started). */
  async ready(timeoutMs = 90000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (!this.alive) throw new Error(`${this.key} exited during start-up; see ${this.logFile}`);
      if ((await httpStatus(`${this.url}/health/ready`)) === 200) return;
      await sleep(250);
    }
    throw new Error(`${this.key} not ready within ${timeoutMs} ms; see ${this.logFile}`);
  }

  async kill9(): Promise<void> {
    if (!this.alive) return;
    this.child!.kill('SIGKILL');
    await this.exited;
  }

  async stop(): Promise<void> {
    if (!this.alive) return;
    this.child!.kill('SIGTERM');
    const timer = setTimeout(() => this.child?.kill('SIGKILL'), 20000);
    await this.exited;
    clearTimeout(timer);
  }
}

export interface ClusterOptions {
  dataRoot: string;
  pgPort: number;
  kafkaPort: number;
  kafkaControllerPort: number;
  kafkaCluster?: boolean;
  kafkaClusterBasePort?: number;
  /** HTTP port of the first gateway; app k of kind n gets basePort + offset(n) + 100 * k */
  basePort: number;
  /** extra environment for every app */
  env: Record<string, string>;
  /** PostgreSQL settings beyond the defaults, as `name=value` */
  pgSettings?: string[];
  log: (line: string) => void;
}

/**
 * The bench's (and the chaos run's) own world: a fresh embedded PostgreSQL and Kafka (single broker or
 * the three-node cluster) under its own data folder and ports, a generated credentials file for the
 * synthetic population's cities, and the apps as child processes.
 */
export class BenchCluster {
  readonly apps: AppProcess[] = [];
  readonly appEnv: Record<string, string>;

  private constructor(
    readonly opts: ClusterOptions,
    private pg: EmbeddedPostgres,
    private readonly infra: Infra,
  ) {
    const credentials = path.join(opts.dataRoot, 'credentials.json');
    writeCredentials(credentials);
    this.appEnv = {
      NODE_ENV: 'development',
      LOG_FORMAT: 'json',
      DATABASE_URL: pg.url,
      KAFKA_BROKERS: infra.kafkaBrokers,
      CREDENTIALS_FILE: credentials,
      KAFKA_REPLICATION_FACTOR: opts.kafkaCluster ? '3' : '1',
      HTTP_HOST: '127.0.0.1',
      ...opts.env,
    };
  }

  static async start(opts: ClusterOptions): Promise<BenchCluster> {
    fs.rmSync(opts.dataRoot, { recursive: true, force: true });
    fs.mkdirSync(path.join(opts.dataRoot, 'logs'), { recursive: true });
    // Always our own servers: an exported DATABASE_URL / KAFKA_BROKERS of a dev shell must not be benchmarked or killed.
    delete process.env.KAFKA_BROKERS;
    delete process.env.KAFKA_NAMESPACE;
    const pg = await startEmbeddedPostgres({
      dataDir: path.join(opts.dataRoot, 'postgres'),
      port: opts.pgPort,
      log: opts.log,
      settings: opts.pgSettings,
    });
    process.env.DATABASE_URL = pg.url;
    let infra: Infra;
    try {
      infra = await startInfra({
        dataRoot: opts.dataRoot,
        pgPort: opts.pgPort,
        kafkaPort: opts.kafkaPort,
        kafkaControllerPort: opts.kafkaControllerPort,
        kafkaCluster: opts.kafkaCluster,
        kafkaClusterBasePort: opts.kafkaClusterBasePort,
        log: opts.log,
      });
    } catch (error) {
      await pg.stop();
      throw error;
    } finally {
      delete process.env.DATABASE_URL;
    }
    return new BenchCluster(opts, pg, infra);
  }

  get databaseUrl(): string {
    return this.pg.url;
  }

  get kafkaBrokers(): string {
    return this.infra.kafkaBrokers;
  }

  get postgresPid(): number {
    return this.pg.pid;
  }

  /** The system's processes by name (apps, PostgreSQL, the single local Kafka broker), for CPU accounting. */
  processes(): Record<string, number> {
    const pids: Record<string, number> = { PostgreSQL: this.pg.pid };
    for (const a of this.apps) if (a.pid !== undefined && a.alive) pids[a.key] = a.pid;
    const kafkaPid = path.join(this.opts.dataRoot, 'kafka', 'kafka.pid');
    if (fs.existsSync(kafkaPid)) pids.Kafka = Number(fs.readFileSync(kafkaPid, 'utf8').trim());
    return pids;
  }

  /** Starts `instances` of each named app (in order, each ready before the next kind starts). */
  async startApps(names: readonly AppName[], instances = 1, extraEnv: Record<string, string> = {}): Promise<AppProcess[]> {
    const offset: Record<AppName, number> = {
      gateway: 0,
      'residence-permit': 1,
      'social-insurance': 2,
      'medical-settlement': 3,
      ledger: 4,
    };
    const started: AppProcess[] = [];
    for (const name of names) {
      const batch: AppProcess[] = [];
      for (let i = 0; i < instances; i++) {
        const app = new AppProcess(
          name,
          i,
          this.opts.basePort + offset[name] + 100 * i,
          { ...this.appEnv, ...extraEnv },
          path.join(this.opts.dataRoot, 'logs', `${name}-${i}.log`),
        );
        app.start();
        batch.push(app);
      }
      await Promise.all(batch.map((a) => a.ready()));
      this.apps.push(...batch);
      started.push(...batch);
    }
    return started;
  }

  app(name: AppName, index = 0): AppProcess {
    const a = this.apps.find((x) => x.name === name && x.index === index);
    if (!a) throw new Error(`no ${name}#${index}`);
    return a;
  }

  /** Stops PostgreSQL (fast shutdown: open transactions roll back) and starts it again on the same data. */
  async restartPostgres(downMs = 2000): Promise<void> {
    await this.pg.stop();
    await sleep(downMs);
    this.pg = await startEmbeddedPostgres({
      dataDir: path.join(this.opts.dataRoot, 'postgres'),
      port: this.opts.pgPort,
      log: this.opts.log,
    });
  }

  /** deploy/local/kafka-cluster.sh kill|restart <node> on this cluster's folder and ports. */
  kafkaNode(command: 'kill' | 'restart', node: number): void {
    const result = spawnSync('bash', [repoPath('deploy/local/kafka-cluster.sh'), command, String(node)], {
      env: {
        ...process.env,
        KAFKA_CLUSTER_DIR: path.join(this.opts.dataRoot, 'kafka-cluster'),
        ...(this.opts.kafkaClusterBasePort ? { KAFKA_CLUSTER_BASE_PORT: String(this.opts.kafkaClusterBasePort) } : {}),
      },
      encoding: 'utf8',
    });
    const out = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim();
    if (out) out.split('\n').forEach(this.opts.log);
    if (result.status !== 0) throw new Error(`kafka-cluster.sh ${command} ${node} failed (exit ${result.status})`);
  }

  /** Stops the apps (gateway first), then Kafka, then PostgreSQL; keeps the data folder for inspection. */
  async stop(): Promise<void> {
    for (const name of ['gateway', ...BACKEND_APPS] as AppName[])
      await Promise.all(this.apps.filter((a) => a.name === name).map((a) => a.stop()));
    await this.infra.stop().catch((e: unknown) => this.opts.log(`kafka stop failed: ${String(e)}`));
    await this.pg.stop();
  }
}

/** Resident set size of a process in bytes (Linux /proc), or undefined once it is gone. */
export function rssBytes(pid: number): number | undefined {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+) kB/.exec(status);
    return kb ? Number(kb[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}
