import { PoolClient, Query, QueryConfig, QueryResult, QueryResultRow } from 'pg';
// pg's own value mapping (dates, arrays, JSON, buffers), the one its Query uses for Bind
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { prepareValue } = require('pg/lib/utils') as { prepareValue: (value: unknown) => unknown };

/** One statement of a pipeline: a named prepared statement, or an unnamed one (parsed each time). */
export type Step = Pick<QueryConfig, 'text' | 'name' | 'values'>;

/** The parts of pg's Connection a pipeline writes with (internal to pg, stable across 8.x). */
interface WireConnection {
  parsedStatements: Record<string, string>;
  parse(msg: { text: string; name: string; types?: unknown[] }): void;
  bind(msg: { portal: string; statement: string; values: unknown[]; valueMapper: (v: unknown) => unknown }): void;
  describe(msg: { type: 'P'; name: string }): void;
  execute(msg: { portal: string; rows: number }): void;
  sync(): void;
}

/**
 * Several statements in one write and one Sync: one round trip instead of one per statement. The
 * server runs them in order and, after an error, skips the rest up to the Sync — so a pipeline
 * ending in COMMIT commits only if every statement before it succeeded. pg's Query already gathers
 * one result per statement (its multi-statement path); this subclass only writes the messages.
 */
class PipelineQuery extends Query {
  constructor(private readonly steps: readonly Step[]) {
    super({ text: steps.map((s) => s.text).join(';\n'), queryMode: 'extended' } as QueryConfig);
  }

  prepare(connection: WireConnection): void {
    for (const step of this.steps) {
      const name = step.name ?? '';
      if (!name) connection.parse({ text: step.text, name: '' });
      connection.bind({ portal: '', statement: name, values: (step.values ?? []) as unknown[], valueMapper: prepareValue });
      connection.describe({ type: 'P', name: '' });
      connection.execute({ portal: '', rows: 0 });
    }
    connection.sync();
  }
}

const connectionOf = (client: PoolClient): WireConnection => (client as unknown as { connection: WireConnection }).connection;

/**
 * Runs the steps on the client in one round trip and returns each step's result. A named statement
 * not yet prepared on this connection makes this call run the steps one by one (pg prepares it and
 * records that it did), so every later pipeline on the connection finds it prepared.
 */
export async function pipeline<R extends QueryResultRow = QueryResultRow>(
  client: PoolClient,
  steps: readonly Step[],
): Promise<Array<QueryResult<R>>> {
  const parsed = connectionOf(client).parsedStatements;
  if (steps.some((s) => s.name !== undefined && parsed[s.name] === undefined)) {
    const results: Array<QueryResult<R>> = [];
    for (const s of steps) results.push(await client.query<R>(s.values ? s : s.text));
    return results;
  }
  // a submittable answers through its callback (client.query returns the submittable itself)
  const result = await new Promise<QueryResult<R> | Array<QueryResult<R>>>((resolve, reject) => {
    const query = new PipelineQuery(steps) as unknown as { callback?: (err: Error | null, res: unknown) => void };
    query.callback = (err, res) => (err ? reject(err) : resolve(res as QueryResult<R> | Array<QueryResult<R>>));
    void client.query(query as unknown as QueryConfig);
  });
  return Array.isArray(result) ? result : [result];
}
