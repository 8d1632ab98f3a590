import { AsyncLocalStorage } from 'node:async_hooks';
import { Pool, PoolClient, QueryConfig, QueryResultRow } from 'pg';
import { pipeline, Step } from './database.pipeline';

export type Isolation = 'read committed' | 'repeatable read' | 'serializable';

const MAX_PREPARED = 1000;
/** Held writes past this many are sent ahead of the COMMIT (still inside the transaction). */
const MAX_HELD = 500;

/**
 * A transaction's connection and what it owes the server: control statements not sent yet (BEGIN,
 * SAVEPOINT, RELEASE, ROLLBACK TO), which ride in front of the next statement, and statements held
 * for the COMMIT, which ride with it — each a round trip saved.
 */
interface Tx {
  client: PoolClient;
  pending: string[];
  atCommit: Step[];
  /** BEGIN reached the server: there is a transaction to commit or roll back */
  begun: boolean;
  /** savepoints open now */
  depth: number;
}

/**
 * The one way the code talks to PostgreSQL. `tx()` opens a transaction and binds it to the async
 * context, so every repository call made inside it — however deep — joins that transaction. That is
 * what lets a state change and its outbox rows (or an effect and its inbox row) commit together.
 */
export class Database {
  private readonly current = new AsyncLocalStorage<Tx>();
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
    const tx = this.current.getStore();
    const query = this.prepared(text, values);
    if (!tx) return (await this.pool.query<R>(query)).rows;
    if (tx.pending.length === 0) return (await tx.client.query<R>(query)).rows;
    const results = await this.send<R>(tx, [query]);
    return results[results.length - 1].rows;
  }

  /** Sends what the transaction owes the server in front of the steps, in one round trip. */
  private async send<R extends QueryResultRow>(tx: Tx, steps: Step[]): Promise<Array<{ rows: R[] }>> {
    const control = tx.pending.map((text) => ({ text }));
    tx.pending = [];
    if (control.length > 0) tx.begun = true;
    return pipeline<R>(tx.client, [...control, ...steps]);
  }

  /**
   * Holds a write for the transaction's COMMIT, sent with it in one round trip: it commits exactly
   * when the transaction does (a failure rolls everything back and the transaction's caller gets the
   * error). For the last write of a request, e.g. its audit entry. Outside a transaction it runs now.
   * A long transaction (a job writing thousands of events) sends them MAX_HELD at a time instead, so
   * what it holds stays bounded; never while a savepoint is open, whose rollback must drop its own.
   */
  async atCommit(text: string, values: readonly unknown[]): Promise<void> {
    const tx = this.current.getStore();
    if (!tx) {
      await this.query(text, values);
      return;
    }
    tx.atCommit.push(this.prepared(text, values));
    if (tx.atCommit.length >= MAX_HELD && tx.depth === 0) await this.send(tx, tx.atCommit.splice(0));
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

  /**
   * Takes the named transaction-level advisory lock if it is free (held until the surrounding transaction
   * ends): how a periodic job run by several instances lets one of them work.
   */
  async tryXactLock(name: string): Promise<boolean> {
    const row = await this.one<{ locked: boolean }>(`SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked`, [name]);
    return row?.locked === true;
  }

  get inTransaction(): boolean {
    return this.current.getStore() !== undefined;
  }

  /**
   * Runs fn in a transaction, or inside the surrounding one when there is one. BEGIN goes to the
   * server with the first statement and COMMIT with the writes held for it (one round trip each;
   * PostgreSQL takes a transaction's snapshot at its first statement anyway); a transaction that ran
   * no statement costs none.
   */
  async tx<T>(fn: () => Promise<T>, isolation: Isolation = 'read committed'): Promise<T> {
    if (this.current.getStore()) return fn();
    const client = await this.pool.connect();
    const tx: Tx = { client, pending: [`BEGIN ISOLATION LEVEL ${isolation.toUpperCase()}`], atCommit: [], begun: false, depth: 0 };
    let broken = false;
    try {
      const result = await this.current.run(tx, fn);
      if (tx.begun || tx.atCommit.length > 0) {
        // held writes and COMMIT in one round trip; after a failed write the server skips the COMMIT
        await this.send(tx, [...tx.atCommit, { text: 'COMMIT' }]);
      }
      return result;
    } catch (error) {
      if (tx.begun)
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
    const tx = this.current.getStore();
    if (!tx) throw new Error('savepoint() needs a surrounding transaction');
    const name = `tongban_sp_${(this.savepoints += 1)}`;
    // SAVEPOINT, RELEASE and ROLLBACK TO ride in front of the next statement (or the COMMIT);
    // a savepoint fn never sent a statement behind is simply dropped
    tx.pending.push(`SAVEPOINT ${name}`);
    const unsent = (): boolean => tx.pending.includes(`SAVEPOINT ${name}`);
    const held = tx.atCommit.length;
    tx.depth += 1;
    let result: T;
    try {
      result = await fn();
    } catch (error) {
      // the writes fn held for the COMMIT are its writes too: undone with the rest
      tx.atCommit.length = held;
      if (unsent()) tx.pending.splice(tx.pending.indexOf(`SAVEPOINT ${name}`));
      else tx.pending.push(`ROLLBACK TO SAVEPOINT ${name}`);
      throw error;
    } finally {
      tx.depth -= 1;
    }
    if (unsent()) tx.pending.splice(tx.pending.indexOf(`SAVEPOINT ${name}`), 1);
    else tx.pending.push(`RELEASE SAVEPOINT ${name}`);
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
