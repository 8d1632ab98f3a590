import { loadServiceCatalogue } from '@tongban/catalogue';
import type { AgencyKind } from '@tongban/identity';

const catalogue = loadServiceCatalogue();

/** Small fetch wrapper for calling the gateway as a provincial system would. */
export interface CallResult<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
}

/** The development bearer token of one agency of one region (deploy/local/credentials.dev.json). */
export const token = (region: string, agency: AgencyKind): string => `dev-token-${region}-${agency}`;
export const OPERATOR = 'dev-token-operator';

export async function call<T = Record<string, unknown>>(
  baseUrl: string,
  method: string,
  path: string,
  opts: { token?: string; body?: unknown; headers?: Record<string, string>; rawBody?: string } = {},
): Promise<CallResult<T>> {
  const headers: Record<string, string> = { ...(opts.headers ?? {}) };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  let body: string | undefined = opts.rawBody;
  if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    headers['content-type'] ??= 'application/json';
  }
  const res = await fetch(`${baseUrl}${path}`, { method, headers, body });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: (text ? JSON.parse(text) : undefined) as T };
}

/** The agency that provides (claims, answers handoffs of) a catalogue service; civil affairs for a code not in the catalogue. */
export const agencyOf = (serviceCode: string): AgencyKind => catalogue.find(serviceCode)?.agency ?? 'civil-affairs';
