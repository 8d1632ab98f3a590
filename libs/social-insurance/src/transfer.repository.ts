import { Injectable } from '@nestjs/common';
import type { EvidenceRef } from '@tongban/catalogue';
import type { Schemas } from '@tongban/contracts';
import { Database } from '@tongban/database';
import { Actor, actorLabel } from '@tongban/identity';
import { ClockParty, StepClock, StepName, TransferFilter, TransferRecord, TransferState, TransferStep } from './transfer.types';

const S = 'social_insurance';

interface TransferRow {
  transfer_id: string;
  seq: string;
  subject_ref: string;
  insurance_type: TransferRecord['insuranceType'];
  inbound_region: string;
  outbound_region: string;
  hukou_region: string | null;
  state: TransferState;
  clock_party: ClockParty | null;
  clock_started_on: string | null;
  clock_working_days: number | null;
  due_on: string | null;
  due_on_provisional: boolean;
  overdue_since: string | null;
  applied_on: string;
  contact_letter_on: string | null;
  duplicate_months_kept: TransferRecord['duplicateMonthsKept'];
  inbound_months: string[];
  certificate: TransferRecord['certificate'];
  duplicates: TransferRecord['duplicates'];
  funds: TransferRecord['funds'];
  collection_region: TransferRecord['collectionRegion'];
  remittance: TransferRecord['remittance'];
  receipt: TransferRecord['receipt'];
  refusal: TransferRecord['refusal'];
  cancellation: TransferRecord['cancellation'];
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = `transfer_id, seq::text AS seq, subject_ref, insurance_type, inbound_region, outbound_region, hukou_region, state,
  clock_party, to_char(clock_started_on, 'YYYY-MM-DD') AS clock_started_on, clock_working_days,
  to_char(due_on, 'YYYY-MM-DD') AS due_on, due_on_provisional, to_char(overdue_since, 'YYYY-MM-DD') AS overdue_since,
  to_char(applied_on, 'YYYY-MM-DD') AS applied_on, to_char(contact_letter_on, 'YYYY-MM-DD') AS contact_letter_on, duplicate_months_kept, inbound_months,
  certificate, duplicates, funds, collection_region, remittance, receipt, refusal, cancellation, created_at, updated_at`;

function toRecord(r: TransferRow): TransferRecord {
  // due_on is never null with a clock (transfers_clock_has_due_date).
  const clock: StepClock | null =
    r.clock_party && r.clock_started_on && r.clock_working_days && r.due_on
      ? {
          party: r.clock_party,
          startedOn: r.clock_started_on,
          workingDays: r.clock_working_days,
          dueOn: r.due_on,
          provisional: r.due_on_provisional,
        }
      : null;
  return {
    transferId: r.transfer_id,
    seq: r.seq,
    subjectRef: r.subject_ref,
    insuranceType: r.insurance_type,
    inboundRegion: r.inbound_region,
    outboundRegion: r.outbound_region,
    hukouRegion: r.hukou_region,
    state: r.state,
    clock,
    overdueSince: r.overdue_since,
    appliedOn: r.applied_on,
    contactLetterOn: r.contact_letter_on,
    duplicateMonthsKept: r.duplicate_months_kept,
    inboundMonths: r.inbound_months,
    certificate: r.certificate,
    duplicates: r.duplicates,
    funds: r.funds,
    collectionRegion: r.collection_region,
    remittance: r.remittance,
    receipt: r.receipt,
    refusal: r.refusal,
    cancellation: r.cancellation,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

/** The state in which a transfer awaits each step. */
const STATE_AWAITING: Record<TransferStep, TransferState> = {
  'contact-letter': 'applied',
  certificate: 'requested',
  remittance: 'certified',
  receipt: 'remitted',
};

const json = (v: unknown): string | null => (v === null || v === undefined ? null : JSON.stringify(v));

/** Where the clock job's walk stands: the last (due_on, seq) it read. */
export interface ClockCursor {
  dueOn: string;
  seq: string;
}

export interface NoticeDraft {
  transferId: string;
  clock: StepClock;
  kind: 'reminder' | 'overdue';
  step: TransferStep;
  awaitingRegion: string;
  raisedOn: string;
}

@Injectable()
export class TransferRepository {
  constructor(private readonly db: Database) {}

  async insert(t: TransferRecord, actor: Actor): Promise<TransferRecord> {
    const row = await this.db.one<TransferRow>(
      `INSERT INTO ${S}.transfers (transfer_id, subject_ref, insurance_type, inbound_region, outbound_region, hukou_region, state,
         clock_party, clock_started_on, clock_working_days, due_on, due_on_provisional, inbound_months, created_by, updated_by, request_id,
         applied_on, contact_letter_on, duplicate_months_kept)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14, $15, $16, $17, $18)
       RETURNING ${COLUMNS}`,
      [
        t.transferId,
        t.subjectRef,
        t.insuranceType,
        t.inboundRegion,
        t.outboundRegion,
        t.hukouRegion,
        t.state,
        t.clock?.party ?? null,
        t.clock?.startedOn ?? null,
        t.clock?.workingDays ?? null,
        t.clock?.dueOn ?? null,
        t.clock?.provisional ?? false,
        t.inboundMonths,
        actorLabel(actor),
        actor.requestId ?? null,
        t.appliedOn,
        t.contactLetterOn,
        t.duplicateMonthsKept,
      ],
    );
    if (!row) throw new Error('insert returned no row');
    return toRecord(row);
  }

  /** The transfer, locked for the rest of the transaction so steps on it are taken one at a time. */
  async lock(transferId: string): Promise<TransferRecord | undefined> {
    const row = await this.db.one<TransferRow>(`SELECT ${COLUMNS} FROM ${S}.transfers WHERE transfer_id = $1 FOR UPDATE`, [transferId]);
    return row && toRecord(row);
  }

  async find(transferId: string): Promise<TransferRecord | undefined> {
    const row = await this.db.one<TransferRow>(`SELECT ${COLUMNS} FROM ${S}.transfers WHERE transfer_id = $1`, [transferId]);
    return row && toRecord(row);
  }

  /** Writes every mutable part of the transfer. */
  async update(t: TransferRecord, actor: string): Promise<TransferRecord> {
    const row = await this.db.one<TransferRow>(
      `UPDATE ${S}.transfers SET state = $2, clock_party = $3, clock_started_on = $4, clock_working_days = $5, due_on = $6,
         overdue_since = $7, certificate = $8, duplicates = $9, funds = $10, transfer_fen = $11, collection_region = $12,
         remittance = $13, receipt = $14, refusal = $15, cancellation = $16, updated_by = $17, due_on_provisional = $18, updated_at = now(),
         hukou_region = $19, contact_letter_on = $20, duplicate_months_kept = $21
       WHERE transfer_id = $1 RETURNING ${COLUMNS}`,
      [
        t.transferId,
        t.state,
        t.clock?.party ?? null,
        t.clock?.startedOn ?? null,
        t.clock?.workingDays ?? null,
        t.clock?.dueOn ?? null,
        t.overdueSince,
        json(t.certificate),
        json(t.duplicates),
        json(t.funds),
        t.funds?.transferFen ?? null,
        json(t.collectionRegion),
        json(t.remittance),
        json(t.receipt),
        json(t.refusal),
        json(t.cancellation),
        actor,
        t.clock?.provisional ?? false,
        t.hukouRegion,
        t.contactLetterOn,
        t.duplicateMonthsKept,
      ],
    );
    if (!row) throw new Error(`transfer ${t.transferId} vanished`);
    return toRecord(row);
  }

  async recordStep(
    transferId: string,
    step: StepName,
    from: TransferState | null,
    to: TransferState,
    actor: { region: string | null; label: string; requestId?: string },
    detail: Record<string, unknown> = {},
    evidence: readonly EvidenceRef[] = [],
  ): Promise<void> {
    await this.db.query(
      `INSERT INTO ${S}.transfer_steps (transfer_id, step, from_state, to_state, region, actor, request_id, detail, evidence)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [transferId, step, from, to, actor.region, actor.label, actor.requestId ?? null, JSON.stringify(detail), JSON.stringify(evidence)],
    );
  }

  async history(transferId: string): Promise<Schemas['TransferStepRecord'][]> {
    const rows = await this.db.query<{
      step: StepName;
      from_state: TransferState | null;
      to_state: TransferState;
      region: string | null;
      actor: string;
      detail: Record<string, unknown>;
      evidence: EvidenceRef[];
      occurred_at: Date;
    }>(
      `SELECT step, from_state, to_state, region, actor, detail, evidence, occurred_at FROM ${S}.transfer_steps WHERE transfer_id = $1 ORDER BY id`,
      [transferId],
    );
    return rows.map((r) => ({
      step: r.step,
      fromState: r.from_state,
      toState: r.to_state,
      region: r.region,
      actor: r.actor,
      detail: r.detail,
      evidence: r.evidence,
      occurredAt: r.occurred_at.toISOString(),
    }));
  }

  /** A page of transfers the viewer may see (viewer null: an operator sees all). */
  async list(f: TransferFilter, viewer: string | null): Promise<TransferRecord[]> {
    const where: string[] = [];
    const values: unknown[] = [];
    const p = (v: unknown): string => {
      values.push(v);
      return `$${values.length}`;
    };
    const party = viewer ?? f.region;
    if (party !== undefined) {
      const r = p(party);
      if (f.role === 'inbound') where.push(`inbound_region = ${r}`);
      else if (f.role === 'outbound') where.push(`outbound_region = ${r}`);
      else where.push(`(inbound_region = ${r} OR outbound_region = ${r})`);
      if (f.awaiting !== undefined) {
        const awaited = `((state IN ('requested', 'certified') AND outbound_region = ${r}) OR (state IN ('applied', 'remitted') AND inbound_region = ${r}))`;
        where.push(f.awaiting ? awaited : `NOT ${awaited}`);
      }
    }
    if (f.state) where.push(`state = ${p(f.state)}`);
    if (f.step) where.push(`state = ${p(STATE_AWAITING[f.step])}`);
    if (f.insuranceType) where.push(`insurance_type = ${p(f.insuranceType)}`);
    if (f.overdue !== undefined) where.push(f.overdue ? 'overdue_since IS NOT NULL' : 'overdue_since IS NULL');
    if (f.after) where.push(`seq > ${p(f.after)}`);
    const rows = await this.db.query<TransferRow>(
      `SELECT ${COLUMNS} FROM ${S}.transfers ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq LIMIT ${p(f.limit + 1)}`,
      values,
    );
    return rows.map(toRecord);
  }

  /**
   * A page of the open transfers whose clock could need a reminder or an overdue item as of `horizon`, in
   * (due_on, seq) order after the cursor: the clock job walks all of them, a bounded page at a time.
   */
  async clockCandidates(horizon: string, after: ClockCursor | null, limit: number): Promise<TransferRecord[]> {
    const rows = await this.db.query<TransferRow>(
      `SELECT ${COLUMNS} FROM ${S}.transfers
       WHERE state IN ('applied', 'requested', 'certified', 'remitted') AND due_on <= $1 AND overdue_since IS NULL
         AND ($2::date IS NULL OR (due_on, seq) > ($2::date, $3::bigint))
       ORDER BY due_on, seq LIMIT $4`,
      [horizon, after?.dueOn ?? null, after?.seq ?? null, limit],
    );
    return rows.map(toRecord);
  }

  /** A page of the open transfers whose due date is provisional, in seq order after the cursor. */
  async provisionalClocks(afterSeq: string | null, limit: number): Promise<TransferRecord[]> {
    const rows = await this.db.query<TransferRow>(
      `SELECT ${COLUMNS} FROM ${S}.transfers
       WHERE due_on_provisional AND state IN ('applied', 'requested', 'certified', 'remitted') AND ($1::bigint IS NULL OR seq > $1::bigint)
       ORDER BY seq LIMIT $2 FOR UPDATE`,
      [afterSeq, limit],
    );
    return rows.map(toRecord);
  }

  /** Resolves a transfer's open overdue notice (its due date was recomputed to a day not yet passed). */
  async resolveOverdue(transferId: string): Promise<void> {
    await this.db.query(
      `UPDATE ${S}.clock_notices SET resolved_at = now() WHERE transfer_id = $1 AND kind = 'overdue' AND resolved_at IS NULL`,
      [transferId],
    );
  }

  /** Inserts a notice once per clock, kind and due date; false when it was raised before. */
  async raiseNotice(n: NoticeDraft): Promise<boolean> {
    const row = await this.db.one(
      `INSERT INTO ${S}.clock_notices (transfer_id, clock_party, clock_started_on, kind, step, awaiting_region, due_on, raised_on)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING RETURNING 1 AS fresh`,
      [n.transferId, n.clock.party, n.clock.startedOn, n.kind, n.step, n.awaitingRegion, n.clock.dueOn, n.raisedOn],
    );
    return row !== undefined;
  }

  /** Resolves the open notices (operators' queue items) of a transfer when its clock moves on or stops. */
  async resolveNotices(transferId: string): Promise<void> {
    await this.db.query(`UPDATE ${S}.clock_notices SET resolved_at = now() WHERE transfer_id = $1 AND resolved_at IS NULL`, [transferId]);
  }
}
