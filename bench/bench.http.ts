import * as http from 'node:http';
import { Readable } from 'node:stream';

export interface Reply<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: http.IncomingHttpHeaders;
  /** milliseconds from sending the request to the end of the response */
  ms: number;
}

export interface CallOptions {
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
  idempotencyKey?: string;
  /** a streamed body (sent chunked) with its content type */
  stream?: { source: Readable; contentType: string };
  timeoutMs?: number;
}

/**
 * A keep-alive HTTP client for the load generator: node:http with a bounded socket pool, so a run at
 * concurrency N holds exactly N connections open, as a provincial system's connection pool would.
 */
export class BenchClient {
  readonly agent: http.Agent;
  private readonly url: URL;

  constructor(baseUrl: string, maxSockets: number) {
    this.url = new URL(baseUrl);
    this.agent = new http.Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets, scheduling: 'fifo' });
  }

  call<T = Record<string, unknown>>(method: string, path: string, opts: CallOptions = {}): Promise<Reply<T>> {
    const headers: Record<string, string> = { ...(opts.headers ?? {}) };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    if (opts.idempotencyKey) headers['idempotency-key'] = opts.idempotencyKey;
    let payload: Buffer | undefined;
    if (opts.body !== undefined) {
      payload = Buffer.from(JSON.stringify(opts.body));
      headers['content-type'] = 'application/json';
      headers['content-length'] = String(payload.length);
    }
    if (opts.stream) headers['content-type'] = opts.stream.contentType;
    const started = performance.now();
    return new Promise<Reply<T>>((resolve, reject) => {
      const req = http.request(
        { host: this.url.hostname, port: this.url.port, method, path, headers, agent: this.agent, timeout: opts.timeoutMs ?? 60000 },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('error', reject);
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let body: unknown = undefined;
            try {
              body = text ? JSON.parse(text) : undefined;
            } catch {
              body = { raw: text.slice(0, 200) };
            }
            resolve({ status: res.statusCode ?? 0, body: body as T, headers: res.headers, ms: performance.now() - started });
          });
        },
      );
      req.on('timeout', () => req.destroy(new Error(`request timed out: ${method} ${path}`)));
      req.on('error', reject);
      if (opts.stream) {
        opts.stream.source.on('error', (e) => req.destroy(e));
        opts.stream.source.pipe(req);
      } else req.end(payload);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/** Latency samples in milliseconds and their percentiles. */
export class Latencies {
  private readonly samples: number[] = [];

  add(ms: number): void {
    this.samples.push(ms);
  }

  get count(): number {
    return this.samples.length;
  }

  percentile(p: number): number {
    if (this.samples.length === 0) return NaN;
    const sorted = [...this.samples].sort((a, b) => a - b);
    const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
    return sorted[idx];
  }

  summary(): { count: number; p50: number; p95: number; p99: number; max: number } {
    return { count: this.count, p50: this.percentile(50), p95: this.percentile(95), p99: this.percentile(99), max: this.percentile(100) };
  }
}

/**
 * Runs `op` from `concurrency` workers until `total` operations have run (or `deadline` passed),
 * each worker starting its next operation as soon as the previous finished (closed loop).
 */
export async function closedLoop(
  concurrency: number,
  total: number,
  op: (i: number) => Promise<void>,
  deadlineMs = Infinity,
): Promise<{ done: number; seconds: number }> {
  let next = 0;
  const started = performance.now();
  const worker = async (): Promise<void> => {
    for (;;) {
      const i = next++;
      if (i >= total || performance.now() - started > deadlineMs) return;
      await op(i);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const done = Math.min(next, total);
  return { done, seconds: (performance.now() - started) / 1000 };
}

/** Sends `op` at a fixed rate (open loop: a slow answer does not slow the arrivals) for `seconds`. */
export async function openLoop(
  ratePerSecond: number,
  seconds: number,
  op: (i: number) => Promise<void>,
): Promise<{ sent: number; seconds: number }> {
  const started = performance.now();
  const inflight = new Set<Promise<void>>();
  let sent = 0;
  const total = Math.round(ratePerSecond * seconds);
  while (sent < total) {
    const due = started + (sent / ratePerSecond) * 1000;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    // send every request that is due now (timers on a busy loop fire late; arrivals catch up)
    while (sent < total && started + (sent / ratePerSecond) * 1000 <= performance.now()) {
      const p = op(sent++).finally(() => inflight.delete(p));
      inflight.add(p);
    }
  }
  const sendSeconds = (performance.now() - started) / 1000;
  await Promise.all(inflight);
  return { sent, seconds: sendSeconds };
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
