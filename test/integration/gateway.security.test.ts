import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { citizenIdsIn } from '@tongban/identity';
import { GATEWAY_APP } from '../../apps/gateway/src/gateway.app';
import { Suite } from '../harness/suite';
import { call, OPERATOR, token } from '../harness/http';
import { guangzhouPermit, newCitizenId } from '../harness/fixtures';

describe('gateway security: audit chain, limits, headers, metrics, no personal data in logs', () => {
  let suite: Suite;
  let gateway: string;
  const logFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-logs-')), 'gateway.log');
  const citizenIds: string[] = [];

  beforeAll(async () => {
    suite = await Suite.create('security');
    gateway = (
      await suite.start(GATEWAY_APP, { LOG_FILE: logFile, LOG_LEVEL: 'debug', RATE_LIMIT_PER_SECOND: '20', RATE_LIMIT_BURST: '20' })
    ).url;
  });
  afterAll(() => suite.stop());

  it('chains every state-changing request into the audit log and finds the first tampered row', async () => {
    for (let i = 0; i < 3; i++) {
      const id = newCitizenId();
      citizenIds.push(id);
      expect(
        (
          await call(gateway, 'POST', '/v1/residence-permits', {
            token: token('440100', 'public-security'),
            body: guangzhouPermit(id),
            headers: { 'X-Request-Id': `audit-${i}` },
          })
        ).status,
      ).toBe(201);
    }
    const report = await call<{ ok: boolean; checked: number }>(gateway, 'GET', '/v1/ops/audit/verification', { token: OPERATOR });
    expect(report.body.ok).toBe(true);
    expect(report.body.checked).toBeGreaterThanOrEqual(3);
    const rows = await suite.db.query<{ actor: string; role: string; region: string; request_id: string; payload_hash: string }>(
      `SELECT actor, role, region, request_id, payload_hash FROM gateway.audit_log WHERE request_id LIKE 'audit-%' ORDER BY id`,
    );
    // who stated it: the credential, its region and its agency kind
    expect(rows.map((r) => [r.actor, r.role, r.region, r.request_id])).toEqual(
      [0, 1, 2].map((i) => ['440100:dev-440100-public-security', 'public-security', '440100', `audit-${i}`]),
    );
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.payload_hash))).toBe(true);

    await suite.db.query(`UPDATE gateway.audit_log SET status = 200 WHERE chain_pos = 2`);
    const tampered = await call<{ ok: boolean; firstBroken: { chainPos: string; reason: string } }>(
      gateway,
      'GET',
      '/v1/ops/audit/verification',
      { token: OPERATOR },
    );
    expect(tampered.body.ok).toBe(false);
    expect(tampered.body.firstBroken).toMatchObject({ chainPos: '2', reason: 'entry was altered after it was chained' });
    await suite.db.query(`UPDATE gateway.audit_log SET status = 201 WHERE chain_pos = 2`);
    await suite.db.query(`DELETE FROM gateway.audit_log WHERE chain_pos = 2`);
    const deleted = await call<{ ok: boolean; firstBroken: { chainPos: string } }>(gateway, 'GET', '/v1/ops/audit/verification', {
      token: OPERATOR,
    });
    expect(deleted.body.ok).toBe(false);
    expect(deleted.body.firstBroken.chainPos).toBe('3');
  });

  it('sends security headers and a request id on every answer', async () => {
    const res = await call(gateway, 'GET', '/health/live');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it('limits each credential with 429 and Retry-After, without touching other regions', async () => {
    // one burst, sent at once: how fast the machine answers must not decide whether the bucket empties
    const answers = await Promise.all(Array.from({ length: 40 }, () => call(gateway, 'GET', '/v1/ops/dead-letters', { token: OPERATOR })));
    const statuses = answers.map((res) => res.status);
    const retryAfter = answers.find((res) => res.status === 429)?.headers.get('retry-after') ?? null;
    expect(statuses).toContain(429);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    expect(
      (
        await call(gateway, 'GET', '/v1/residence-permits/00000000-0000-4000-8000-000000000000', {
          token: token('440300', 'public-security'),
        })
      ).status,
    ).toBe(404);
  });

  it('refuses a body over the size limit with 413 problem+json', async () => {
    const res = await call<{ code: string }>(gateway, 'POST', '/v1/residence-permits', {
      token: token('440300', 'public-security'),
      rawBody: JSON.stringify({ pad: 'x'.repeat(1_100_000) }),
      headers: { 'content-type': 'application/json' },
    });
    expect([res.status, res.body.code]).toEqual([413, 'payload-too-large']);
  });

  it('exposes Prometheus metrics labelled by route template only', async () => {
    const res = await fetch(`${gateway}/metrics`);
    const text = await res.text();
    expect(text).toContain('tongban_http_request_duration_seconds_bucket');
    expect(text).toContain('route="/v1/residence-permits"');
    expect(text).not.toMatch(/s1_[A-Za-z0-9_-]{32}/);
    expect(citizenIdsIn(text)).toEqual([]);
  });

  it('keeps citizen ID numbers out of side doors: request ids, paths, free text, keys — refused or replaced, never stored', async () => {
    const id = newCitizenId();
    citizenIds.push(id);
    const ps = token('440100', 'public-security');
    // an X-Request-Id carrying an ID number (even inside a longer token) is replaced by a generated one
    for (const given of [id, `req-${id}-x`, `0${id}`]) {
      const res = await call(gateway, 'POST', '/v1/residence-permits', {
        token: ps,
        body: guangzhouPermit(newCitizenId()),
        headers: { 'X-Request-Id': given },
      });
      expect(res.status).toBe(201);
      expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    }
    // a long request id is replaced too; a UUID or a short opaque token is kept
    expect(
      (await call(gateway, 'GET', '/health/live', { headers: { 'X-Request-Id': 'x'.repeat(65) } })).headers.get('x-request-id'),
    ).not.toBe('x'.repeat(65));
    expect(
      (await call(gateway, 'GET', '/health/live', { headers: { 'X-Request-Id': 'batch-7:line.42' } })).headers.get('x-request-id'),
    ).toBe('batch-7:line.42');
    // an ID number in a path, a free-text field, a permit number or an Idempotency-Key is refused naming the field
    const inPath = await call<{ errors: Array<{ field: string }> }>(gateway, 'GET', `/v1/residence-permits/${id}`, { token: ps });
    expect([inPath.status, inPath.body.errors.map((e) => e.field)]).toEqual([422, ['/path/permitId', '/path/permitId']]);
    const inNumber = await call<{ errors: Array<{ field: string }> }>(gateway, 'POST', '/v1/residence-permits', {
      token: ps,
      body: guangzhouPermit(newCitizenId(), { permitNumber: `GZ${id}` }),
    });
    expect([inNumber.status, inNumber.body.errors.map((e) => e.field)]).toEqual([422, ['/body/permitNumber']]);
    const inReason = await call<{ errors: Array<{ field: string }> }>(
      gateway,
      'POST',
      '/v1/handoffs/00000000-0000-4000-8000-000000000000/reject',
      {
        token: token('440100', 'education'),
        body: { reason: `the person ${id} does not live here` },
      },
    );
    expect([inReason.status, inReason.body.errors.map((e) => e.field)]).toEqual([422, ['/body/reason']]);
    const inNote = await call<{ errors: Array<{ field: string }> }>(gateway, 'POST', '/v1/ops/items/gap/g-1/decisions', {
      token: OPERATOR,
      body: { action: 'resolve', note: `called ${id}` },
    });
    expect([inNote.status, inNote.body.errors.map((e) => e.field)]).toEqual([422, ['/body/note']]);
    const inKey = await call<{ errors: Array<{ field: string }> }>(gateway, 'POST', '/v1/residence-permits', {
      token: ps,
      body: guangzhouPermit(newCitizenId()),
      headers: { 'Idempotency-Key': `key-${id}` },
    });
    expect([inKey.status, inKey.body.errors.map((e) => e.field)]).toEqual([422, ['/header/idempotency-key']]);
    // nothing of it was stored: audit log, idempotency keys, outbox rows
    const stored = await suite.db.one<{ text: string }>(
      `SELECT (SELECT COALESCE(string_agg(a::text, ' '), '') FROM gateway.audit_log a) || (SELECT COALESCE(string_agg(k::text, ' '), '') FROM gateway.idempotency_keys k)
              || (SELECT COALESCE(string_agg(o::text, ' '), '') FROM residence.outbox o) || (SELECT COALESCE(string_agg(o::text, ' '), '') FROM ledger.outbox o) AS text`,
    );
    expect(citizenIdsIn(stored?.text ?? '')).toEqual([]);
  });

  it('never writes a citizen ID number to the logs, even of invalid or refused requests; logs carry route templates, not paths', async () => {
    const id = newCitizenId();
    citizenIds.push(id);
    await call(gateway, 'POST', '/v1/residence-permits', { token: token('310100', 'public-security'), body: guangzhouPermit(id) }); // 403
    await call(gateway, 'POST', '/v1/residence-permits', {
      token: token('440300', 'public-security'),
      body: { ...guangzhouPermit(id), extra: id },
    }); // 422
    await call(gateway, 'POST', `/v1/residence-permits?citizenId=${id}`, {
      token: token('440300', 'public-security'),
      body: guangzhouPermit(id),
    }); // 422 query
    await call(gateway, 'GET', `/v1/no-such-route/${id}`, { token: token('440300', 'public-security') }); // 404, unmatched
    const log = fs.readFileSync(logFile, 'utf8');
    expect(log.length).toBeGreaterThan(1000);
    expect(log).toContain('"region":"440100"'); // the acting region is on the request's log lines
    expect(log).toContain('"agency":"public-security"');
    expect(log).toContain('"route":"/v1/residence-permits/:permitId"');
    expect(log).not.toContain('/v1/no-such-route');
    for (const known of citizenIds) expect(log).not.toContain(known);
    expect(citizenIdsIn(log)).toEqual([]);
  });
});
