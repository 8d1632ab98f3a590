// Calls the operator REST APIs with the bearer token the operator pasted (kept in sessionStorage).
const KEY = 'tongban.operatorToken';

export const token = {
  get: () => sessionStorage.getItem(KEY),
  set: (value) => sessionStorage.setItem(KEY, value),
  clear: () => sessionStorage.removeItem(KEY),
};

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem && problem.detail ? `${problem.title ?? status}: ${problem.detail}` : `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

export async function api(method, path, body) {
  // With mutual TLS (production) the browser's client certificate identifies the operator; no token is sent.
  const headers = token.get() ? { authorization: `Bearer ${token.get()}` } : {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  const payload = text ? JSON.parse(text) : undefined;
  if (!res.ok) throw new ApiError(res.status, payload);
  return payload;
}
