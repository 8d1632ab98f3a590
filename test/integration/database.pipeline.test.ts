import { Database, pipeline } from '@tongban/database';
import { Suite } from '../harness/suite';

/**
 * The Database's pipelined control statements on a real PostgreSQL: BEGIN sent with the first
 * statement, SAVEPOINT / RELEASE / ROLLBACK TO with the next one, writes held for the COMMIT sent
 * with it — and the transactions mean exactly what they meant one statement per round trip.
 */
describe('Database: BEGIN, savepoints and held writes pipelined with the statements', () => {
  let suite: Suite;
  let db: Database;
  const rows = async (): Promise<string[]> => (await db.query<{ v: string }>('SELECT v FROM pipe ORDER BY id')).map((r) => r.v);
  const insert = (v: string): Promise<unknown> => db.query('INSERT INTO pipe (v) VALUES ($1)', [v]);

  beforeAll(async () => {
    suite = await Suite.create('pipeline');
    db = suite.db;
    await db.query('CREATE TABLE pipe (id serial PRIMARY KEY, v text NOT NULL UNIQUE)');
  });
  afterAll(() => suite.stop());
  beforeEach(() => db.query('TRUNCATE pipe'));

  it('commits the statements and the held writes together, in order', async () => {
    await db.tx(async () => {
      await insert('a');
      await db.atCommit('INSERT INTO pipe (v) VALUES ($1)', ['held']);
      await insert('b');
    });
    expect(await rows()).toEqual(['a', 'b', 'held']);
  });

  it('a held write alone still commits (BEGIN, write and COMMIT in one round trip)', async () => {
    await db.tx(() => db.atCommit('INSERT INTO pipe (v) VALUES ($1)', ['only']));
    expect(await rows()).toEqual(['only']);
  });

  it('a failing held write rolls the whole transaction back and reaches the caller', async () => {
    await insert('taken');
    await expect(
      db.tx(async () => {
        await insert('x');
        await db.atCommit('INSERT INTO pipe (v) VALUES ($1)', ['taken']);
      }),
    ).rejects.toMatchObject({ code: '23505' });
    expect(await rows()).toEqual(['taken']);
  });

  it('a throwing fn rolls back, its held writes never sent', async () => {
    await expect(
      db.tx(async () => {
        await insert('x');
        await db.atCommit('INSERT INTO pipe (v) VALUES ($1)', ['held']);
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(await rows()).toEqual([]);
  });

  it('a savepoint undoes only its own writes, also after a failed statement inside it', async () => {
    await db.tx(async () => {
      await insert('before');
      await expect(
        db.savepoint(async () => {
          await insert('inside');
          await insert('before'); // unique violation: the transaction is aborted up to the savepoint
        }),
      ).rejects.toMatchObject({ code: '23505' });
      await insert('after');
      await db.savepoint(() => insert('kept'));
      await db.savepoint(async () => undefined); // no statement: nothing sent
    });
    expect(await rows()).toEqual(['before', 'after', 'kept']);
  });

  it('a savepoint that throws drops the writes it held for the COMMIT (an event of a refused request is never sent)', async () => {
    await db.tx(async () => {
      await db.atCommit('INSERT INTO pipe (v) VALUES ($1)', ['held before']);
      await expect(
        db.savepoint(async () => {
          await db.atCommit('INSERT INTO pipe (v) VALUES ($1)', ['held inside, no statement']);
          throw new Error('refused');
        }),
      ).rejects.toThrow('refused');
      await expect(
        db.savepoint(async () => {
          await insert('inside');
          await db.atCommit('INSERT INTO pipe (v) VALUES ($1)', ['held inside, after a statement']);
          throw new Error('refused');
        }),
      ).rejects.toThrow('refused');
      await db.savepoint(() => db.atCommit('INSERT INTO pipe (v) VALUES ($1)', ['held in a kept savepoint']));
    });
    expect(await rows()).toEqual(['held before', 'held in a kept savepoint']);
  });

  it('a long transaction sends its held writes ahead in bounded batches, never from inside a savepoint', async () => {
    const held = (v: string): Promise<void> => db.atCommit('INSERT INTO pipe (v) VALUES ($1)', [v]);
    const visible = async (): Promise<number> => (await db.one<{ n: number }>('SELECT count(*)::int AS n FROM pipe'))?.n ?? -1;
    const seen = await db.tx(async () => {
      for (let i = 0; i < 1200; i += 1) await held(`job ${i}`);
      const afterJob = await visible(); // two batches of 500 already sent within the transaction
      await expect(
        db.savepoint(async () => {
          for (let i = 0; i < 600; i += 1) await held(`refused ${i}`);
          throw new Error('refused');
        }),
      ).rejects.toThrow('refused');
      return [afterJob, await visible()];
    });
    expect(seen).toEqual([1000, 1000]);
    const kept = await rows();
    expect(kept).toHaveLength(1200);
    expect(kept.some((v) => v.startsWith('refused'))).toBe(false);
  });

  it('a savepoint whose fn throws before any statement leaves the transaction as it was', async () => {
    await db.tx(async () => {
      await expect(
        db.savepoint(async () => {
          throw new Error('refused early');
        }),
      ).rejects.toThrow('refused early');
      await insert('after');
    });
    expect(await rows()).toEqual(['after']);
  });

  it('repeatable read takes its snapshot at the first statement, as PostgreSQL does after BEGIN', async () => {
    await insert('one');
    const seen = await db.tx(async () => {
      const first = (await db.query<{ n: string }>('SELECT count(*) AS n FROM pipe'))[0].n;
      await suite.db.pool.query(`INSERT INTO pipe (v) VALUES ('outside')`);
      const second = (await db.query<{ n: string }>('SELECT count(*) AS n FROM pipe'))[0].n;
      return [first, second];
    }, 'repeatable read');
    expect(seen).toEqual(['1', '1']);
  });

  it('pipeline() returns one result per statement; a named statement new to the connection runs step by step once', async () => {
    const client = await db.dedicated();
    try {
      const step = { name: 'pipe_count', text: 'SELECT count(*)::int AS n FROM pipe WHERE v <> $1', values: ['-'] };
      const first = await pipeline(client, [{ text: 'BEGIN' }, step, { text: 'COMMIT' }]);
      const second = await pipeline(client, [{ text: 'BEGIN' }, step, { text: 'COMMIT' }]);
      for (const results of [first, second]) {
        expect(results.map((r) => r.command)).toEqual(['BEGIN', 'SELECT', 'COMMIT']);
        expect(results[1].rows).toEqual([{ n: 0 }]);
      }
    } finally {
      client.release();
    }
  });
});
