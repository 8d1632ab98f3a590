import { loadServiceCatalogue } from '@tongban/catalogue';
import { loadContract, ProblemContract } from '@tongban/http';
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
  const parsed: unknown = text ? JSON.parse(text) : undefined;
  if (res.headers.get('content-type')?.startsWith('application/problem+json')) assertProblemConforms(method, path, res.status, parsed);
  return { status: res.status, headers: res.headers, body: parsed as T };
}

let problems: ProblemContract | undefined;

/**
 * Every problem a test provokes is held to the contract: the schema the operation declares for the
 * status, with every problem schema closed (no member the contract does not declare); for a path the
 * contract does not describe, the schema of the problem's code.
 */
export function assertProblemConforms(method: string, path: string, status: number, body: unknown): void {
  problems ??= new ProblemContract(loadContract());
  const op = problems.operationOf(method, path);
  const code = (body as { code?: unknown } | undefined)?.code;
  const validate = op ? problems.forResponse(op, status) : typeof code === 'string' ? problems.forCodeName(code) : undefined;
  const where = `${method} ${path.split('?')[0]} answered ${status} ${JSON.stringify(body)}`;
  if (!validate) throw new Error(`${where}: the contract declares no problem for this ${op ? `status of ${op.operationId}` : 'code'}`);
  if (!validate(body)) throw new Error(`${where}: not the contract's problem: ${JSON.stringify(validate.errors)}`);
}

/** The agency that provides (claims, answers handoffs of) a catalogue service; civil affairs for a code not in the catalogue. */
export const agencyOf = (serviceCode: string): AgencyKind => catalogue.find(serviceCode)?.agency ?? 'civil-affairs';
