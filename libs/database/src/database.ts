import { AsyncLocalStorage } from 'node:async_hooks';
import { Pool, PoolClient, QueryConfig, QueryResultRow } from 'pg';

export type Isolation = 'read committed' | 'repeatable read' | 'serializable';

const MAX_PREPARED = 1000;

/**
 * The one way the code talks to PostgreSQL. `tx()` opens a transaction and binds it to the async
 * context, so every repository call made inside it — however deep — joins that transaction. That is
 * what lets a state change and its outbox rows (or an effect and its inbox row) commit together.
 */
export class Database {
  private readonly current = new AsyncLocalStorage<PoolClient>();
  private readonly statements = new Map<string, string>();
  private savepoints = 0;

  constructor(readonly pool: Pool) {}

  static connect(url: string, max = 10): Database {
    // the pid names the process behind each connection (pg_stat_activity): operators and the fault run
    // can tell which process holds a relay's lock
    const pool = new Pool({ connectionString: url, max, application_name: `tongban:${process.pid}` });
    // A client losing its connection (database restart) must not crash the process: idle clients are
    // covered by the pool's 'error' event; a checked-out client between two queries (in a transaction,
    // or a LISTEN connection) emits 'error' on itself, and an unhandled 'error' event kills the process.
    // The query in flight still fails with the error, and the pool discards the broken client on release.
    pool.on('error', () => undefined);
    pool.on('connect', (client) => client.on('error', () => undefined));
    return new Database(pool);
  }

  async query<R extends QueryResultRow = QueryResultRow>(text: string, values?: readonly unknown[]): Promise<R[]> {
    const client = this.current.getStore();
    const query = this.prepared(text, values);
    const result = client ? await client.query<R>(query) : await this.pool.query<R>(query);
    return result.rows;
  }

  /**
   * Parameterised statements run as named prepared statements: each connection parses and plans a
   * statement once instead of on every call (the planner was a fifth of the database's time per
   * provision claim). Statement texts are fixed strings in the repositories, so the set is small;
   * past MAX_PREPARED distinct texts (a sign of SQL built from data) the rest run unprepared.
   */
  private prepared(text: string, values?: readonly unknown[]): QueryConfig {
    if (!values || values.length === 0) return { text };
    let name = this.statements.get(text);
    if (name === undefined && this.statements.size < MAX_PREPARED) {
      name = `tongban_${this.statements.size + 1}`;
      this.statements.set(text, name);
    }
    return { name, text, values: values as unknown[] };
  }

  async one<R extends QueryResultRow = QueryResultRow>(text: string, values?: readonly unknown[]): Promise<R | undefined> {
    const rows = await this.query<R>(text, values);
    return rows[0];
  }

  get inTransaction(): boolean {
    return this.current.getStore() !== undefined;
  }

  /** Runs fn in a transaction, or inside the surrounding one when there is one. */
  async tx<T>(fn: () => Promise<T>, isolation: Isolation = 'read committed'): Promise<T> {
    if (this.current.getStore()) return fn();
    const client = await this.pool.connect();
    let broken = false;
    try {
      await client.query(`BEGIN ISOLATION LEVEL ${isolation.toUpperCase()}`);
      const result = await this.current.run(client, fn);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {
        broken = true;
      });
      throw error;
    } finally {
      client.release(broken);
    }
  }

  /**
   * Runs fn inside the surrounding transaction so that, when it throws, only its own writes are
   * undone (ROLLBACK TO SAVEPOINT) and the transaction can go on — e.g. to record the answer of a
   * refused request under its Idempotency-Key.
   */
  async savepoint<T>(fn: () => Promise<T>): Promise<T> {
    const client = this.current.getStore();
    if (!client) throw new Error('savepoint() needs a surrounding transaction');
    const name = `tongban_sp_${(this.savepoints += 1)}`;
    await client.query(`SAVEPOINT ${name}`);
    let result: T;
    try {
      result = await fn();
    } catch (error) {
      await client.query(`ROLLBACK TO SAVEPOINT ${name}`);
      throw error;
    }
    await client.query(`RELEASE SAVEPOINT ${name}`);
    return result;
  }

  /** A dedicated connection outside the pool's rotation (LISTEN, session advisory locks). */
  async dedicated(): Promise<PoolClient> {
    return this.pool.connect();
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

/** SQLSTATE codes the domain code reacts to. */
export const PgError = {
  UniqueViolation: '23505',
  ExclusionViolation: '23P01',
  CheckViolation: '23514',
  ForeignKeyViolation: '23503',
  SerializationFailure: '40001',
  DeadlockDetected: '40P01',
} as const;

export function pgErrorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

export function pgConstraint(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'constraint' in error && typeof error.constraint === 'string'
    ? error.constraint
    : undefined;
}
