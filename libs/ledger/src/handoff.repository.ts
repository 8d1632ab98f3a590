import { Injectable } from '@nestjs/common';
import { Database } from '@tongban/database';
import { Actor, actorLabel } from '@tongban/identity';
import type { HandoffSchedule } from './ledger.clock';
import { day, iso } from './ledger.sql';
import { Handoff, HandoffStatus, LEDGER_SCHEMA } from './ledger.types';

interface HandoffRow {
  handoff_id: string;
  case_id: string;
  subject_ref: string;
  service_code: string;
  from_region: string;
  to_region: string;
  status: HandoffStatus;
  reason: string;
  proposed_at: string;
  remind_on: string;
  deadline: string;
  deadline_provisional: boolean;
  reminded_at: string | null;
  escalated_at: string | null;
  answered_at: string | null;
  effective_at: string | null;
  answer_reason: string | null;
  effective_by: string;
  decided_by_operator: boolean;
}

const T = `${LEDGER_SCHEMA}.handoffs`;
const COLUMNS = `handoff_id, case_id, subject_ref, service_code, from_region, to_region, status, reason, ${iso('proposed_at')} AS proposed_at,
  ${day('remind_on')} AS remind_on, ${day('deadline')} AS deadline, deadline_provisional, ${iso('reminded_at')} AS reminded_at, ${iso('escalated_at')} AS escalated_at,
  ${iso('answered_at')} AS answered_at, ${iso('effective_at')} AS effective_at, answer_reason, ${day('effective_by')} AS effective_by, decided_by_operator`;
const toHandoff = (r: HandoffRow): Handoff => ({
  handoffId: r.handoff_id,
  caseId: r.case_id,
  subjectRef: r.subject_ref,
  serviceCode: r.service_code,
  fromRegion: r.from_region,
  toRegion: r.to_region,
  status: r.status,
  reason: r.reason,
  proposedAt: r.proposed_at,
  remindOn: r.remind_on,
  deadline: r.deadline,
  deadlineProvisional: r.deadline_provisional,
  remindedAt: r.reminded_at,
  escalatedAt: r.escalated_at,
  answeredAt: r.answered_at,
  effectiveAt: r.effective_at,
  answerReason: r.answer_reason,
  effectiveBy: r.effective_by,
  decidedByOperator: r.decided_by_operator,
});

export interface NewHandoff {
  handoffId: string;
  caseId: string;
  subjectRef: string;
  serviceCode: string;
  fromRegion: string;
  toRegion: string;
  reason: string;
  causeEventId: string | null;
  proposedOn: string;
  remindOn: string;
  deadline: string;
  deadlineProvisional: boolean;
  effectiveBy: string;
}

/** A handoff as the tables key it: the person (distribution key) and the id. */
export type HandoffKey = Pick<Handoff, 'subjectRef' | 'handoffId'>;

@Injectable()
export class HandoffRepository {
  constructor(private readonly db: Database) {}

  /**
   * Inserts a case's proposals in one statement (a permit moves ~20 services: one statement, not one
   * each); answers them in the order given.
   */
  async insertAll(hs: readonly NewHandoff[]): Promise<Handoff[]> {
    if (hs.length === 0) return [];
    const col = <K extends keyof NewHandoff>(k: K): Array<NewHandoff[K]> => hs.map((h) => h[k]);
    const rows = await this.db.query<HandoffRow>(
      `INSERT INTO ${T} (handoff_id, subject_ref, service_code, from_region, to_region, status, reason, cause_event_id, proposed_on, remind_on, deadline, effective_by, deadline_provisional, case_id)
       SELECT id, subject, service, from_region, to_region, 'proposed', reason, cause, proposed_on, remind_on, deadline, effective_by, provisional, case_id
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::uuid[], $8::date[], $9::date[], $10::date[],
                     $11::date[], $12::boolean[], $13::uuid[])
           AS h (id, subject, service, from_region, to_region, reason, cause, proposed_on, remind_on, deadline, effective_by, provisional, case_id)
       RETURNING ${COLUMNS}`,
      [
        col('handoffId'),
        col('subjectRef'),
        col('serviceCode'),
        col('fromRegion'),
        col('toRegion'),
        col('reason'),
        col('causeEventId'),
        col('proposedOn'),
        col('remindOn'),
        col('deadline'),
        col('effectiveBy'),
        col('deadlineProvisional'),
        col('caseId'),
      ],
    );
    const byId = new Map(rows.map((r) => [r.handoff_id, toHandoff(r)]));
    return hs.map((h) => byId.get(h.handoffId)!);
  }

  /** Open (proposed or disputed) proposals of a person. */
  async openFor(subjectRef: string): Promise<Handoff[]> {
    const rows = await this.db.query<HandoffRow>(
      `SELECT ${COLUMNS} FROM ${T} WHERE subject_ref = $1 AND status IN ('proposed', 'disputed') ORDER BY proposed_at`,
      [subjectRef],
    );
    return rows.map(toHandoff);
  }

  /** The handoffs of a case, one per service, in service order; locked when `lock`. */
  async ofCase(subjectRef: string, caseId: string, lock = false): Promise<Handoff[]> {
    const rows = await this.db.query<HandoffRow>(
      `SELECT ${COLUMNS} FROM ${T} WHERE subject_ref = $1 AND case_id = $2 ORDER BY service_code${lock ? ' FOR UPDATE' : ''}`,
      [subjectRef, caseId],
    );
    return rows.map(toHandoff);
  }

  async find(handoffId: string): Promise<Handoff | undefined> {
    const row = await this.db.one<HandoffRow>(`SELECT ${COLUMNS} FROM ${T} WHERE handoff_id = $1`, [handoffId]);
    return row && toHandoff(row);
  }

  /** Locks a handoff found by `find`: by its person too, so the statement stays in one partition. */
  async lock(key: HandoffKey): Promise<Handoff | undefined> {
    const row = await this.db.one<HandoffRow>(`SELECT ${COLUMNS} FROM ${T} WHERE subject_ref = $1 AND handoff_id = $2 FOR UPDATE`, [
      key.subjectRef,
      key.handoffId,
    ]);
    return row && toHandoff(row);
  }

  /**
   * Answers a proposal that is still in one of the `from` states; undefined when it is not (answered
   * meanwhile), so no answer ever overwrites another.
   */
  async answer(
    key: HandoffKey,
    from: readonly HandoffStatus[],
    answer: { status: HandoffStatus; reason: string | null; effectiveAt?: string; byOperator?: boolean },
    actor: Actor,
  ): Promise<Handoff | undefined> {
    const row = await this.db.one<HandoffRow>(
      `UPDATE ${T} SET status = $3, answered_at = now(), answered_by = $4, answer_reason = $5, effective_at = $6::timestamptz, decided_by_operator = $7
        WHERE handoff_id = $1 AND status = ANY($2::text[]) AND subject_ref = $8 RETURNING ${COLUMNS}`,
      [
        key.handoffId,
        from,
        answer.status,
        actorLabel(actor),
        answer.reason,
        answer.effectiveAt ?? null,
        answer.byOperator === true,
        key.subjectRef,
      ],
    );
    return row && toHandoff(row);
  }

  /** (service, receiving region) pairs of the person's proposals rejected after `since`: not proposed again yet. */
  async rejectedSince(subjectRef: string, since: Date): Promise<Set<string>> {
    const rows = await this.db.query<{ service_code: string; to_region: string }>(
      `SELECT service_code, to_region FROM ${T} WHERE subject_ref = $1 AND status = 'rejected' AND answered_at > $2`,
      [subjectRef, since],
    );
    return new Set(rows.map((r) => `${r.service_code}|${r.to_region}`));
  }

  /**
   * People with a rejected proposal answered before `before` that is still the latest proposal of its
   * service and was not re-evaluated since: marked re-evaluated and returned, for the job to propose
   * again where the facts still call for it. Skips rows another job instance holds.
   */
  async takeRejectedForReevaluation(before: Date, limit: number): Promise<string[]> {
    const rows = await this.db.query<{ subject_ref: string }>(
      `UPDATE ${T} SET reevaluated_at = now() WHERE handoff_id IN (
         SELECT h.handoff_id FROM ${T} h
          WHERE h.status = 'rejected' AND h.reevaluated_at IS NULL AND h.answered_at < $1
            AND NOT EXISTS (SELECT 1 FROM ${T} l WHERE l.subject_ref = h.subject_ref AND l.service_code = h.service_code AND l.proposed_at > h.proposed_at)
          ORDER BY h.answered_at LIMIT $2 FOR UPDATE SKIP LOCKED)
       RETURNING subject_ref`,
      [before, limit],
    );
    return [...new Set(rows.map((r) => r.subject_ref))];
  }

  /**
   * Marks reminded the due proposals of up to `cases` whole cases (every due service of a case in the
   * same page, so a case gets one reminder step, not one per page it would straddle); the caller writes
   * the events in the same transaction.
   */
  takeDueReminders(today: string, cases: number): Promise<Handoff[]> {
    const due = `status = 'proposed' AND reminded_at IS NULL AND remind_on <= $1::date AND deadline >= $1::date`;
    return this.markDueCases('reminded_at', due, 'remind_on', today, cases);
  }

  /** Marks escalated the proposals past their deadline of up to `cases` whole cases (as reminders). */
  takeDueEscalations(today: string, cases: number): Promise<Handoff[]> {
    return this.markDueCases(
      'escalated_at',
      `status = 'proposed' AND escalated_at IS NULL AND deadline < $1::date`,
      'deadline',
      today,
      cases,
    );
  }

  /** Stamps `column` on the `due` proposals of the first `cases` cases in `dueBy` order. */
  private async markDueCases(
    column: 'reminded_at' | 'escalated_at',
    due: string,
    dueBy: 'remind_on' | 'deadline',
    today: string,
    cases: number,
  ): Promise<Handoff[]> {
    const rows = await this.db.query<HandoffRow>(
      `UPDATE ${T} SET ${column} = now() WHERE (subject_ref, handoff_id) IN (
         SELECT subject_ref, handoff_id FROM ${T} WHERE ${due} AND (subject_ref, case_id) IN (
           SELECT subject_ref, case_id FROM ${T} WHERE ${due} GROUP BY subject_ref, case_id ORDER BY min(${dueBy}), subject_ref, case_id LIMIT $2)
         FOR UPDATE SKIP LOCKED)
       RETURNING ${COLUMNS}`,
      [today, cases],
    );
    return rows.map(toHandoff);
  }

  /** Operators' queue: disputed proposals and proposals escalated past their deadline. */
  async needingOperators(limit: number, after: string | undefined): Promise<Handoff[]> {
    const rows = await this.db.query<HandoffRow>(
      `SELECT ${COLUMNS} FROM ${T} WHERE (status = 'disputed' OR (status = 'proposed' AND escalated_at IS NOT NULL))
          AND ($2::uuid IS NULL OR handoff_id > $2::uuid) ORDER BY handoff_id LIMIT $1`,
      [limit, after ?? null],
    );
    return rows.map(toHandoff);
  }

  /** A page of unanswered proposals whose deadline is provisional, in id order after `after`, locked for the recompute. */
  async provisionalDeadlines(after: string | null, limit: number): Promise<Array<Handoff & { proposedOn: string }>> {
    const rows = await this.db.query<HandoffRow & { proposed_on: string }>(
      `SELECT ${COLUMNS}, ${day('proposed_on')} AS proposed_on FROM ${T}
        WHERE deadline_provisional AND status = 'proposed' AND ($1::uuid IS NULL OR handoff_id > $1::uuid)
        ORDER BY handoff_id LIMIT $2 FOR UPDATE`,
      [after, limit],
    );
    return rows.map((r) => ({ ...toHandoff(r), proposedOn: r.proposed_on }));
  }

  /** New dates for a proposal; a reminder or escalation already made stays made. */
  async reschedule(key: HandoffKey, s: HandoffSchedule): Promise<Handoff> {
    const [row] = await this.db.query<HandoffRow>(
      `UPDATE ${T} SET remind_on = $2, deadline = $3, deadline_provisional = $4 WHERE handoff_id = $1 AND subject_ref = $5 RETURNING ${COLUMNS}`,
      [key.handoffId, s.remindOn, s.deadline, s.deadlineProvisional, key.subjectRef],
    );
    if (!row) throw new Error(`handoff ${key.handoffId} vanished during the recompute`);
    return toHandoff(row);
  }
}
