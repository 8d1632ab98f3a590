import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadConfig, repoPath } from '@tongban/config';
import { CredentialStore } from './auth.credentials';

const storeWith = (file: string): CredentialStore =>
  new CredentialStore(
    loadConfig({ DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/db', KAFKA_BROKERS: '127.0.0.1:9092', CREDENTIALS_FILE: file }),
  );

describe('credentials name a region and an agency kind', () => {
  const store = storeWith(repoPath('deploy/local/credentials.dev.json'));

  it('authenticates a development token as one agency of one region, and the operator apart', () => {
    expect(store.authenticate('dev-token-440100-public-security')).toEqual({
      credentialId: 'dev-440100-public-security',
      role: 'region',
      region: '440100',
      agency: 'public-security',
    });
    expect(store.authenticate('dev-token-360100-healthcare-security')).toMatchObject({ region: '360100', agency: 'healthcare-security' });
    expect(store.authenticate('dev-token-operator')).toEqual({
      credentialId: 'dev-operator',
      role: 'operator',
      region: null,
      agency: null,
    });
    expect(store.authenticate('dev-token-440100')).toBeUndefined();
  });

  it('reads the agency kind from the client certificate (OU) and refuses a certificate that names none', () => {
    expect(store.fromCertificate({ OU: 'education', CN: '440100' })).toEqual({
      credentialId: 'cert-440100-education',
      role: 'region',
      region: '440100',
      agency: 'education',
    });
    expect(store.fromCertificate({ OU: 'operator', CN: 'ops-1' })).toMatchObject({ role: 'operator', agency: null });
    expect(store.fromCertificate({ OU: 'region', CN: '440100' })).toBeUndefined();
    expect(store.fromCertificate({ OU: 'education', CN: '999999' })).toBeUndefined();
  });

  it('refuses at boot a credentials file with a region credential that names no (or an unknown) agency kind', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-cred-'));
    const file = path.join(dir, 'c.json');
    for (const agency of [undefined, 'tax-bureau']) {
      fs.writeFileSync(
        file,
        JSON.stringify({ credentials: [{ id: 'x', role: 'region', region: '440100', agency, tokenSha256: '0'.repeat(64) }] }),
      );
      expect(() => storeWith(file)).toThrow(/credentials\.0\.agency/);
    }
  });
});
