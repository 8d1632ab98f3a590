import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoPath } from '@tongban/config';
import { Database } from './database';

/** The migrations of one schema: directories of `NNNN_name.sql` files, applied in name order. */
export interface MigrationSet {
  schema: string;
  /** repository-relative directories; files from all of them are ordered by file name */
  dirs: string[];
}

/** Tables every schema that publishes or consumes events carries (outbox, inbox). */
export const MESSAGING_MIGRATIONS = 'libs/messaging/migrations';

interface Migration {
  version: string;
  sql: string;
  checksum: string;
}

const SCHEMA_NAME = /^[a-z][a-z0-9_]*$/;

function readMigrations(set: MigrationSet): Migration[] {
  const files = set.dirs.flatMap((dir) => {
    const abs = repoPath(dir);
    return fs
      .readdirSync(abs)
      .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
      .map((f) => ({ version: f.replace(/\.sql$/, ''), file: path.join(abs, f) }));
  });
  const versions = new Set<string>();
  for (const f of files) {
    if (versions.has(f.version)) throw new Error(`migration ${f.version} appears twice for schema ${set.schema}`);
    versions.add(f.version);
  }
  return files
    .sort((a, b) => a.version.localeCompare(b.version))
    .map(({ version, file }) => {
      const sql = fs.readFileSync(file, 'utf8');
      return { version, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

/**
 * Applies versioned SQL migrations, each in its own transaction with search_path set to its schema.
 * A cluster-wide advisory lock serialises concurrent starters; applied files are checksummed, so an
 * edited migration stops start-up instead of silently diverging.
 */
export async function migrate(db: Database, sets: MigrationSet[]): Promise<string[]> {
  const applied: string[] = [];
  const client = await db.dedicated();
  try {
    await client.query(`SELECT pg_advisory_lock(hashtext('tongban:migrations'))`);
    await client.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
    await client.query(`CREATE SCHEMA IF NOT EXISTS tongban_meta`);
    await client.query(`CREATE TABLE IF NOT EXISTS tongban_meta.schema_migrations (
      schema_name text NOT NULL, version text NOT NULL, checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (schema_name, version))`);
    for (const set of sets) {
      if (!SCHEMA_NAME.test(set.schema)) throw new Error(`invalid schema name ${set.schema}`);
      const done = new Map(
        (
          await client.query<{ version: string; checksum: string }>(
            `SELECT version, checksum FROM tongban_meta.schema_migrations WHERE schema_name = $1`,
            [set.schema],
          )
        ).rows.map((r) => [r.version, r.checksum]),
      );
      for (const m of readMigrations(set)) {
        const previous = done.get(m.version);
        if (previous !== undefined) {
          if (previous !== m.checksum) throw new Error(`migration ${set.schema}/${m.version} was edited after it was applied`);
          continue;
        }
        await client.query('BEGIN');
        try {
          await client.query(`CREATE SCHEMA IF NOT EXISTS ${set.schema}`);
          await client.query(`SET LOCAL search_path TO ${set.schema}, public`);
          await client.query(m.sql);
          await client.query(`INSERT INTO tongban_meta.schema_migrations (schema_name, version, checksum) VALUES ($1, $2, $3)`, [
            set.schema,
            m.version,
            m.checksum,
          ]);
          await client.query('COMMIT');
          applied.push(`${set.schema}/${m.version}`);
        } catch (error) {
          await client.query('ROLLBACK');
          throw new Error(`migration ${set.schema}/${m.version} failed: ${(error as Error).message}`);
        }
      }
    }
  } finally {
    await client.query(`SELECT pg_advisory_unlock(hashtext('tongban:migrations'))`).catch(() => undefined);
    client.release();
  }
  return applied;
}
