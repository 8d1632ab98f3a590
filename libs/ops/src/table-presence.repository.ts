import { Injectable } from '@nestjs/common';
import { Database } from '@tongban/database';

/**
 * Which domain tables exist in this database. Domains are deployed one by one, so the console asks
 * at query time; a table once seen is remembered (tables are never dropped by a migration).
 */
@Injectable()
export class TablePresenceRepository {
  private readonly seen = new Set<string>();

  constructor(private readonly db: Database) {}

  async allExist(tables: readonly string[]): Promise<boolean> {
    const unknown = tables.filter((t) => !this.seen.has(t));
    if (unknown.length === 0) return true;
    const rows = await this.db.query<{ name: string }>(`SELECT t AS name FROM unnest($1::text[]) AS t WHERE to_regclass(t) IS NOT NULL`, [
      unknown,
    ]);
    for (const r of rows) this.seen.add(r.name);
    return rows.length === unknown.length;
  }

  /** Schemas that carry an outbox table (each domain's event history). */
  async outboxSchemas(): Promise<string[]> {
    const rows = await this.db.query<{ schema: string }>(
      `SELECT table_schema AS schema FROM information_schema.tables WHERE table_name = 'outbox' AND table_type = 'BASE TABLE' ORDER BY table_schema`,
    );
    return rows.map((r) => r.schema);
  }
}
