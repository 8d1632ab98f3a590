import { Injectable } from '@nestjs/common';
import { Database } from '@tongban/database';

export const CATALOGUE_SCHEMA = 'catalogue';

export type VersionKind = 'catalogue' | 'city-policies';
export type VersionOrigin = 'bundled' | 'published';

/** A stored version of the catalogue or of the city policies, its document as stored (unvalidated). */
export interface StoredVersion {
  kind: VersionKind;
  version: number;
  /** for city policies: the catalogue version their codes are written against */
  catalogueVersion: number | null;
  effectiveFrom: string;
  document: unknown;
  checksum: string;
  origin: VersionOrigin;
  publishedAt: string;
  publishedBy: string;
  note: string | null;
}

export type NewVersion = Omit<StoredVersion, 'publishedAt'>;

interface Row {
  version: number;
  catalogue_version: number | null;
  effective_from: string;
  document: unknown;
  checksum: string;
  origin: VersionOrigin;
  published_at: string;
  published_by: string;
  note: string | null;
}

const TABLE: Record<VersionKind, string> = {
  catalogue: `${CATALOGUE_SCHEMA}.catalogue_versions`,
  'city-policies': `${CATALOGUE_SCHEMA}.city_policy_versions`,
};
const COLUMNS = (kind: VersionKind): string =>
  `version, ${kind === 'catalogue' ? 'NULL::integer' : 'catalogue_version'} AS catalogue_version,
   to_char(effective_from, 'YYYY-MM-DD') AS effective_from, document, checksum, origin,
   to_char(published_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS published_at, published_by, note`;

/** The stored versions. Append-only in the database (trigger `versions_append_only`), except a bundled version refreshed by its build. */
@Injectable()
export class CatalogueRepository {
  constructor(private readonly db: Database) {}

  /** Serialises publications (and the first boot's seeding) within the caller's transaction. */
  async lockVersions(): Promise<void> {
    await this.db.query(`SELECT pg_advisory_xact_lock(hashtext('tongban:catalogue:versions'))`);
  }

  async all(kind: VersionKind): Promise<StoredVersion[]> {
    const rows = await this.db.query<Row>(`SELECT ${COLUMNS(kind)} FROM ${TABLE[kind]} ORDER BY version`);
    return rows.map((r) => toVersion(kind, r));
  }

  async find(kind: VersionKind, version: number): Promise<StoredVersion | undefined> {
    const row = await this.db.one<Row>(`SELECT ${COLUMNS(kind)} FROM ${TABLE[kind]} WHERE version = $1`, [version]);
    return row && toVersion(kind, row);
  }

  /** The highest version of each kind (0 when none): the cheap question every refresh asks. */
  async latestNumbers(): Promise<{ catalogue: number; policies: number }> {
    const row = await this.db.one<{ catalogue: number; policies: number }>(
      `SELECT (SELECT coalesce(max(version), 0) FROM ${TABLE.catalogue}) AS catalogue,
              (SELECT coalesce(max(version), 0) FROM ${TABLE['city-policies']}) AS policies`,
    );
    return row ?? { catalogue: 0, policies: 0 };
  }

  async insert(v: NewVersion): Promise<StoredVersion> {
    const row = (await this.db.one<Row>(
      v.kind === 'catalogue'
        ? `INSERT INTO ${TABLE.catalogue} (version, effective_from, document, checksum, origin, published_by, note)
           VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${COLUMNS('catalogue')}`
        : `INSERT INTO ${TABLE['city-policies']} (version, effective_from, document, checksum, origin, published_by, note, catalogue_version)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${COLUMNS('city-policies')}`,
      [
        v.version,
        v.effectiveFrom,
        JSON.stringify(v.document),
        v.checksum,
        v.origin,
        v.publishedBy,
        v.note,
        ...(v.kind === 'catalogue' ? [] : [v.catalogueVersion]),
      ],
    )) as Row;
    return toVersion(v.kind, row);
  }

  /** A build's corrected bundled document replaces the stored bundled one of the same version. */
  async refreshBundled(kind: VersionKind, version: number, document: unknown, checksum: string): Promise<void> {
    await this.db.query(`UPDATE ${TABLE[kind]} SET document = $2, checksum = $3 WHERE version = $1 AND origin = 'bundled'`, [
      version,
      JSON.stringify(document),
      checksum,
    ]);
  }
}

function toVersion(kind: VersionKind, r: Row): StoredVersion {
  return {
    kind,
    version: r.version,
    catalogueVersion: r.catalogue_version,
    effectiveFrom: r.effective_from,
    document: r.document,
    checksum: r.checksum,
    origin: r.origin,
    publishedAt: r.published_at,
    publishedBy: r.published_by,
    note: r.note,
  };
}
