import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** One measured figure, with the same-run baseline it is judged against where there is one. */
export interface Figure {
  id: string;
  title: string;
  value: number;
  unit: string;
  /** the same-run baseline (what the hardware / the tool under the same conditions achieves) */
  baseline?: { label: string; value: number };
  /** value / baseline (or, for growth figures, the growth factor itself) */
  ratio?: number;
  target: string;
  met: boolean | null;
  /** further measurements of the same run (percentiles, counts) */
  details: Record<string, number | string>;
  note?: string;
  /** where the target is missed: by how much, and which process's CPU is why (one line per part missed) */
  shortfall?: string[];
}

export interface RunReport {
  startedAt: string;
  finishedAt: string;
  machine: { cpus: number; cpuModel: string; memoryGiB: number; node: string; platform: string; loadAverageAtStart: number[] };
  settings: Record<string, string | number>;
  figures: Figure[];
  notes: string[];
}

export function machine(): RunReport['machine'] {
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    loadAverageAtStart: os.loadavg().map((l) => Math.round(l * 100) / 100),
  };
}

const fmt = (n: number): string =>
  Number.isFinite(n) ? (Math.abs(n) >= 100 ? Math.round(n).toLocaleString('en-US') : String(Math.round(n * 100) / 100)) : 'n/a';

/** CPU per unit by process, largest first: "PostgreSQL 4.69, Kafka 4.35, gateway#0 4.29". */
export function cpuByProcess(cpu: Record<string, number>, unit: string): string {
  return Object.entries(cpu)
    .filter(([, v]) => Number.isFinite(v))
    .sort(([, a], [, b]) => b - a)
    .map(([k, v]) => `${k} ${fmt(v)}`)
    .join(', ')
    .concat(` ${unit}`);
}

/** "2.9×" — how far a measured value is from its target, either way round. */
export const times = (measured: number, target: number): string => `${fmt(Math.max(measured / target, target / measured))}×`;

export function markdown(r: RunReport): string {
  const rows = r.figures.map((f) => {
    const baseline = f.baseline ? `${fmt(f.baseline.value)} (${f.baseline.label})` : '—';
    const ratio = f.ratio === undefined ? '—' : fmt(f.ratio);
    const met = f.met === null ? 'n/a' : f.met ? 'yes' : '**no**';
    return `| ${f.title} | ${fmt(f.value)} ${f.unit} | ${baseline} | ${ratio} | ${f.target} | ${met} |`;
  });
  const details = r.figures.map(
    (f) =>
      `- **${f.title}**: ${Object.entries(f.details)
        .map(([k, v]) => `${k} ${typeof v === 'number' ? fmt(v) : v}`)
        .join(', ')}${f.note ? ` — ${f.note}` : ''}`,
  );
  const missed = r.figures.filter((f) => f.met === false && f.shortfall && f.shortfall.length > 0);
  const shortfalls = missed.map((f) => `- **${f.title}**: ${f.shortfall!.join('; ')}`);
  return [
    `# Tongban benchmark results`,
    '',
    `Run ${r.startedAt} → ${r.finishedAt} on ${r.machine.cpus} × ${r.machine.cpuModel}, ${r.machine.memoryGiB} GiB, Node ${r.machine.node}, ${r.machine.platform} (load average at start ${r.machine.loadAverageAtStart.join(' ')}).`,
    'Load generator, gateway, adapters, PostgreSQL and Kafka all share these cores.',
    '',
    '| figure | measured | same-run baseline | ratio | target | met |',
    '|---|---|---|---|---|---|',
    ...rows,
    '',
    ...(shortfalls.length > 0 ? ['## Where a target is missed: by how much, and why', '', ...shortfalls, ''] : []),
    '## Details',
    '',
    ...details,
    '',
    '## Settings',
    '',
    ...Object.entries(r.settings).map(([k, v]) => `- ${k}: ${v}`),
    '',
    ...(r.notes.length > 0 ? ['## Notes', '', ...r.notes.map((n) => `- ${n}`), ''] : []),
  ].join('\n');
}

export function writeReport(dir: string, r: RunReport): { json: string; md: string } {
  fs.mkdirSync(dir, { recursive: true });
  const json = path.join(dir, 'latest.json');
  const md = path.join(dir, 'latest.md');
  fs.writeFileSync(json, `${JSON.stringify(r, null, 2)}\n`);
  fs.writeFileSync(md, markdown(r));
  return { json, md };
}
