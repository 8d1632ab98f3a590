import { Injectable } from '@nestjs/common';
import { InsuranceBranch } from '@tongban/catalogue';
import { Database } from '@tongban/database';
import { Actor, actorLabel } from '@tongban/identity';
import { day, iso } from './ledger.sql';
import { FactChange, FactChangeStatus, FactDecision, FactKind, LEDGER_SCHEMA } from './ledger.types';

interface FactChangeRow {
  change_id: string;
  subject_ref: string;
  kind: FactKind;
  branch: InsuranceBranch | null;
  from_region: string;
  to_region: string;
  effective_on: string;
  status: FactChangeStatus;
  stated_at: string;
  objection_deadline: string;
  objection_deadline_provisional: boolean;
  objection_reason: string | null;
  decision: FactDecision | null;
  decided_at: string | null;
  note: string | null;
}

const T = `${LEDGER_SCHEMA}.fact_changes`;
const COLUMNS = `change_id, subject_ref, kind, branch, from_region, to_region, ${day('effective_on')} AS effective_on, status, ${iso('stated_at')} AS stated_at,
  ${day('objection_deadline')} AS objection_deadline, objection_deadline_provisional, objection_reason, decision, ${iso('decided_at')} AS decided_at, note`;
const toChange = (r: FactChangeRow): FactChange => ({
  changeId: r.change_id,
  subjectRef: r.subject_ref,
  kind: r.kind,
  branch: r.branch,
  fromRegion: r.from_region,
  toRegion: r.to_region,
  effectiveOn: r.effective_on,
  status: r.status,
  statedAt: r.stated_at,
  objectionDeadline: r.objection_deadline,
  objectionDeadlineProvisional: r.objection_deadline_provisional,
  objectionReason: r.objection_reason,
  decision: r.decision,
  decidedAt: r.decided_at,
  note: r.note,
});

export type NewFactChange = Pick<
  FactChange,
  | 'changeId'
  | 'subjectRef'
  | 'kind'
  | 'branch'
  | 'fromRegion'
  | 'toRegion'
  | 'effectiveOn'
  | 'objectionDeadline'
  | 'objectionDeadlineProvisional'
>;

/** A change as the tables key it: the person (distribution key) and the id. */
export type FactChangeKey = Pick<FactChange, 'subjectRef' | 'changeId'>;

@Injectable()
export class FactChangeRepository {
  constructor(private readonly db: Database) {}

  async insert(c: NewFactChange, actor: Actor, decided?: { status: 'definitive'; decision: 'uncontested' }): Promise<FactChange> {
    const row = await this.db.one<FactChangeRow>(
      `INSERT INTO ${T} (change_id, subject_ref, kind, branch, from_region, to_region, effective_on, status, stated_by, request_id, objection_deadline,
                         decision, decided_by, decided_at, objection_deadline_provisional)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, CASE WHEN $12::text IS NULL THEN NULL ELSE $9 END, CASE WHEN $12::text IS NULL THEN NULL ELSE now() END, $13)
       RETURNING ${COLUMNS}`,
      [
        c.changeId,
        c.subjectRef,
        c.kind,
        c.branch,
        c.fromRegion,
        c.toRegion,
        c.effectiveOn,
        decided?.status ?? 'provisional',
        actorLabel(actor),
        actor.requestId ?? null,
        c.objectionDeadline,
        decided?.decision ?? null,
        c.objectionDeadlineProvisional,
      ],
    );
    return toChange(row as FactChangeRow);
  }

  async find(changeId: string): Promise<FactChange | undefined> {
    const row = await this.db.one<FactChangeRow>(`SELECT ${COLUMNS} FROM ${T} WHERE change_id = $1`, [changeId]);
    return row && toChange(row);
  }

  /** Locks a change found by `find`: by its person too, so the statement stays in one partition. */
  async lock(key: FactChangeKey): Promise<FactChange | undefined> {
    const row = await this.db.one<FactChangeRow>(`SELECT ${COLUMNS} FROM ${T} WHERE subject_ref = $1 AND change_id = $2 FOR UPDATE`, [
      key.subjectRef,
      key.changeId,
    ]);
    return row && toChange(row);
  }

  /** The open (provisional or disputed) change of one fact of a person, if any. */
  async openOf(subjectRef: string, kind: FactKind, branch: InsuranceBranch | null): Promise<FactChange | undefined> {
    const row = await this.db.one<FactChangeRow>(
      `SELECT ${COLUMNS} FROM ${T} WHERE subject_ref = $1 AND kind = $2 AND COALESCE(branch, '') = COALESCE($3::text, '') AND status IN ('provisional', 'disputed')`,
      [subjectRef, kind, branch],
    );
    return row && toChange(row);
  }

  async openFor(subjectRef: string): Promise<FactChange[]> {
    const rows = await this.db.query<FactChangeRow>(
      `SELECT ${COLUMNS} FROM ${T} WHERE subject_ref = $1 AND status IN ('provisional', 'disputed') ORDER BY stated_at`,
      [subjectRef],
    );
    return rows.map(toChange);
  }

  async object(key: FactChangeKey, reason: string, actor: Actor): Promise<FactChange> {
    const row = await this.db.one<FactChangeRow>(
      `UPDATE ${T} SET status = 'disputed', objection_reason = $2, objected_by = $3, objected_at = now()
        WHERE change_id = $1 AND status = 'provisional' AND subject_ref = $4 RETURNING ${COLUMNS}`,
      [key.changeId, reason, actorLabel(actor), key.subjectRef],
    );
    if (!row) throw new Error(`fact change ${key.changeId} is not provisional`);
    return toChange(row);
  }

  /** Ends an open change; the status check makes a second, concurrent ending impossible. */
  async decide(
    key: FactChangeKey,
    status: 'definitive' | 'rejected' | 'superseded',
    decision: FactDecision,
    actor: Actor,
    note: string | null,
  ): Promise<FactChange> {
    const row = await this.db.one<FactChangeRow>(
      `UPDATE ${T} SET status = $2, decision = $3, decided_by = $4, decided_at = now(), note = $5
        WHERE change_id = $1 AND status IN ('provisional', 'disputed') AND subject_ref = $6 RETURNING ${COLUMNS}`,
      [key.changeId, status, decision, actorLabel(actor), note, key.subjectRef],
    );
    if (!row) throw new Error(`fact change ${key.changeId} is not open`);
    return toChange(row);
  }

  /** Provisional changes whose objection window ended before `today` (the last day to object was earlier). */
  async lapsed(today: string, limit: number): Promise<Array<{ changeId: string; subjectRef: string }>> {
    const rows = await this.db.query<{ change_id: string; subject_ref: string }>(
      `SELECT change_id, subject_ref FROM ${T} WHERE status = 'provisional' AND objection_deadline < $1::date ORDER BY objection_deadline, change_id LIMIT $2`,
      [today, limit],
    );
    return rows.map((r) => ({ changeId: r.change_id, subjectRef: r.subject_ref }));
  }

  /** A page of changes in their objection window whose deadline is provisional, in id order after `after`, locked. */
  async provisionalDeadlines(after: string | null, limit: number, timeZone: string): Promise<Array<FactChange & { statedOn: string }>> {
    const rows = await this.db.query<FactChangeRow & { stated_on: string }>(
      `SELECT ${COLUMNS}, to_char((stated_at AT TIME ZONE $3)::date, 'YYYY-MM-DD') AS stated_on FROM ${T}
        WHERE objection_deadline_provisional AND status = 'provisional' AND ($1::uuid IS NULL OR change_id > $1::uuid)
        ORDER BY change_id LIMIT $2 FOR UPDATE`,
      [after, limit, timeZone],
    );
    return rows.map((r) => ({ ...toChange(r), statedOn: r.stated_on }));
  }

  async reschedule(key: FactChangeKey, deadline: { date: string; provisional: boolean }): Promise<FactChange> {
    const [row] = await this.db.query<FactChangeRow>(
      `UPDATE ${T} SET objection_deadline = $2, objection_deadline_provisional = $3 WHERE change_id = $1 AND subject_ref = $4 RETURNING ${COLUMNS}`,
      [key.changeId, deadline.date, deadline.provisional, key.subjectRef],
    );
    if (!row) throw new Error(`fact change ${key.changeId} vanished during the recompute`);
    return toChange(row);
  }
}
