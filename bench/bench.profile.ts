import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoPath } from '@tongban/config';

/** The parts of a V8 .cpuprofile (what `node --cpu-prof` writes) this summary reads. */
interface CpuProfile {
  nodes: Array<{
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
    children?: number[];
  }>;
  startTime: number;
  endTime: number;
  samples: number[];
  /** microseconds since the previous sample; timeDeltas[i] is the time before samples[i] */
  timeDeltas: number[];
}

export interface Frame {
  name: string;
  /** file:line (1-based), relative to the repository, or the V8 pseudo-frame */
  where: string;
  pkg: string;
  selfMs: number;
}

export interface ProfileSummary {
  /** sampled milliseconds the process was busy (everything but idle) */
  busyMs: number;
  idleMs: number;
  frames: Frame[];
  packages: Array<{ pkg: string; selfMs: number }>;
}

const ROOT = repoPath('.');

/**
 * Who a frame belongs to: its npm package (scoped ones with their scope), our libraries and apps
 * (compiled under dist/) by name, Node's own JavaScript, or V8's pseudo-frames (GC, program).
 */
export function packageOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const file = url.replace(/^file:\/\//, '');
  const nm = file.lastIndexOf('/node_modules/');
  if (nm >= 0) {
    const parts = file.slice(nm + '/node_modules/'.length).split('/');
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  if (file.startsWith('node:')) return 'node (core)';
  const own = /\/dist\/(libs|apps)\/([^/]+)\//.exec(file);
  if (own) return own[1] === 'libs' ? `@tongban/${own[2]}` : `apps/${own[2]}`;
  return path.isAbsolute(file) ? path.relative(ROOT, file) : file;
}

/** The monotonic clock V8 stamps profiles with (CLOCK_MONOTONIC on Linux, like process.hrtime), in µs. */
export const monotonicMicros = (): number => Number(process.hrtime.bigint() / 1000n);

/**
 * Self time by frame (function + file + line) and by package, from the samples and their time deltas;
 * with a window (monotonic µs), only the samples inside it (the load, not the start-up and warm-up).
 */
export function summarize(profile: CpuProfile, window?: { from: number; to: number }): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  let at = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    at += profile.timeDeltas[i];
    if (window && (at < window.from || at > window.to)) continue;
    // a sample's time runs until the next sample (the last one: until the profile ends)
    const next = i + 1 < profile.samples.length ? profile.timeDeltas[i + 1] : 0;
    selfUs.set(profile.samples[i], (selfUs.get(profile.samples[i]) ?? 0) + Math.max(0, next));
  }
  const frames = new Map<string, Frame>();
  let idleUs = 0;
  let busyUs = 0;
  for (const [id, us] of selfUs) {
    const cf = byId.get(id)!.callFrame;
    if (cf.functionName === '(idle)') {
      idleUs += us;
      continue;
    }
    busyUs += us;
    const file = cf.url.replace(/^file:\/\//, '');
    const where = file ? `${path.isAbsolute(file) ? path.relative(ROOT, file) : file}:${cf.lineNumber + 1}` : '';
    const name = cf.functionName || '(anonymous)';
    const key = `${name} ${where}`;
    const f = frames.get(key) ?? { name, where, pkg: packageOf(cf.url, cf.functionName), selfMs: 0 };
    f.selfMs += us / 1000;
    frames.set(key, f);
  }
  const packages = new Map<string, number>();
  for (const f of frames.values()) packages.set(f.pkg, (packages.get(f.pkg) ?? 0) + f.selfMs);
  return {
    busyMs: busyUs / 1000,
    idleMs: idleUs / 1000,
    frames: [...frames.values()].sort((a, b) => b.selfMs - a.selfMs),
    packages: [...packages.entries()].map(([pkg, selfMs]) => ({ pkg, selfMs })).sort((a, b) => b.selfMs - a.selfMs),
  };
}

export function readProfile(file: string, window?: { from: number; to: number }): ProfileSummary {
  return summarize(JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile, window);
}

/** The newest .cpuprofile a process wrote into dir (node names them CPU.<date>.<time>.<pid>.<tid>.<seq>.cpuprofile). */
export function newestProfile(dir: string, pid?: number): string | undefined {
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile') && (pid === undefined || f.includes(`.${pid}.`)))
    .map((f) => path.join(dir, f));
  return files.sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs)[0];
}

const fmt = (n: number, digits = 1): string => n.toFixed(digits);
const cell = (s: string): string => s.replace(/\|/g, '\\|');

/**
 * The summary as Markdown: packages, then the top frames, by self time — each as a share of the
 * sampled busy time and as CPU ms per unit of work. The sampler runs on wall-clock time, so on a
 * shared machine a sample also covers time the thread waited for a core (it lands on whatever was on
 * top then, often the write that woke PostgreSQL); the shares are what the profile says, and the
 * ms per unit scale them to the process's measured CPU time per unit (`cpuMsPerUnit`).
 */
export function profileMarkdown(
  s: ProfileSummary,
  opts: { title: string; units: number; unitName: string; cpuMsPerUnit: number; top?: number; notes?: string[] },
): string {
  const share = (ms: number): number => ms / Math.max(1e-9, s.busyMs);
  const per = (ms: number): string => fmt(share(ms) * opts.cpuMsPerUnit, 3);
  const pct = (ms: number): string => fmt(100 * share(ms));
  const lines = [
    `# ${opts.title}`,
    '',
    `Sampled busy time ${fmt(s.busyMs, 0)} ms (idle ${fmt(s.idleMs, 0)} ms) over ${opts.units} ${opts.unitName}s ` +
      `(${fmt(s.busyMs / Math.max(1, opts.units), 3)} ms sampled per ${opts.unitName}); the process's CPU time was ` +
      `${fmt(opts.cpuMsPerUnit, 3)} ms per ${opts.unitName}, split by the shares in the "ms per ${opts.unitName}" columns.`,
    ...(opts.notes ?? []).map((n) => `\n${n}`),
    '',
    '## By package (self time)',
    '',
    `| package | self ms | % of busy | ms per ${opts.unitName} |`,
    '| --- | ---: | ---: | ---: |',
    ...s.packages.map((p) => `| ${cell(p.pkg)} | ${fmt(p.selfMs)} | ${pct(p.selfMs)} | ${per(p.selfMs)} |`),
    '',
    `## Top ${opts.top ?? 25} frames (self time)`,
    '',
    `| function | file:line | package | self ms | % of busy | ms per ${opts.unitName} |`,
    '| --- | --- | --- | ---: | ---: | ---: |',
    ...s.frames
      .slice(0, opts.top ?? 25)
      .map(
        (f) => `| ${cell(f.name)} | ${cell(f.where || '—')} | ${cell(f.pkg)} | ${fmt(f.selfMs)} | ${pct(f.selfMs)} | ${per(f.selfMs)} |`,
      ),
    '',
  ];
  return lines.join('\n');
}
