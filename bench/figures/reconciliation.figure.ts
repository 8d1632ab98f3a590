import { Readable } from 'node:stream';
import { BenchClient } from '../bench.http';
import { rssBytes } from '../bench.cluster';
import { tokenOf } from '../bench.population';
import { MONTHLY_HELD } from '../bench.setup';
import { Figure } from '../bench.report';

const MiB = 2 ** 20;

/** NDJSON provision records generated on the fly (the client holds no file in memory either). */
function records(total: number, subjectRefs: string[]): Readable {
  let i = 0;
  return new Readable({
    read() {
      const lines: string[] = [];
      for (let n = 0; n < 2000 && i < total; n++, i++) {
        const subjectRef = subjectRefs[i % subjectRefs.length];
        const serviceCode = MONTHLY_HELD[Math.floor(i / subjectRefs.length) % MONTHLY_HELD.length];
        const month = 1 + (Math.floor(i / (subjectRefs.length * MONTHLY_HELD.length)) % 12);
        lines.push(JSON.stringify({ subjectRef, serviceCode, periodKey: `2026-${String(month).padStart(2, '0')}` }));
      }
      this.push(lines.length > 0 ? `${lines.join('\n')}\n` : null);
    },
  });
}

/**
 * 档案比对 of one million records: one streamed POST /v1/reconciliations, timed from the first byte
 * sent to the answer, while the gateway process's resident set size is sampled every 100 ms.
 */
export async function reconciliationFigure(opts: {
  gateway: string;
  gatewayPid: number;
  region: string;
  total: number;
  subjectRefs: string[];
  log: (line: string) => void;
}): Promise<Figure> {
  const before = rssBytes(opts.gatewayPid) ?? 0;
  let peak = before;
  const samples: number[] = [];
  const timer = setInterval(() => {
    const rss = rssBytes(opts.gatewayPid);
    if (rss !== undefined) {
      samples.push(rss);
      peak = Math.max(peak, rss);
    }
  }, 100);
  const client = new BenchClient(opts.gateway, 1);
  const started = performance.now();
  let res;
  try {
    res = await client.call('POST', '/v1/reconciliations', {
      token: tokenOf(opts.region, 'civil-affairs'),
      stream: { source: records(opts.total, opts.subjectRefs), contentType: 'application/x-ndjson' },
      timeoutMs: 900000,
    });
  } finally {
    clearInterval(timer);
    client.close();
  }
  const seconds = (performance.now() - started) / 1000;
  if (res.status !== 202) throw new Error(`reconciliation answered ${res.status}: ${JSON.stringify(res.body).slice(0, 300)}`);
  const body = res.body;
  if (Number(body.records) !== opts.total) throw new Error(`reconciliation stored ${String(body.records)} of ${opts.total} records`);
  // flat memory: compare the peak of the first and of the last quarter of the run
  const q = Math.max(1, Math.floor(samples.length / 4));
  const firstQuarter = Math.max(...samples.slice(0, q));
  const lastQuarter = Math.max(...samples.slice(-q));
  opts.log(
    `reconciliation: ${opts.total} records in ${seconds.toFixed(1)} s; gateway RSS ${Math.round(before / MiB)} MiB before, peak ${Math.round(peak / MiB)} MiB; ${JSON.stringify(body)}`,
  );
  return {
    id: 'reconciliation',
    title: `Reconciliation of ${opts.total.toLocaleString('en-US')} NDJSON records (one streamed upload)`,
    value: seconds,
    unit: 's',
    target: '≤ 60 s with flat memory',
    met: seconds <= 60 && peak - before < 200 * MiB,
    details: {
      'records/s': opts.total / seconds,
      'gateway RSS before MiB': before / MiB,
      'gateway RSS peak MiB': peak / MiB,
      'peak growth MiB': (peak - before) / MiB,
      'peak in first quarter MiB': firstQuarter / MiB,
      'peak in last quarter MiB': lastQuarter / MiB,
      'records stored': Number(body.records ?? NaN),
      overlaps: Number(body.overlaps ?? NaN),
      gaps: Number(body.gaps ?? NaN),
      unknown: Number(body.unknown ?? NaN),
    },
    note: 'flat memory = RSS of the gateway process bounded (peak growth < 200 MiB and no climb from the first to the last quarter)',
  };
}
