import { Injectable } from '@nestjs/common';
import { Database } from '@tongban/database';
import { fen } from './settlement.repository';
import { ClearingLine, ClearingSide, ClearingStatement, MEDICAL_SCHEMA } from './medical.types';

const S = MEDICAL_SCHEMA;

export interface Pair {
  insuredProvince: string;
  treatmentProvince: string;
}

interface StatementRow {
  statement_id: string;
  month: string;
  insured_province: string;
  treatment_province: string;
  status: 'issued' | 'confirmed';
  issued_at: Date;
  insured_confirmed_at: Date | null;
  treatment_confirmed_at: Date | null;
  line_count: string;
  original_count: string;
  correction_count: string;
  total_fen: string;
  fund_paid_fen: string;
  self_paid_fen: string;
  disputed_count: string;
  disputed_fund_paid_fen: string;
}

interface LineRow {
  line_id: string;
  statement_id: string;
  line_no: number;
  kind: 'original' | 'correction';
  corrects_line_id: string | null;
  settlement_id: string;
  treatment_region: string;
  insured_region: string;
  hospital_code: string;
  subject_ref: string;
  admission_date: string;
  discharge_date: string;
  total_fen: string;
  fund_paid_fen: string;
  self_paid_fen: string;
  recorded_at: Date;
  status: 'open' | 'disputed';
  disputed_side: ClearingSide | null;
  dispute_reason: string | null;
  disputed_at: Date | null;
}

export interface DisputedLine {
  lineId: string;
  lineNo: number;
  treatmentRegion: string;
  settlementId: string;
  fundPaidFen: number;
  reason: string;
}

const STATEMENT_SELECT = `
  SELECT st.statement_id, st.month, st.insured_province, st.treatment_province, st.status, st.issued_at,
         st.insured_confirmed_at, st.treatment_confirmed_at,
         count(l.line_id) AS line_count,
         count(l.line_id) FILTER (WHERE l.kind = 'original') AS original_count,
         count(l.line_id) FILTER (WHERE l.kind = 'correction') AS correction_count,
         coalesce(sum(l.total_fen), 0) AS total_fen,
         coalesce(sum(l.fund_paid_fen), 0) AS fund_paid_fen,
         coalesce(sum(l.self_paid_fen), 0) AS self_paid_fen,
         count(l.line_id) FILTER (WHERE l.status = 'disputed') AS disputed_count,
         coalesce(sum(l.fund_paid_fen) FILTER (WHERE l.status = 'disputed'), 0) AS disputed_fund_paid_fen
    FROM ${S}.statements st LEFT JOIN ${S}.statement_lines l ON l.statement_id = st.statement_id`;

const toLine = (r: LineRow): ClearingLine => ({
  lineId: r.line_id,
  lineNo: r.line_no,
  kind: r.kind,
  correctsLineId: r.corrects_line_id,
  settlementId: r.settlement_id,
  treatmentRegion: r.treatment_region,
  insuredRegion: r.insured_region,
  hospitalCode: r.hospital_code,
  subjectRef: r.subject_ref,
  admissionDate: r.admission_date,
  dischargeDate: r.discharge_date,
  totalFen: fen(r.total_fen),
  fundPaidFen: fen(r.fund_paid_fen),
  selfPaidFen: fen(r.self_paid_fen),
  recordedAt: r.recorded_at.toISOString(),
  status: r.status,
  dispute:
    r.status === 'disputed'
      ? { side: r.disputed_side as ClearingSide, reason: r.dispute_reason as string, disputedAt: (r.disputed_at as Date).toISOString() }
      : null,
});

const toStatement = (r: StatementRow, lines: ClearingLine[]): ClearingStatement => ({
  statementId: r.statement_id,
  month: r.month,
  insuredProvince: r.insured_province,
  treatmentProvince: r.treatment_province,
  status: r.status,
  issuedAt: r.issued_at.toISOString(),
  insuredConfirmedAt: r.insured_confirmed_at?.toISOString() ?? null,
  treatmentConfirmedAt: r.treatment_confirmed_at?.toISOString() ?? null,
  lineCount: fen(r.line_count),
  originalCount: fen(r.original_count),
  correctionCount: fen(r.correction_count),
  totalFen: fen(r.total_fen),
  fundPaidFen: fen(r.fund_paid_fen),
  selfPaidFen: fen(r.self_paid_fen),
  disputedCount: fen(r.disputed_count),
  disputedFundPaidFen: fen(r.disputed_fund_paid_fen),
  payableFen: fen(r.fund_paid_fen) - fen(r.disputed_fund_paid_fen),
  lines,
});

@Injectable()
export class ClearingRepository {
  constructor(private readonly db: Database) {}

  /** One clearing run at a time across every instance (held to the end of the transaction). */
  async lockRun(): Promise<void> {
    await this.db.query(`SELECT pg_advisory_xact_lock(hashtext('tongban:medical:clearing'))`);
  }

  /**
   * Province pairs with something to clear in `month`: settlements recorded in it (or, having missed
   * their cycle, before it) that no statement counts yet, and lines disputed in an earlier cycle that
   * no correction carries yet.
   */
  async pairsToClear(month: string): Promise<Pair[]> {
    const rows = await this.db.query<{ insured_province: string; treatment_province: string }>(
      `SELECT s.insured_province, s.treatment_province FROM ${S}.settlements s
        WHERE s.clearing_month <= $1
          AND NOT EXISTS (SELECT 1 FROM ${S}.statement_lines l
                           WHERE l.kind = 'original' AND l.treatment_region = s.treatment_region AND l.settlement_id = s.settlement_id)
       UNION
       SELECT st.insured_province, st.treatment_province FROM ${S}.statement_lines l JOIN ${S}.statements st ON st.statement_id = l.statement_id
        WHERE l.status = 'disputed' AND st.month < $1
          AND NOT EXISTS (SELECT 1 FROM ${S}.statement_lines c WHERE c.corrects_line_id = l.line_id)
       ORDER BY 1, 2`,
      [month],
    );
    return rows.map((r) => ({ insuredProvince: r.insured_province, treatmentProvince: r.treatment_province }));
  }

  /** Creates the pair's statement of the month; false when it was issued before. */
  async createStatement(statementId: string, month: string, pair: Pair): Promise<boolean> {
    const row = await this.db.one(
      `INSERT INTO ${S}.statements (statement_id, month, insured_province, treatment_province) VALUES ($1, $2, $3, $4)
       ON CONFLICT (month, insured_province, treatment_province) DO NOTHING RETURNING 1 AS created`,
      [statementId, month, pair.insuredProvince, pair.treatmentProvince],
    );
    return row !== undefined;
  }

  async addOriginalLines(statementId: string, month: string, pair: Pair): Promise<void> {
    await this.db.query(
      `INSERT INTO ${S}.statement_lines (line_id, statement_id, line_no, kind, treatment_region, settlement_id, total_fen, fund_paid_fen, self_paid_fen)
       SELECT gen_random_uuid(), $1, row_number() OVER (ORDER BY s.recorded_at, s.treatment_region, s.settlement_id), 'original',
              s.treatment_region, s.settlement_id, s.total_fen, s.fund_paid_fen, s.self_paid_fen
         FROM ${S}.settlements s
        WHERE s.insured_province = $3 AND s.treatment_province = $4 AND s.clearing_month <= $2
          AND NOT EXISTS (SELECT 1 FROM ${S}.statement_lines l
                           WHERE l.kind = 'original' AND l.treatment_region = s.treatment_region AND l.settlement_id = s.settlement_id)`,
      [statementId, month, pair.insuredProvince, pair.treatmentProvince],
    );
  }

  /** Carries every disputed, not yet corrected line of the pair's earlier statements into this one. */
  async addCorrectionLines(statementId: string, month: string, pair: Pair): Promise<void> {
    await this.db.query(
      `INSERT INTO ${S}.statement_lines (line_id, statement_id, line_no, kind, treatment_region, settlement_id, total_fen, fund_paid_fen, self_paid_fen,
                                         corrects_line_id, corrects_status)
       SELECT gen_random_uuid(), $1,
              (SELECT coalesce(max(line_no), 0) FROM ${S}.statement_lines WHERE statement_id = $1) + row_number() OVER (ORDER BY st.month, l.line_no),
              'correction', l.treatment_region, l.settlement_id, l.total_fen, l.fund_paid_fen, l.self_paid_fen, l.line_id, 'disputed'
         FROM ${S}.statement_lines l JOIN ${S}.statements st ON st.statement_id = l.statement_id
        WHERE st.insured_province = $3 AND st.treatment_province = $4 AND st.month < $2 AND l.status = 'disputed'
          AND NOT EXISTS (SELECT 1 FROM ${S}.statement_lines c WHERE c.corrects_line_id = l.line_id)`,
      [statementId, month, pair.insuredProvince, pair.treatmentProvince],
    );
  }

  async statement(statementId: string, lock = false): Promise<ClearingStatement | undefined> {
    if (lock) await this.db.query(`SELECT 1 FROM ${S}.statements WHERE statement_id = $1 FOR UPDATE`, [statementId]);
    const row = await this.db.one<StatementRow>(`${STATEMENT_SELECT} WHERE st.statement_id = $1 GROUP BY st.statement_id`, [statementId]);
    if (!row) return undefined;
    return toStatement(row, (await this.lines([statementId])).get(statementId) ?? []);
  }

  /** The month's statements, of one province's pairs or (province null) all of them. */
  async statementsOfMonth(month: string, province: string | null): Promise<ClearingStatement[]> {
    const rows = await this.db.query<StatementRow>(
      `${STATEMENT_SELECT}
        WHERE st.month = $1 AND ($2::text IS NULL OR st.insured_province = $2 OR st.treatment_province = $2)
        GROUP BY st.statement_id ORDER BY st.insured_province, st.treatment_province`,
      [month, province],
    );
    const lines = await this.lines(rows.map((r) => r.statement_id));
    return rows.map((r) => toStatement(r, lines.get(r.statement_id) ?? []));
  }

  async confirm(statementId: string, side: ClearingSide, by: string): Promise<void> {
    const [mine, other] = side === 'insured' ? ['insured', 'treatment'] : ['treatment', 'insured'];
    await this.db.query(
      `UPDATE ${S}.statements
          SET ${mine}_confirmed_at = now(), ${mine}_confirmed_by = $2,
              status = CASE WHEN ${other}_confirmed_at IS NOT NULL THEN 'confirmed' ELSE status END
        WHERE statement_id = $1 AND ${mine}_confirmed_at IS NULL`,
      [statementId, by],
    );
  }

  async dispute(
    statementId: string,
    lines: ReadonlyArray<{ lineId: string; reason: string }>,
    side: ClearingSide,
    by: string,
  ): Promise<DisputedLine[]> {
    const rows = await this.db.query<{
      line_id: string;
      line_no: number;
      treatment_region: string;
      settlement_id: string;
      fund_paid_fen: string;
      dispute_reason: string;
    }>(
      `UPDATE ${S}.statement_lines l
          SET status = 'disputed', dispute_reason = d.reason, disputed_side = $4, disputed_by = $5, disputed_at = now()
         FROM unnest($2::uuid[], $3::text[]) AS d(line_id, reason)
        WHERE l.line_id = d.line_id AND l.statement_id = $1 AND l.status = 'open'
        RETURNING l.line_id, l.line_no, l.treatment_region, l.settlement_id, l.fund_paid_fen, l.dispute_reason`,
      [statementId, lines.map((l) => l.lineId), lines.map((l) => l.reason), side, by],
    );
    return rows
      .map((r) => ({
        lineId: r.line_id,
        lineNo: r.line_no,
        treatmentRegion: r.treatment_region,
        settlementId: r.settlement_id,
        fundPaidFen: fen(r.fund_paid_fen),
        reason: r.dispute_reason,
      }))
      .sort((a, b) => a.lineNo - b.lineNo);
  }

  /** The lines of the statements, by statement id, in line order. */
  private async lines(statementIds: string[]): Promise<Map<string, ClearingLine[]>> {
    const byStatement = new Map<string, ClearingLine[]>();
    if (statementIds.length === 0) return byStatement;
    const rows = await this.db.query<LineRow>(
      `SELECT l.line_id, l.statement_id, l.line_no, l.kind, l.corrects_line_id, l.settlement_id, l.treatment_region,
              s.insured_region, s.hospital_code, s.subject_ref,
              to_char(s.admission_date, 'YYYY-MM-DD') AS admission_date, to_char(s.discharge_date, 'YYYY-MM-DD') AS discharge_date,
              l.total_fen, l.fund_paid_fen, l.self_paid_fen, s.recorded_at, l.status, l.disputed_side, l.dispute_reason, l.disputed_at
         FROM ${S}.statement_lines l JOIN ${S}.settlements s ON s.treatment_region = l.treatment_region AND s.settlement_id = l.settlement_id
        WHERE l.statement_id = ANY($1::uuid[]) ORDER BY l.statement_id, l.line_no`,
      [statementIds],
    );
    for (const r of rows) byStatement.set(r.statement_id, [...(byStatement.get(r.statement_id) ?? []), toLine(r)]);
    return byStatement;
  }
}
