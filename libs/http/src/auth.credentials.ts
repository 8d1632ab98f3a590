import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { AppConfig, ConfigError } from '@tongban/config';
import { AgencyKind, agencyKinds, isAgencyKind } from '@tongban/identity';
import { isRegionCode } from '@tongban/regions';

export type Role = 'region' | 'operator';

/** What the access matrix grants operations to: an agency kind of a region, or operators. */
export type Grantee = AgencyKind | 'operator';

/** Who is calling: exactly one agency of one region (or an operator), taken from the credential only. */
export interface Caller {
  credentialId: string;
  role: Role;
  /** GB/T 2260 code of the acting region; null for operators */
  region: string | null;
  /** the kind of agency acting for the region; null for operators */
  agency: AgencyKind | null;
}

export const actorOf = (c: Caller): string => (c.role === 'operator' ? `operator:${c.credentialId}` : `${c.region}:${c.credentialId}`);

/** The grantee a caller is checked as: its agency kind, or 'operator'. */
export const granteeOf = (c: Caller): Grantee => c.agency ?? 'operator';

const fileSchema = z.object({
  '//': z.string().optional(),
  credentials: z.array(
    z.discriminatedUnion('role', [
      z.object({
        id: z.string().min(1),
        role: z.literal('region'),
        region: z.string().refine(isRegionCode, 'not a GB/T 2260 region code'),
        agency: z.string().refine(isAgencyKind, `one of ${agencyKinds().join(', ')}`),
        tokenSha256: z.string().regex(/^[0-9a-f]{64}$/),
      }),
      z.object({ id: z.string().min(1), role: z.literal('operator'), tokenSha256: z.string().regex(/^[0-9a-f]{64}$/) }),
    ]),
  ),
});

export const sha256Hex = (s: string): string => createHash('sha256').update(s, 'utf8').digest('hex');

/** Bearer tokens, stored only as SHA-256 digests, loaded from CREDENTIALS_FILE at boot. */
@Injectable()
export class CredentialStore {
  private readonly byDigest = new Map<string, Caller>();

  constructor(config: AppConfig) {
    const parsed = fileSchema.safeParse(JSON.parse(fs.readFileSync(config.credentialsFile, 'utf8')));
    if (!parsed.success) {
      throw new ConfigError(
        `CREDENTIALS_FILE ${config.credentialsFile}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      );
    }
    for (const c of parsed.data.credentials) {
      this.byDigest.set(
        c.tokenSha256,
        c.role === 'region'
          ? { credentialId: c.id, role: 'region', region: c.region, agency: c.agency as AgencyKind }
          : { credentialId: c.id, role: 'operator', region: null, agency: null },
      );
    }
  }

  authenticate(token: string): Caller | undefined {
    return this.byDigest.get(sha256Hex(token));
  }

  /**
   * A client certificate already verified against the Tongban CA by the TLS handshake names its
   * holder: OU=<agency kind> with CN=<region code> (a region's agency, e.g. OU=public-security,
   * CN=440100), or OU=operator with CN=<operator id>. A certificate naming no agency kind is refused.
   */
  fromCertificate(subject: { OU?: string | string[]; CN?: string | string[] } | undefined): Caller | undefined {
    const one = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v);
    const ou = one(subject?.OU);
    const cn = one(subject?.CN);
    if (!cn) return undefined;
    if (isAgencyKind(ou) && isRegionCode(cn)) return { credentialId: `cert-${cn}-${ou}`, role: 'region', region: cn, agency: ou };
    if (ou === 'operator') return { credentialId: `cert-${cn}`, role: 'operator', region: null, agency: null };
    return undefined;
  }
}
