import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as https from 'node:https';
import * as os from 'node:os';
import * as path from 'node:path';
import { Suite } from '../harness/suite';
import { GATEWAY_APP } from '../../apps/gateway/src/gateway.app';

interface Answer {
  status: number;
  body: Record<string, unknown>;
}

/** A real TLS client: optionally presents a client certificate from the given files. */
function request(url: string, pki: string, client: string | undefined, pathname: string, token?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = https.request(
      `${url}${pathname}`,
      {
        ca: fs.readFileSync(path.join(pki, 'ca.crt')),
        cert: client ? fs.readFileSync(path.join(pki, `${client}.crt`)) : undefined,
        key: client ? fs.readFileSync(path.join(pki, `${client}.key`)) : undefined,
        headers: token ? { authorization: `Bearer ${token}` } : {},
        agent: false,
      },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('mutual TLS on the gateway (real TLS clients)', () => {
  let suite: Suite;
  let url: string;
  const pki = fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-pki-'));

  beforeAll(async () => {
    const made = spawnSync('bash', [path.resolve(__dirname, '../../deploy/local/pki.sh'), pki, '440100', '360100'], { encoding: 'utf8' });
    if (made.status !== 0) throw new Error(`pki.sh failed: ${made.stderr}`);
    suite = await Suite.create('mtls');
    const running = await suite.start(GATEWAY_APP, {
      TLS_CERT_FILE: path.join(pki, 'server.crt'),
      TLS_KEY_FILE: path.join(pki, 'server.key'),
      TLS_CA_FILE: path.join(pki, 'ca.crt'),
      ALLOW_BEARER_TOKENS: 'false',
    });
    url = running.url.replace('127.0.0.1', 'localhost');
    expect(url.startsWith('https://')).toBe(true);
  });
  afterAll(() => suite.stop());

  it('identifies the region and its agency kind from the client certificate', async () => {
    const res = await request(url, pki, 'region-440100-public-security', '/v1/residence-permits/00000000-0000-4000-8000-000000000000');
    expect(res.status).toBe(404); // authenticated as 440100's public security, the permit just does not exist
    const ops = await request(url, pki, 'operator', '/v1/ops/dead-letters');
    expect(ops.status).toBe(200);
    const regionOnOps = await request(url, pki, 'region-360100-public-security', '/v1/ops/dead-letters');
    expect(regionOnOps.status).toBe(403);
    // a medical filing is 医保's: public security of the same region is refused by the matrix
    const filing = await request(url, pki, 'region-440100-public-security', '/v1/medical/filings/00000000-0000-4000-8000-000000000000');
    expect([filing.status, filing.body.code]).toEqual([403, 'forbidden']);
    const asMedical = await request(
      url,
      pki,
      'region-440100-healthcare-security',
      '/v1/medical/filings/00000000-0000-4000-8000-000000000000',
    );
    expect(asMedical.status).toBe(404);
  });

  it('refuses a certificate of the Tongban CA that names no agency kind', async () => {
    const res = await request(url, pki, 'noagency-440100', '/v1/residence-permits/00000000-0000-4000-8000-000000000000');
    expect([res.status, res.body.code]).toEqual([401, 'unauthenticated']);
  });

  it('refuses a connection without a client certificate', async () => {
    await expect(request(url, pki, undefined, '/health/live')).rejects.toThrow();
  });

  it('refuses a certificate issued by another CA', async () => {
    await expect(request(url, pki, 'foreign-440100', '/health/live')).rejects.toThrow();
  });

  it('refuses an expired certificate', async () => {
    await expect(request(url, pki, 'expired-440100', '/health/live')).rejects.toThrow();
  });

  it('does not accept bearer tokens when production turned them off', async () => {
    // a valid certificate is needed for the handshake; the token in the header is ignored in favour of it
    const res = await request(url, pki, 'region-440100-public-security', '/v1/ops/dead-letters', 'dev-token-operator');
    expect(res.status).toBe(403);
  });
});
