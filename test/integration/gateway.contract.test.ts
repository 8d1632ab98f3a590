import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { chinaDay } from '@tongban/calendar';
import { ErrorCode } from '@tongban/errors';
import { ContractValidator, ProblemContract } from '@tongban/http';
import { PermitService } from '@tongban/residence';
import { Suite } from '../harness/suite';
import { agencyOf, assertProblemConforms, call, token } from '../harness/http';
import { guangzhouPermit, newCitizenId } from '../harness/fixtures';
import { insureIn, registerPerson } from '../harness/ledger-steps';
import { GATEWAY_APP } from '../../apps/gateway/src/gateway.app';
import { OpsClient } from '../../tools/ops-client';

interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  requestId?: string;
  errors?: Array<{ field: string; message: string }>;
  activeCity?: string;
  reason?: string;
}

describe('gateway REST contract: validation, problems, idempotency (real PostgreSQL)', () => {
  let suite: Suite;
  let gateway: string;
  let app: NestExpressApplication;
  const counts = async (): Promise<{ permits: number; outbox: number; keys: number }> => {
    const row = await suite.db.one<{ permits: string; outbox: string; keys: string }>(
      `SELECT (SELECT count(*) FROM residence.permits) AS permits, (SELECT count(*) FROM residence.outbox) AS outbox,
              (SELECT count(*) FROM gateway.idempotency_keys) AS keys`,
    );
    return { permits: Number(row?.permits), outbox: Number(row?.outbox), keys: Number(row?.keys) };
  };

  beforeAll(async () => {
    suite = await Suite.create('contract');
    const running = await suite.start(GATEWAY_APP);
    gateway = running.url;
    app = running.app;
  });
  afterAll(() => suite.stop());

  it('routes exactly the operations of the OpenAPI document', () => {
    const contract = app.get(ContractValidator).contract;
    const documented = contract.operations.map((o) => `${o.method} ${o.path}`).sort();
    const router = (
      app.getHttpAdapter().getInstance() as { router: { stack: Array<{ route?: { path: string; methods: Record<string, boolean> } }> } }
    ).router;
    const routed = router.stack
      .filter((l) => l.route && !l.route.path.includes('{*')) // Nest's catch-all 404 handlers
      .flatMap((l) => Object.keys(l.route!.methods).map((m) => `${m.toUpperCase()} ${l.route!.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}')}`))
      .sort();
    expect(routed).toEqual(documented);
  });

  it('declares additionalProperties: false on every object a request body can carry', () => {
    const contract = app.get(ContractValidator).contract;
    const open: string[] = [];
    const visit = (schema: unknown, where: string): void => {
      if (!schema || typeof schema !== 'object') return;
      const s = schema as Record<string, unknown>;
      if (typeof s.$ref === 'string') return visit(contract.schemas[s.$ref.split('/').pop()!], s.$ref);
      if (s.type === 'object' && s.additionalProperties !== false) open.push(where);
      for (const [k, v] of Object.entries((s.properties ?? {}) as Record<string, unknown>)) visit(v, `${where}.${k}`);
      if (s.items) visit(s.items, `${where}[]`);
    };
    for (const op of contract.operations) visit(op.body?.contentTypes['application/json'], op.operationId);
    expect(open).toEqual([]);
  });

  it('documents the answers of the edge on every operation: 400/413/415 where there is a body, 401/429 where a credential is needed', () => {
    const missing: string[] = [];
    for (const op of app.get(ContractValidator).contract.operations) {
      const responses = Object.keys((op.raw.responses ?? {}) as Record<string, unknown>);
      const isPublic = Array.isArray(op.security) && op.security.length === 0;
      const want = [...(op.body ? ['400', '413', '415'] : []), ...(isPublic ? [] : ['401', '429']), '422'];
      for (const code of want) if (!responses.includes(code)) missing.push(`${op.operationId} ${code}`);
    }
    expect(missing).toEqual([]);
  });

  it('refuses an invalid request with problem+json naming each failing field, and writes nothing', async () => {
    const before = await counts();
    const body = { ...guangzhouPermit(newCitizenId()), basis: 'tax-contribution', surprise: true } as Record<string, unknown>;
    delete body.validUntil;
    const res = await call<Problem>(gateway, 'POST', '/v1/residence-permits', {
      token: token('440100', 'public-security'),
      body,
      headers: { 'X-Request-Id': 'bad-input-1' },
    });
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body).toMatchObject({
      type: 'urn:tongban:problem:validation-failed',
      status: 422,
      code: 'validation-failed',
      requestId: 'bad-input-1',
    });
    expect(res.body.errors!.map((e) => e.field).sort()).toEqual(['/body/basis', '/body/surprise', '/body/validUntil']);
    expect(await counts()).toEqual(before);
  });

  it('answers malformed JSON, a wrong media type, a missing or unknown credential and a foreign region precisely', async () => {
    const before = await counts();
    const malformed = await call<Problem>(gateway, 'POST', '/v1/residence-permits', {
      token: token('440100', 'public-security'),
      rawBody: '{"permitNumber":',
      headers: { 'content-type': 'application/json' },
    });
    expect([malformed.status, malformed.body.code]).toEqual([400, 'malformed-request']);
    const media = await call<Problem>(gateway, 'POST', '/v1/residence-permits', {
      token: token('440100', 'public-security'),
      rawBody: 'a=1',
      headers: { 'content-type': 'text/plain' },
    });
    expect([media.status, media.body.code]).toEqual([415, 'unsupported-media-type']);
    const anonymous = await call<Problem>(gateway, 'POST', '/v1/residence-permits', { body: guangzhouPermit(newCitizenId()) });
    expect([anonymous.status, anonymous.body.code]).toEqual([401, 'unauthenticated']);
    const unknown = await call<Problem>(gateway, 'POST', '/v1/residence-permits', {
      token: 'not-a-token',
      body: guangzhouPermit(newCitizenId()),
    });
    expect(unknown.status).toBe(401);
    // 上海 cannot register a permit of 广州 (the acting region comes from the credential)
    const foreign = await call<Problem>(gateway, 'POST', '/v1/residence-permits', {
      token: token('310100', 'public-security'),
      body: guangzhouPermit(newCitizenId()),
    });
    expect([foreign.status, foreign.body.code]).toEqual([403, 'forbidden']);
    // a permit is public security's: 广州's education bureau cannot issue one
    const agency = await call<Problem>(gateway, 'POST', '/v1/residence-permits', {
      token: token('440100', 'education'),
      body: guangzhouPermit(newCitizenId()),
    });
    expect([agency.status, agency.body.code, agency.body.detail]).toEqual([
      403,
      'forbidden',
      'this operation is not open to education agencies',
    ]);
    const badId = await call<Problem>(gateway, 'POST', '/v1/residence-permits', {
      token: token('440100', 'public-security'),
      body: guangzhouPermit('11010519491231002Y'.replace('Y', '1')),
    });
    expect([badId.status, badId.body.code]).toEqual([422, 'invalid-citizen-id']);
    expect(JSON.stringify(badId.body)).not.toContain('110105194912310021');
    const unknownQuery = await call<Problem>(gateway, 'GET', '/health/live?debug=1');
    expect([unknownQuery.status, unknownQuery.body.errors?.[0].field]).toEqual([422, '/query/debug']);
    const notFound = await call<Problem>(gateway, 'GET', '/v1/nothing-here', { token: token('440100', 'public-security') });
    expect([notFound.status, notFound.body.code]).toEqual([404, 'not-found']);
    expect(await counts()).toEqual(before);
  });

  it('replays the stored response for the same Idempotency-Key and body, and refuses a different body', async () => {
    const before = await counts();
    const body = guangzhouPermit(newCitizenId());
    const headers = { 'Idempotency-Key': 'permit-key-0001' };
    const first = await call(gateway, 'POST', '/v1/residence-permits', { token: token('440100', 'public-security'), body, headers });
    const second = await call(gateway, 'POST', '/v1/residence-permits', { token: token('440100', 'public-security'), body, headers });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    const changed = await call<Problem>(gateway, 'POST', '/v1/residence-permits', {
      token: token('440100', 'public-security'),
      body: { ...body, validUntil: '2027-03-01' },
      headers,
    });
    expect([changed.status, changed.body.code]).toEqual([422, 'idempotency-key-reused']);
    expect(await counts()).toEqual({ permits: before.permits + 1, outbox: before.outbox + 1, keys: before.keys + 1 });
  });

  /** A POST as raw text: the bytes the client receives. */
  const postRaw = async (body: unknown, key: string, region = '440100'): Promise<{ status: number; headers: Headers; text: string }> => {
    const res = await fetch(`${gateway}/v1/residence-permits`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token(region, 'public-security')}`,
        'content-type': 'application/json',
        'idempotency-key': key,
      },
      body: JSON.stringify(body),
    });
    return { status: res.status, headers: res.headers, text: await res.text() };
  };
  const auditEntries = async (): Promise<number> =>
    Number((await suite.db.one<{ n: string }>(`SELECT count(*) AS n FROM gateway.audit_log`))?.n);

  it('replays a stored answer byte for byte (compared as raw text, content type included)', async () => {
    const body = guangzhouPermit(newCitizenId());
    const first = await postRaw(body, 'permit-key-bytes-0001');
    const replay = await postRaw(body, 'permit-key-bytes-0001');
    expect(first.status).toBe(201);
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(replay.text).toBe(first.text);
    expect(replay.headers.get('content-type')).toBe(first.headers.get('content-type'));
    // the text is what the handler's object serialised to, stored as text (jsonb would re-order its keys)
    expect(first.text).toBe(JSON.stringify(JSON.parse(first.text)));
    const stored = await suite.db.one<{ response_text: string }>(
      `SELECT response_text FROM gateway.idempotency_keys WHERE idempotency_key = 'permit-key-bytes-0001'`,
    );
    expect(stored?.response_text).toBe(first.text);
  });

  it('binds a key to its first request even when refused: the same body replays the refusal, another body is a reused key, nothing took effect', async () => {
    const citizenId = newCitizenId();
    expect(
      (
        await call(gateway, 'POST', '/v1/residence-permits', {
          token: token('440100', 'public-security'),
          body: guangzhouPermit(citizenId),
        })
      ).status,
    ).toBe(201);
    const before = await counts();
    const audited = await auditEntries();
    const key = 'permit-key-refused-0001';
    const second = guangzhouPermit(citizenId, { residenceCity: '440300', permitNumber: 'SZ-2026-000777' });
    const refused = await postRaw(second, key, '440300');
    expect(refused.status).toBe(409);
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(refused.text)).toMatchObject({ code: 'conflict', reason: 'second-active-permit' });

    const again = await postRaw(second, key, '440300');
    expect([again.status, again.headers.get('idempotent-replayed')]).toEqual([409, 'true']);
    expect(again.text).toBe(refused.text); // the original problem, its request id included
    expect(again.headers.get('content-type')).toBe(refused.headers.get('content-type'));

    // the same key with a body that would succeed is refused as a reused key, and has no effect
    const other = await postRaw(
      guangzhouPermit(newCitizenId(), { residenceCity: '440300', permitNumber: 'SZ-2026-000778' }),
      key,
      '440300',
    );
    expect([other.status, (JSON.parse(other.text) as Problem).code]).toEqual([422, 'idempotency-key-reused']);
    // one key row (the refusal), no permit, no event, and a refusal is not audited
    expect(await counts()).toEqual({ ...before, keys: before.keys + 1 });
    expect(await auditEntries()).toBe(audited);
  });

  it('does not store a 5xx: nothing took effect, and the same key runs the request again', async () => {
    const before = await counts();
    const body = guangzhouPermit(newCitizenId());
    const key = 'permit-key-5xx-0001';
    jest.spyOn(app.get(PermitService), 'issue').mockRejectedValueOnce(new Error('database went away'));
    const failed = await postRaw(body, key);
    jest.restoreAllMocks();
    expect([failed.status, (JSON.parse(failed.text) as Problem).code]).toEqual([500, 'internal']);
    expect(await counts()).toEqual(before);
    const retried = await postRaw(body, key);
    expect([retried.status, retried.headers.get('idempotent-replayed')]).toEqual([201, null]);
    expect(await counts()).toEqual({ permits: before.permits + 1, outbox: before.outbox + 1, keys: before.keys + 1 });
  });

  it('gives concurrent duplicates one effect and the same answer', async () => {
    const before = await counts();
    const body = guangzhouPermit(newCitizenId());
    const responses = await Promise.all(
      Array.from({ length: 12 }, () =>
        call(gateway, 'POST', '/v1/residence-permits', {
          token: token('440100', 'public-security'),
          body,
          headers: { 'Idempotency-Key': 'permit-key-concurrent' },
        }),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(12).fill(201));
    expect(new Set(responses.map((r) => r.body.permitId)).size).toBe(1);
    expect(await counts()).toEqual({ permits: before.permits + 1, outbox: before.outbox + 1, keys: before.keys + 1 });
  });

  it('refuses a second active permit for the same person in another city, without naming the city, and changes nothing', async () => {
    const citizenId = newCitizenId();
    expect(
      (
        await call(gateway, 'POST', '/v1/residence-permits', {
          token: token('440100', 'public-security'),
          body: guangzhouPermit(citizenId),
        })
      ).status,
    ).toBe(201);
    const before = await counts();
    const shenzhen = guangzhouPermit(citizenId, { residenceCity: '440300', permitNumber: 'SZ-2026-000001' });
    const res = await call<Problem>(gateway, 'POST', '/v1/residence-permits', {
      token: token('440300', 'public-security'),
      body: shenzhen,
    });
    expect([res.status, res.body.code, res.body.reason, res.body.activeCity]).toEqual([409, 'conflict', 'second-active-permit', undefined]);
    expect(JSON.stringify(res.body)).not.toContain('440100');
    expect(await counts()).toEqual(before);
  });

  it('answers a refused claim with the facts its 409 exists for, exactly as the contract declares them', async () => {
    const problems = new ProblemContract(app.get(ContractValidator).contract);
    const claimProvision = problems.operationOf('POST', '/v1/provision-claims')!;
    const { citizenId, subjectRef } = await registerPerson(gateway, '360100');
    // 440100 becomes related to the person (their insured region for pension), so it is told who holds the service
    await insureIn(gateway, citizenId, 'pension', '440100');
    const serviceCode = 'veterans.preferential-care';
    const month = chinaDay(new Date()).slice(0, 7);
    const claim = (region: string) =>
      call<Problem & Record<string, unknown>>(gateway, 'POST', '/v1/provision-claims', {
        token: token(region, agencyOf(serviceCode)),
        body: { subjectRef, serviceCode, periodKey: month },
      });

    const refused = await claim('440100');
    expect([refused.status, refused.headers.get('content-type')]).toEqual([409, 'application/problem+json; charset=utf-8']);
    expect(refused.body).toEqual({
      type: 'urn:tongban:problem:not-responsible',
      title: 'Another region is responsible',
      status: 409,
      detail: expect.any(String),
      code: 'not-responsible',
      instance: '/v1/provision-claims',
      requestId: expect.any(String),
      responsibleRegion: '360100',
      since: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      serviceCode,
      periodStart: `${month}-01`,
    });
    // closed schemas: the operation's 409 (not-responsible | already-claimed) and the code's own
    for (const validate of [problems.forResponse(claimProvision, 409)!, problems.forCode(ErrorCode.NotResponsible)]) {
      expect([validate(refused.body), validate.errors ?? null]).toEqual([true, null]);
    }

    const first = await claim('360100');
    expect(first.status).toBe(201);
    const again = await claim('360100');
    expect(again.status).toBe(409);
    expect(again.body).toEqual({
      type: 'urn:tongban:problem:already-claimed',
      title: 'Already claimed',
      status: 409,
      detail: expect.any(String),
      code: 'already-claimed',
      instance: '/v1/provision-claims',
      requestId: expect.any(String),
      claimedBy: '360100',
      claimId: first.body.claimId,
      claimedAt: first.body.claimedAt,
    });
    for (const validate of [problems.forResponse(claimProvision, 409)!, problems.forCode(ErrorCode.AlreadyClaimed)]) {
      expect([validate(again.body), validate.errors ?? null]).toEqual([true, null]);
    }
    // the contract's recorded examples (which tools/clients-check.sh feeds generated clients) carry what the gateway sends
    const examples = (
      (app.get(ContractValidator).contract.raw.components as Record<string, Record<string, Record<string, unknown>>>).responses
        .ClaimRefused as { content: Record<string, { examples: Record<string, { value: Record<string, unknown> }> }> }
    ).content['application/problem+json'].examples;
    for (const [code, live] of [
      ['not-responsible', refused.body],
      ['already-claimed', again.body],
    ] as const) {
      const example = examples[code].value;
      expect([code, Object.keys(example).sort()]).toEqual([code, Object.keys(live).sort()]);
      expect([code, example.type, example.title, example.status, example.instance]).toEqual([
        code,
        live.type,
        live.title,
        live.status,
        live.instance,
      ]);
      expect([code, problems.forResponse(claimProvision, 409)!(example)]).toEqual([code, true]);
    }
    // a member the contract does not declare fails the closed schema (what the harness checks on every problem)
    expect(problems.forResponse(claimProvision, 409)!({ ...again.body, holder: '360100' })).toBe(false);
    // and a code the operation cannot produce is not among its 409s
    const conflict = {
      type: 'urn:tongban:problem:conflict',
      title: 'x',
      status: 409,
      detail: 'x',
      code: 'conflict',
      instance: '/v1/provision-claims',
    };
    expect([problems.forCode(ErrorCode.Conflict)(conflict), problems.forResponse(claimProvision, 409)!(conflict)]).toEqual([true, false]);
  });

  it('streams an NDJSON upload from a file with the ops client, as a region (what generated clients cannot express)', async () => {
    const { subjectRef } = await registerPerson(gateway, '360100');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-reconcile-')), 'records.ndjson');
    const month = chinaDay(new Date()).slice(0, 7);
    const lines = Array.from({ length: 5000 }, (_, i) =>
      JSON.stringify({ subjectRef, serviceCode: 'veterans.preferential-care', periodKey: i === 0 ? month : `case:${i}` }),
    );
    fs.writeFileSync(file, lines.join('\n') + '\n');
    const client = new OpsClient({ url: gateway, token: token('360100', 'veterans-affairs') });
    const res = await client.reconcile(fs.createReadStream(file), 'reconcile-cli-0001');
    expect([res.status, res.payload]).toMatchObject([
      202,
      { region: '360100', agency: 'veterans-affairs', status: 'completed', records: 5000 },
    ]);
    // a line naming a person by citizen ID number stores nothing: the problem says which line, as the contract declares
    fs.writeFileSync(file, `${lines[0]}\n{"citizenId":"${newCitizenId()}"}\n`);
    const refused = await client.reconcile(fs.createReadStream(file));
    expect([refused.status, (refused.payload as Problem).code, (refused.payload as Record<string, unknown>).line]).toEqual([
      422,
      'validation-failed',
      2,
    ]);
    assertProblemConforms('POST', '/v1/reconciliations', refused.status, refused.payload);
    fs.rmSync(path.dirname(file), { recursive: true });
  });

  it('enforces the six-month residence rule', async () => {
    const res = await call<Problem>(gateway, 'POST', '/v1/residence-permits', {
      token: token('440100', 'public-security'),
      body: guangzhouPermit(newCitizenId(), { residenceSince: '2025-09-01', issuedOn: '2026-02-02' }),
    });
    expect([res.status, res.body.code]).toEqual([422, 'rule-violated']);
    expect(res.body.detail).toContain('2026-03-01');
  });
});
