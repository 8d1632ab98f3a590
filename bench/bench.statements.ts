import { Client } from 'pg';

/** Execution time and calls of each statement (by its normalized text), summed over readings. */
export type StatementTimes = Map<string, { ms: number; calls: number }>;

/**
 * PostgreSQL's own account of where its time goes, by statement (pg_stat_statements, which the bench's
 * server preloads): the figures that name PostgreSQL's CPU as a cost say which statements it is.
 * Time is the server's wall time executing them, which on a busy machine includes waiting for a core.
 */
export class StatementStats {
  private constructor(private readonly db: Client) {}

  static async open(databaseUrl: string): Promise<StatementStats> {
    const db = new Client({ connectionString: databaseUrl, application_name: 'bench-statements' });
    db.on('error', () => undefined); // the server stopping under an idle client: its next query fails instead
    await db.connect();
    try {
      await db.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
      return new StatementStats(db);
    } catch (error) {
      await db.end();
      throw error;
    }
  }

  async reset(): Promise<void> {
    await this.db.query('SELECT pg_stat_statements_reset()');
  }

  /** What ran since the reset, added to `into`. */
  async read(into: StatementTimes = new Map()): Promise<StatementTimes> {
    const rows = await this.db.query<{ ms: number; calls: string; query: string }>(
      `SELECT total_exec_time AS ms, calls, query FROM pg_stat_statements
        WHERE query IS NOT NULL AND query NOT LIKE '%pg_stat_statements%'`,
    );
    for (const r of rows.rows) {
      const text = r.query.replace(/\s+/g, ' ').trim();
      const seen = into.get(text) ?? { ms: 0, calls: 0 };
      into.set(text, { ms: seen.ms + r.ms, calls: seen.calls + Number(r.calls) });
    }
    return into;
  }

  async close(): Promise<void> {
    await this.db.end();
  }
}

/** The statements that took the most time, per unit of work: `ms × calls statement's first words`, most first. */
export function topStatements(times: StatementTimes, units: number, limit = 8): string {
  const n = Math.max(units, 1);
  return [...times]
    .sort((a, b) => b[1].ms - a[1].ms)
    .slice(0, limit)
    .map(([text, t]) => `${(t.ms / n).toFixed(2)} ms × ${(t.calls / n).toFixed(2)} ${text.slice(0, 70)}`)
    .join('; ');
}
