import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoPath } from '@tongban/config';
import { MESSAGING_MIGRATIONS, migrate } from '@tongban/database';
import { LEDGER_MIGRATIONS } from '@tongban/ledger';
import { Suite } from '../harness/suite';

/**
 * Ledger tables that are not about one person, and what they become on a distributed engine. Every
 * other table in the ledger schema is a person table and must follow the distribution rules below.
 */
const NOT_PERSON_TABLES: Record<string, 'reference' | 'messaging'> = {
  catalogue_services: 'reference',
  catalogue_passes: 'reference',
  gap_sweeps: 'reference',
  reconciliations: 'reference',
  outbox: 'messaging',
  inbox: 'messaging',
};

interface TableRow {
  table: string;
  partitioned: boolean;
  strategy: string | null;
  partition_key: string[] | null;
  partitions: number;
  moduli: number[];
  subject_ref_not_null: boolean | null;
}

interface ConstraintRow {
  table: string;
  name: string;
  type: string;
  columns: string[];
  referenced_table: string | null;
  referenced_columns: string[] | null;
}

const TABLES_SQL = `
  SELECT c.relname AS table, c.relkind = 'p' AS partitioned, p.partstrat AS strategy,
         (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM unnest(p.partattrs::int2[]) WITH ORDINALITY AS k(attnum, ord)
            JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum) AS partition_key,
         (SELECT count(*)::int FROM pg_inherits i WHERE i.inhparent = c.oid) AS partitions,
         (SELECT coalesce(array_agg(DISTINCT substring(pg_get_expr(pc.relpartbound, pc.oid) FROM 'modulus (\\d+)')::int), '{}')
            FROM pg_inherits i JOIN pg_class pc ON pc.oid = i.inhrelid WHERE i.inhparent = c.oid) AS moduli,
         (SELECT a.attnotnull FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'subject_ref' AND NOT a.attisdropped) AS subject_ref_not_null
    FROM pg_class c LEFT JOIN pg_partitioned_table p ON p.partrelid = c.oid
   WHERE c.relnamespace = 'ledger'::regnamespace AND c.relkind IN ('r', 'p') AND NOT c.relispartition
   ORDER BY 1`;

const CONSTRAINTS_SQL = `
  SELECT c.relname AS table, k.conname AS name, k.contype AS type,
         (SELECT array_agg(a.attname::text ORDER BY u.ord) FROM unnest(k.conkey) WITH ORDINALITY AS u(attnum, ord)
            JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.attnum) AS columns,
         f.relname AS referenced_table,
         (SELECT array_agg(a.attname::text ORDER BY u.ord) FROM unnest(k.confkey) WITH ORDINALITY AS u(attnum, ord)
            JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.attnum) AS referenced_columns
    FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid LEFT JOIN pg_class f ON f.oid = k.confrelid
   WHERE k.connamespace = 'ledger'::regnamespace AND k.contype IN ('p', 'u', 'x', 'f') AND NOT c.relispartition
     AND k.conparentid = 0
   ORDER BY 1, 2`;

/** Unique indexes that are not constraints (partial unique indexes, expression keys). */
const UNIQUE_INDEXES_SQL = `
  SELECT c.relname AS table, x.relname AS name,
         (SELECT array_agg(a.attname::text) FROM unnest(i.indkey::int2[]) AS u(attnum)
            JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = u.attnum) AS columns
    FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_class x ON x.oid = i.indexrelid
   WHERE c.relnamespace = 'ledger'::regnamespace AND i.indisunique AND NOT c.relispartition
     AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)`;

/**
 * The ledger is laid out to be distributed by person (issue 17): every row about a person carries
 * subject_ref, every person table is hash-partitioned by it alone (the same way, so partitions line up),
 * and every key and every rule a constraint enforces includes it, so each holds within one partition —
 * on one node of a distributed engine. Asserted over the catalog after all migrations, so a later
 * migration that adds a table or a key without subject_ref fails here.
 */
describe('the ledger schema is distributable by person (real PostgreSQL)', () => {
  let suite: Suite;
  let tables: TableRow[];
  let constraints: ConstraintRow[];
  let uniqueIndexes: { table: string; name: string; columns: string[] }[];
  const personTables = (): TableRow[] => tables.filter((t) => !(t.table in NOT_PERSON_TABLES));
  const isPerson = (table: string | null): boolean => table !== null && !(table in NOT_PERSON_TABLES);

  beforeAll(async () => {
    suite = await Suite.create('distribution');
    await migrate(suite.db, [LEDGER_MIGRATIONS]);
    tables = await suite.db.query<TableRow>(TABLES_SQL);
    constraints = await suite.db.query<ConstraintRow>(CONSTRAINTS_SQL);
    uniqueIndexes = await suite.db.query(UNIQUE_INDEXES_SQL);
  });
  afterAll(() => suite.stop());

  it('names only tables that exist as not about a person, and finds the person tables', () => {
    const names = tables.map((t) => t.table);
    for (const table of Object.keys(NOT_PERSON_TABLES)) expect(names).toContain(table);
    expect(personTables().map((t) => t.table)).toEqual(
      expect.arrayContaining(['subjects', 'responsibilities', 'handoffs', 'provision_claims', 'fact_changes', 'gaps']),
    );
  });

  it('hash-partitions every person table by subject_ref alone, all with the same modulus', () => {
    const layouts = new Set<string>();
    for (const t of personTables()) {
      expect({ table: t.table, subjectRefNotNull: t.subject_ref_not_null, strategy: t.strategy, key: t.partition_key }).toEqual({
        table: t.table,
        subjectRefNotNull: true,
        strategy: 'h',
        key: ['subject_ref'],
      });
      expect(t.moduli).toEqual([t.partitions]);
      layouts.add(`${t.partitions}`);
    }
    expect(layouts.size).toBe(1);
  });

  it('includes subject_ref in every primary key, unique and exclusion constraint and unique index of a person table', () => {
    const keys = constraints.filter((c) => isPerson(c.table) && c.type !== 'f');
    expect(keys.length).toBeGreaterThan(personTables().length - 1);
    for (const k of [...keys, ...uniqueIndexes.filter((i) => isPerson(i.table))]) {
      expect({ table: k.table, name: k.name, columns: k.columns }).toEqual({
        table: k.table,
        name: k.name,
        columns: expect.arrayContaining(['subject_ref']),
      });
    }
  });

  it('joins person tables by subject_ref, and refers from a person table only to person or reference tables', () => {
    for (const fk of constraints.filter((c) => c.type === 'f')) {
      const from = isPerson(fk.table);
      const to = isPerson(fk.referenced_table);
      // a reference or messaging table never points into the person tables (it would span every node)
      expect({ fk: fk.name, fromPersonOrNotToPerson: from || !to }).toEqual({ fk: fk.name, fromPersonOrNotToPerson: true });
      if (from && to) {
        const at = fk.columns.indexOf('subject_ref');
        expect({ fk: fk.name, at, referenced: fk.referenced_columns?.[at] }).toEqual({ fk: fk.name, at, referenced: 'subject_ref' });
        expect(at).toBeGreaterThanOrEqual(0);
      }
      if (from && !to)
        expect({ fk: fk.name, kind: NOT_PERSON_TABLES[fk.referenced_table ?? ''] }).toEqual({ fk: fk.name, kind: 'reference' });
    }
  });
});

/**
 * A database that has the ledger from before the partitioning keeps every row through migration 0192,
 * its interval ids continue, the views read the new tables, and its proposals become cases (0193).
 */
describe('partitioning an existing ledger (real PostgreSQL)', () => {
  let suite: Suite;
  const before = `.data/migrations-before-0192-${process.pid}`;

  beforeAll(async () => {
    suite = await Suite.create('partition-upgrade');
    fs.rmSync(repoPath(before), { recursive: true, force: true });
    fs.mkdirSync(repoPath(before), { recursive: true });
    for (const dir of [MESSAGING_MIGRATIONS, 'libs/ledger/migrations'])
      for (const file of fs.readdirSync(repoPath(dir)).filter((f) => f < '0192'))
        fs.copyFileSync(path.join(repoPath(dir), file), path.join(repoPath(before), file));
  });
  afterAll(async () => {
    fs.rmSync(repoPath(before), { recursive: true, force: true });
    await suite.stop();
  });

  it('keeps the rows, the interval sequence and the operator queue', async () => {
    await migrate(suite.db, [{ schema: 'ledger', dirs: [before] }]);
    await suite.db.query(`
      INSERT INTO ledger.subjects (subject_ref, hukou_region, registered_by) VALUES ('s-one', '360100', 'test'), ('s-two', '440100', 'test');
      INSERT INTO ledger.responsibilities (subject_ref, service_code, region, during, opened_by, opened_reason) VALUES
        ('s-one', 'assist.minimum-living', '360100', tstzrange('2026-01-01', NULL), 'test', 'registered'),
        ('s-two', 'assist.minimum-living', '440100', tstzrange('2026-01-01', NULL), 'test', 'registered');
      INSERT INTO ledger.provision_claims (claim_id, subject_ref, service_code, period_key, region, basis, responsibility_id, claimed_by, held_at, period_end)
        SELECT gen_random_uuid(), subject_ref, service_code, '2026-02', region, 'responsible', responsibility_id, 'test', '2026-02-01', '2026-03-01'
          FROM ledger.responsibilities WHERE subject_ref = 's-one';
      INSERT INTO ledger.handoffs (handoff_id, subject_ref, service_code, from_region, to_region, status, reason, proposed_on, remind_on, deadline, effective_by)
        VALUES (gen_random_uuid(), 's-two', 'assist.minimum-living', '440100', '440300', 'proposed', 'test', '2026-02-01', '2026-02-10', '2026-02-20', '2026-05-01');`);
    const count = `SELECT (SELECT count(*) FROM ledger.subjects)::int AS subjects, (SELECT count(*) FROM ledger.responsibilities)::int AS responsibilities,
                          (SELECT count(*) FROM ledger.provision_claims)::int AS claims, (SELECT count(*) FROM ledger.handoffs)::int AS handoffs,
                          (SELECT max(responsibility_id) FROM ledger.responsibilities)::int AS last_id`;
    const [was] = await suite.db.query<{ last_id: number }>(count);

    expect(await migrate(suite.db, [LEDGER_MIGRATIONS])).toContain('ledger/0192_distributable_by_person');

    expect(await suite.db.query(count)).toEqual([was]);
    const [next] = await suite.db.query<{ id: number }>(
      `INSERT INTO ledger.responsibilities (subject_ref, service_code, region, during, opened_by, opened_reason)
       VALUES ('s-one', 'assist.other', '360100', tstzrange('2026-01-01', NULL), 'test', 'registered') RETURNING responsibility_id::int AS id`,
    );
    expect(next.id).toBeGreaterThan(was.last_id);
    // the proposal made before cases became a case of its own (0193), one queue row
    expect(await suite.db.query(`SELECT queue, kind, subject_ref FROM ledger.operator_queue`)).toEqual([
      { queue: 'ledger-handoffs', kind: 'handoff-case', subject_ref: 's-two' },
    ]);
    expect(
      await suite.db.query(`SELECT count(*)::int AS n FROM ledger.handoffs h JOIN ledger.handoff_cases c USING (subject_ref, case_id)`),
    ).toEqual([{ n: 1 }]);
    expect(await suite.db.query(`SELECT region FROM ledger.subject_regions WHERE subject_ref = 's-one' ORDER BY 1`)).toEqual([
      { region: '360100' },
      { region: '360100' },
      { region: '360100' },
    ]);
  });
});
