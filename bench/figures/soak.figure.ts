import * as fs from 'node:fs';
import { Figure } from '../bench.report';
import { e2eFigure } from './e2e.figure';

/** Resident set size of a process in MiB (Linux /proc), null once it is gone. */
function rssMiB(pid: number): number | null {
  try {
    const line = fs
      .readFileSync(`/proc/${pid}/status`, 'utf8')
      .split('\n')
      .find((l) => l.startsWith('VmRSS:'));
    return line ? Math.round(Number(line.split(/\s+/)[1]) / 102.4) / 10 : null;
  } catch {
    return null;
  }
}

/**
 * Soak: the end-to-end workload at half the rate this machine sustains, for `seconds` (20 minutes by
 * default), with every process's RSS at the start, the middle and the end. Met when nothing was
 * refused, failed or left undelivered, and no process's RSS more than doubled from the middle to the end.
 */
export async function soakFigure(opts: Parameters<typeof e2eFigure>[0]): Promise<Figure> {
  const samples: Record<'start' | 'middle' | 'end', Record<string, number | null>> = { start: {}, middle: {}, end: {} };
  const sample = (at: keyof typeof samples): void => {
    for (const [name, pid] of Object.entries(opts.processes)) samples[at][name] = rssMiB(pid);
    opts.log(
      `soak: RSS at the ${at}: ${Object.entries(samples[at])
        .map(([k, v]) => `${k} ${v ?? '—'} MiB`)
        .join(', ')}`,
    );
  };
  sample('start');
  const middle = setTimeout(() => sample('middle'), (opts.seconds * 1000) / 2);
  const run = await e2eFigure({ ...opts }).finally(() => clearTimeout(middle));
  sample('end');
  const errors = Number(run.details['refused or failed'] ?? 0) + Number(run.details['not delivered in 120 s'] ?? 0);
  const grew = Object.keys(opts.processes).filter((k) => {
    const [m, e] = [samples.middle[k], samples.end[k]];
    return m !== null && m !== undefined && e !== null && e !== undefined && e > 2 * m;
  });
  return {
    id: 'soak',
    title: `Soak: ${Math.round(opts.seconds / 60)} min at ${opts.rate} requests/s (half the rate this machine sustains), end to end`,
    value: run.value,
    unit: 'ms p99',
    target: '0 errors, 0 undelivered, RSS steady (no process doubles from the middle to the end)',
    met: errors === 0 && grew.length === 0,
    details: {
      ...Object.fromEntries(Object.entries(run.details).filter(([k]) => !k.startsWith('CPU'))),
      errors,
      ...Object.fromEntries(
        Object.keys(opts.processes).map((k) => [
          `RSS MiB ${k} (start / middle / end)`,
          `${samples.start[k]} / ${samples.middle[k]} / ${samples.end[k]}`,
        ]),
      ),
    },
    note: `the e2e mix (filings, transfers, permits) at a fixed rate; RSS of each process's main pid${grew.length ? `; grew: ${grew.join(', ')}` : ''}`,
  };
}
