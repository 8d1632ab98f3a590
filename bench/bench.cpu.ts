import * as fs from 'node:fs';
import * as os from 'node:os';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

interface Stat {
  ppid: number;
  /** utime + stime, and cutime + cstime (children already waited for) */
  own: number;
  reaped: number;
}

/** A process's (`/proc/<pid>`) or a thread's (`/proc/<pid>/task/<tid>`) stat; undefined once it ended. */
function statOf(pid: number, dir = `/proc/${pid}`): Stat | undefined {
  try {
    // the command name (field 2) may contain spaces: the fields that follow start after the last ')'
    const f = fs.readFileSync(`${dir}/stat`, 'utf8').split(') ').pop()!.split(' ');
    return { ppid: Number(f[1]), own: Number(f[11]) + Number(f[12]), reaped: Number(f[13]) + Number(f[14]) };
  } catch {
    return undefined;
  }
}

/** A process and all its descendants (Linux /proc). */
function treeOf(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const st = statOf(Number(entry));
    if (st) children.set(st.ppid, [...(children.get(st.ppid) ?? []), Number(entry)]);
  }
  const tree: number[] = [];
  for (const pending = [root]; pending.length > 0;) {
    const pid = pending.pop()!;
    tree.push(pid);
    pending.push(...(children.get(pid) ?? []));
  }
  return tree;
}

/**
 * CPU seconds used so far by a process and all its descendants — for PostgreSQL the postmaster, its
 * live backends and the backends that already exited (counted in the postmaster's children's times).
 * Linux only: on other systems it returns NaN and the figures say so.
 */
export function treeCpuSeconds(root: number): number {
  if (os.platform() !== 'linux') return NaN;
  let ticks = 0;
  for (const pid of treeOf(root)) {
    const st = statOf(pid);
    if (st) ticks += st.own + st.reaped;
  }
  return ticks / TICKS_PER_SECOND;
}

/**
 * CPU seconds the JVM JIT compiler threads (C1, C2) of a process tree used so far: a young JVM (a
 * broker started for the bench) spends a share of its CPU compiling, which a long-running one does not.
 */
export function jitCpuSeconds(root: number): number {
  if (os.platform() !== 'linux') return NaN;
  let ticks = 0;
  for (const pid of treeOf(root)) {
    let tasks: string[] = [];
    try {
      tasks = fs.readdirSync(`/proc/${pid}/task`);
    } catch {
      continue;
    }
    for (const task of tasks) {
      const dir = `/proc/${pid}/task/${task}`;
      let name = '';
      try {
        name = fs.readFileSync(`${dir}/comm`, 'utf8');
      } catch {
        continue; // the thread ended
      }
      if (/^C[12] CompilerThre/.test(name)) ticks += statOf(pid, dir)?.own ?? 0;
    }
  }
  return ticks / TICKS_PER_SECOND;
}

/** CPU seconds of this process (the load generator) so far. */
export function ownCpuSeconds(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

/** Measures CPU seconds spent by named processes while fn runs. */
export async function cpuDuring<T>(
  pids: Record<string, number>,
  fn: () => Promise<T>,
): Promise<{ result: T; cpu: Record<string, number> }> {
  const before = Object.fromEntries(Object.entries(pids).map(([k, pid]) => [k, treeCpuSeconds(pid)]));
  const self = ownCpuSeconds();
  const result = await fn();
  const cpu = Object.fromEntries(Object.entries(pids).map(([k, pid]) => [k, treeCpuSeconds(pid) - before[k]]));
  cpu['load generator'] = ownCpuSeconds() - self;
  return { result, cpu };
}

/** The bar for a quiet system: below half a core outside the load generator for two 5-s windows in a row, at most 3 minutes. */
const QUIET = { cpuPerSecond: 0.5, windowSeconds: 5, windows: 2, maxMs: 180_000 };

/**
 * Waits until the named processes are quiet (QUIET): what an earlier figure left behind (a backlog, a
 * job's burst) is then not billed to the next. Answers the CPU seconds per second each process spent
 * in the last window (its idle cost) and how long it waited.
 */
export async function untilQuiet(
  pids: Record<string, number>,
  log: (line: string) => void,
): Promise<{ idlePerSecond: Record<string, number>; waitedMs: number }> {
  const started = Date.now();
  let quiet = 0;
  for (;;) {
    const { cpu } = await cpuDuring(pids, () => new Promise((r) => setTimeout(r, QUIET.windowSeconds * 1000)));
    const idlePerSecond = Object.fromEntries(Object.entries(cpu).map(([k, sec]) => [k, sec / QUIET.windowSeconds]));
    const busy = Object.entries(idlePerSecond).reduce((n, [k, v]) => (k === 'load generator' ? n : n + v), 0);
    quiet = busy <= QUIET.cpuPerSecond ? quiet + 1 : 0;
    if (quiet >= QUIET.windows || Date.now() - started > QUIET.maxMs) return { idlePerSecond, waitedMs: Date.now() - started };
    if (quiet === 0) log(`waiting for a quiet system: ${(busy * 1000).toFixed(0)} ms CPU per second outside the load generator`);
  }
}
