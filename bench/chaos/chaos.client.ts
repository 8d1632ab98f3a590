import { BenchClient, Reply, sleep } from '../bench.http';
import type { AgencyKind } from '@tongban/identity';
import { tokenOf } from '../bench.population';

/** An answer the workload did not expect (after retries): each one is a violation. */
export interface Unexpected {
  what: string;
  status: number | 'gave-up';
  detail: string;
}

/**
 * A provincial system's client as the issue asks: every write carries an Idempotency-Key, and on a
 * connection error, a timeout, a 5xx or a 429 it retries the same request with the same key on the
 * next gateway instance (a load balancer's behaviour), with backoff, until a deadline.
 */
export class RetryingGateway {
  private readonly clients = new Map<string, BenchClient>();
  private turn = 0;
  retries = 0;
  readonly retriesByCause = new Map<string, number>();
  readonly unexpected: Unexpected[] = [];

  constructor(
    private readonly urls: readonly string[],
    private readonly deadlineMs = 150000,
  ) {}

  private client(url: string): BenchClient {
    let c = this.clients.get(url);
    if (!c) this.clients.set(url, (c = new BenchClient(url, 24)));
    return c;
  }

  private note(cause: string): void {
    this.retries++;
    this.retriesByCause.set(cause, (this.retriesByCause.get(cause) ?? 0) + 1);
  }

  /** Sends until a final answer; returns it when its status is one of `expect`, else records it and returns undefined. */
  async send<T = Record<string, unknown>>(
    what: string,
    method: 'POST' | 'GET',
    path: string,
    region: string,
    opts: { as: AgencyKind; body?: unknown; key?: string; expect: number[]; retryOn?: number[] },
  ): Promise<Reply<T> | undefined> {
    const deadline = Date.now() + this.deadlineMs;
    for (let attempt = 1; ; attempt++) {
      const url = this.urls[this.turn++ % this.urls.length];
      let cause: string;
      try {
        const res = await this.client(url).call<T>(method, path, {
          token: tokenOf(region, opts.as),
          body: opts.body,
          idempotencyKey: opts.key,
          timeoutMs: 20000,
        });
        if (opts.expect.includes(res.status)) return res;
        const retryable = res.status >= 500 || res.status === 429 || (opts.retryOn ?? []).includes(res.status);
        if (!retryable) {
          this.unexpected.push({ what, status: res.status, detail: JSON.stringify(res.body).slice(0, 300) });
          return undefined;
        }
        cause = `HTTP ${res.status}`;
      } catch (error) {
        cause = (error as NodeJS.ErrnoException).code ?? (error as Error).message.slice(0, 40);
      }
      if (Date.now() > deadline) {
        this.unexpected.push({ what, status: 'gave-up', detail: `last cause ${cause} after ${attempt} attempts` });
        return undefined;
      }
      this.note(cause);
      // the next attempt goes to the next instance at once; back off once every instance failed
      if (attempt % this.urls.length === 0) await sleep(Math.min(1000, 100 * attempt));
    }
  }

  close(): void {
    for (const c of this.clients.values()) c.close();
  }
}
