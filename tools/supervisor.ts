import { ChildProcess, spawn } from 'node:child_process';
import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Counter, Registry } from 'prom-client';

export interface ChildSpec {
  /** `<app>#<instance>` */
  key: string;
  app: string;
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
}

export interface SupervisorOptions {
  log: (line: string) => void;
  /** first restart delay; doubled per consecutive crash up to maxBackoffMs */
  backoffMs?: number;
  maxBackoffMs?: number;
  /** a child that ran this long before exiting starts again from the first delay */
  stableMs?: number;
  /** SIGTERM, then SIGKILL after this long */
  stopTimeoutMs?: number;
}

interface Supervised {
  spec: ChildSpec;
  child: ChildProcess;
  startedAt: number;
  crashes: number;
  restartTimer?: NodeJS.Timeout;
}

/**
 * Keeps app processes running like a process manager: an app that exits unexpectedly is started
 * again after a backoff (1 s, 2 s, 4 s … 30 s; reset after a minute of stable running), logged and
 * counted (`tongban_app_restarts_total{app}` on its own /metrics), while the others keep running. Only
 * stop() ends them, in the order given.
 */
export class Supervisor {
  private readonly children = new Map<string, Supervised>();
  private stopping = false;
  private readonly registry = new Registry();
  private readonly restarts: Counter<'app'>;
  private metricsServer: Server | undefined;

  constructor(private readonly opts: SupervisorOptions) {
    this.restarts = new Counter({
      name: 'tongban_app_restarts_total',
      help: 'App processes the local supervisor started again after an unexpected exit',
      labelNames: ['app'],
      registers: [this.registry],
    });
  }

  /** Serves the restart counter (and nothing else) for Prometheus; resolves to the bound port. */
  async serveMetrics(port: number, host = '127.0.0.1'): Promise<number> {
    this.metricsServer = createServer((req, res) => {
      if (req.url !== '/metrics') {
        res.writeHead(404).end();
        return;
      }
      void this.registry.metrics().then((body) => res.writeHead(200, { 'content-type': this.registry.contentType }).end(body));
    });
    await new Promise<void>((resolve) => this.metricsServer!.listen(port, host, resolve));
    return (this.metricsServer.address() as AddressInfo).port;
  }

  start(spec: ChildSpec): void {
    this.restarts.inc({ app: spec.app }, 0); // the series exists before the first restart
    this.children.set(spec.key, this.spawn(spec, 0));
  }

  restartCount(app: string): Promise<number> {
    return this.restarts.get().then((m) => m.values.filter((v) => v.labels.app === app).reduce((n, v) => n + v.value, 0));
  }

  pid(key: string): number | undefined {
    return this.children.get(key)?.child.pid;
  }

  private spawn(spec: ChildSpec, crashes: number): Supervised {
    // each app in its own process group: a terminal Ctrl-C reaches the supervisor only, which stops them in order
    const child = spawn(spec.command, spec.args, { env: spec.env, stdio: 'inherit', detached: true });
    const entry: Supervised = { spec, child, startedAt: Date.now(), crashes };
    child.once('exit', (code, signal) => this.exited(entry, code, signal));
    return entry;
  }

  private exited(entry: Supervised, code: number | null, signal: NodeJS.Signals | null): void {
    if (this.stopping || this.children.get(entry.spec.key) !== entry) return;
    const stable = Date.now() - entry.startedAt >= (this.opts.stableMs ?? 60_000);
    const crashes = stable ? 1 : entry.crashes + 1;
    const delay = Math.min((this.opts.backoffMs ?? 1000) * 2 ** (crashes - 1), this.opts.maxBackoffMs ?? 30_000);
    this.opts.log(`${entry.spec.key} exited unexpectedly (code ${code}, signal ${signal}); restarting in ${delay} ms (crash ${crashes})`);
    entry.restartTimer = setTimeout(() => {
      if (this.stopping) return;
      this.restarts.inc({ app: entry.spec.app });
      this.children.set(entry.spec.key, this.spawn(entry.spec, crashes));
      this.opts.log(`${entry.spec.key} restarted`);
    }, delay);
  }

  /** Stops every app, group by group in the given order of app names (SIGTERM, then SIGKILL after the timeout). */
  async stop(order: readonly string[]): Promise<void> {
    this.stopping = true;
    for (const e of this.children.values()) clearTimeout(e.restartTimer);
    for (const app of order) {
      const mine = [...this.children.values()].filter((e) => e.spec.app === app).map((e) => e.child);
      mine.forEach((child) => child.kill('SIGTERM'));
      await Promise.all(mine.map((child) => waitExit(child, this.opts.stopTimeoutMs ?? 20_000)));
    }
    await new Promise<void>((resolve) => (this.metricsServer ? this.metricsServer.close(() => resolve()) : resolve()));
  }
}

function waitExit(child: ChildProcess, ms: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
