import { Injectable } from '@nestjs/common';
import { Database } from '@tongban/database';
import { LEDGER_SCHEMA } from './ledger.types';

/** A pass over every person after a catalogue / city-policy version pair came into force. */
export interface CataloguePass {
  passKey: string;
  catalogueVersion: number;
  policyVersion: number;
  newServices: string[];
  afterSubject: string | null;
  people: number;
  opened: number;
  proposed: number;
  finished: boolean;
}

interface PassRow {
  pass_key: string;
  catalogue_version: number;
  policy_version: number;
  new_services: string[];
  after_subject: string | null;
  people: number;
  opened: number;
  proposed: number;
  finished_at: string | null;
}

const P = `${LEDGER_SCHEMA}.catalogue_passes`;
const toPass = (r: PassRow): CataloguePass => ({
  passKey: r.pass_key,
  catalogueVersion: r.catalogue_version,
  policyVersion: r.policy_version,
  newServices: r.new_services,
  afterSubject: r.after_subject,
  people: r.people,
  opened: r.opened,
  proposed: r.proposed,
  finished: r.finished_at !== null,
});

@Injectable()
export class CatalogueBackfillRepository {
  constructor(private readonly db: Database) {}

  async find(passKey: string): Promise<CataloguePass | undefined> {
    const row = await this.db.one<PassRow>(`SELECT * FROM ${P} WHERE pass_key = $1`, [passKey]);
    return row && toPass(row);
  }

  /**
   * Starts a pass: the held services not seen before are recorded as known (from now on every new
   * person gets them at registration anyway) and become the pass's new services.
   */
  async start(p: { passKey: string; catalogueVersion: number; policyVersion: number; held: string[] }): Promise<CataloguePass> {
    const fresh = await this.db.query<{ service_code: string }>(
      `INSERT INTO ${LEDGER_SCHEMA}.catalogue_services (service_code, catalogue_version)
       SELECT code, $2 FROM unnest($1::text[]) AS code ON CONFLICT (service_code) DO NOTHING RETURNING service_code`,
      [p.held, p.catalogueVersion],
    );
    const row = (await this.db.one<PassRow>(
      `INSERT INTO ${P} (pass_key, catalogue_version, policy_version, new_services) VALUES ($1, $2, $3, $4) RETURNING *`,
      [p.passKey, p.catalogueVersion, p.policyVersion, fresh.map((r) => r.service_code)],
    )) as PassRow;
    return toPass(row);
  }

  /** The next people after the cursor, in subject_ref order. */
  async peopleAfter(after: string | null, limit: number): Promise<string[]> {
    const rows = await this.db.query<{ subject_ref: string }>(
      `SELECT subject_ref FROM ${LEDGER_SCHEMA}.subjects WHERE $1::text IS NULL OR subject_ref > $1 ORDER BY subject_ref LIMIT $2`,
      [after, limit],
    );
    return rows.map((r) => r.subject_ref);
  }

  async advance(
    passKey: string,
    after: string | null,
    counts: { people: number; opened: number; proposed: number },
    finished: boolean,
  ): Promise<void> {
    await this.db.query(
      `UPDATE ${P} SET after_subject = COALESCE($2, after_subject), people = people + $3, opened = opened + $4, proposed = proposed + $5,
              finished_at = CASE WHEN $6 THEN now() ELSE NULL END
        WHERE pass_key = $1`,
      [passKey, after, counts.people, counts.opened, counts.proposed, finished],
    );
  }

  /** Of `codes`, those the person has no interval for at all. */
  async missing(subjectRef: string, codes: readonly string[]): Promise<string[]> {
    if (codes.length === 0) return [];
    const rows = await this.db.query<{ code: string }>(
      `SELECT code FROM unnest($2::text[]) AS code
        WHERE NOT EXISTS (SELECT 1 FROM ${LEDGER_SCHEMA}.responsibilities r WHERE r.subject_ref = $1 AND r.service_code = code)`,
      [subjectRef, codes],
    );
    return rows.map((r) => r.code);
  }
}
