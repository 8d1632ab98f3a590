import * as fs from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import type { Readable } from 'node:stream';

export interface OpsClientOptions {
  url: string;
  /** a bearer token */
  token?: string;
  /** PEM client certificate, key and CA, for mutual TLS */
  cert?: Buffer;
  key?: Buffer;
  ca?: Buffer;
}

export interface Answer {
  status: number;
  payload: unknown;
}

/** The credential a province's system uses, read from the environment (tongban-ops documents the variables). */
export function optionsFromEnv(env: NodeJS.ProcessEnv, defaultToken?: string): OpsClientOptions {
  const file = (name: string): Buffer | undefined => (env[name] ? fs.readFileSync(env[name]) : undefined);
  return {
    url: env.TONGBAN_URL ?? 'http://127.0.0.1:8080',
    token: env.TONGBAN_TOKEN ?? (env.TONGBAN_CERT ? undefined : defaultToken),
    cert: file('TONGBAN_CERT'),
    key: file('TONGBAN_KEY'),
    ca: file('TONGBAN_CA'),
  };
}

/** The gateway's REST API as the operators' CLI calls it, authenticated by a bearer token or a client certificate. */
export class OpsClient {
  constructor(private readonly opts: OpsClientOptions) {}

  /** One request; a stream body is sent chunked as it is read, never held in memory. */
  send(
    method: string,
    path: string,
    body?: { contentType: string; data: string | Readable },
    headers: Record<string, string> = {},
  ): Promise<Answer> {
    return new Promise((resolve, reject) => {
      const url = new URL(path, this.opts.url);
      const { cert, key, ca, token } = this.opts;
      const options: https.RequestOptions = {
        method,
        headers: {
          accept: 'application/json, application/problem+json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(body ? { 'content-type': body.contentType } : {}),
          ...headers,
        },
        ...(url.protocol === 'https:' ? { cert, key, ca } : {}),
      };
      const req = (url.protocol === 'https:' ? https : http).request(url, options, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let payload: unknown = text;
          try {
            payload = text ? JSON.parse(text) : undefined;
          } catch {
            // not JSON: shown as it came
          }
          resolve({ status: res.statusCode ?? 0, payload });
        });
        res.on('error', reject);
      });
      req.on('error', reject);
      if (body === undefined) req.end();
      else if (typeof body.data === 'string') req.end(body.data);
      else {
        body.data.on('error', (e) => req.destroy(e));
        body.data.pipe(req);
      }
    });
  }

  /** A JSON call that must succeed (2xx): its body, else an error naming the answer. */
  async api(method: string, path: string, body?: unknown): Promise<unknown> {
    const res = await this.send(
      method,
      path,
      body === undefined ? undefined : { contentType: 'application/json', data: JSON.stringify(body) },
    );
    if (res.status < 200 || res.status > 299) throw new Error(`${method} ${path} → ${res.status}: ${JSON.stringify(res.payload)}`);
    return res.payload;
  }

  /**
   * Streams NDJSON provision records (one `{"subjectRef","serviceCode","periodKey"}` per line) to
   * POST /v1/reconciliations as the credential's region: 202 with the reconciliation, or its problem.
   */
  reconcile(records: Readable, idempotencyKey?: string): Promise<Answer> {
    return this.send(
      'POST',
      '/v1/reconciliations',
      { contentType: 'application/x-ndjson', data: records },
      idempotencyKey ? { 'idempotency-key': idempotencyKey } : {},
    );
  }
}
