import { Injectable } from '@nestjs/common';
import { Database } from '@tongban/database';
import { escalated, settled, TodayQueueSource } from './ops.sql';
import { ItemFacts, ItemKind, OpsSource, QueueDef } from './ops.types';

const ROWS: Record<string, string> = {
  'medical-settlements': `
    SELECT s.treatment_region || ':' || s.settlement_id AS id,
           s.insured_region || '参保 · ' || s.treatment_region || '就医 · ' || s.hospital_code || ' · 待清算' AS title,
           s.subject_ref, ARRAY[s.insured_region::text, s.treatment_region::text] AS regions, s.clearing_month AS status,
           s.recorded_at AS waiting_since, NULL::text AS started_on, NULL::text AS due_on, NULL::int AS statutory_working_days,
           false AS overdue, false AS escalated
      FROM medical.settlements s
     WHERE $1::date IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM medical.statement_lines l WHERE l.treatment_region = s.treatment_region AND l.settlement_id = s.settlement_id)`,
  'medical-statements': `
    SELECT st.statement_id::text AS id, st.month || ' 清算单 ' || st.insured_province || '↔' || st.treatment_province ||
             CASE WHEN st.insured_confirmed_at IS NULL AND st.treatment_confirmed_at IS NULL THEN ' · 双方待确认'
                  WHEN st.insured_confirmed_at IS NULL THEN ' · 参保地待确认' ELSE ' · 就医地待确认' END AS title,
           NULL::text AS subject_ref, ARRAY[st.insured_province::text, st.treatment_province::text] AS regions, st.status,
           st.issued_at AS waiting_since, NULL::text AS started_on, NULL::text AS due_on, NULL::int AS statutory_working_days,
           false AS overdue, false AS escalated
      FROM medical.statements st WHERE st.status = 'issued' AND $1::date IS NOT NULL`,
  'medical-clearing-disputes': `
    SELECT l.line_id::text AS id, st.month || ' ' || l.settlement_id || ' · ' || CASE l.disputed_side WHEN 'insured' THEN '参保地' ELSE '就医地' END || '异议: ' || l.dispute_reason AS title,
           s.subject_ref, ARRAY[st.insured_province::text, st.treatment_province::text] AS regions, l.status,
           l.disputed_at AS waiting_since, NULL::text AS started_on, NULL::text AS due_on, NULL::int AS statutory_working_days,
           false AS overdue, ${escalated('statement-line', 'l.line_id::text')} AS escalated
      FROM medical.statement_lines l
      JOIN medical.statements st ON st.statement_id = l.statement_id
      JOIN medical.settlements s ON s.treatment_region = l.treatment_region AND s.settlement_id = l.settlement_id
     WHERE l.status = 'disputed' AND $1::date IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM medical.statement_lines c WHERE c.corrects_line_id = l.line_id)
       AND NOT ${settled('statement-line', 'l.line_id::text')}`,
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** 异地就医: settlements waiting for clearing, statements waiting for confirmation, disputed clearing lines. */
@Injectable()
export class MedicalQueueRepository extends TodayQueueSource implements OpsSource {
  readonly requires = ['medical.settlements', 'medical.statements', 'medical.statement_lines', 'medical.outbox'];
  readonly queues: QueueDef[] = [
    { id: 'medical-settlements', label: '异地就医结算·待清算', group: '异地就医结算与清算', kind: 'settlement', statutory: false },
    { id: 'medical-statements', label: '清算单·待确认', group: '异地就医结算与清算', kind: 'statement', statutory: false },
    { id: 'medical-clearing-disputes', label: '争议·清算单异议', group: '争议', kind: 'statement-line', statutory: false },
  ];
  readonly kinds: ItemKind[] = ['settlement', 'statement', 'statement-line'];

  constructor(db: Database) {
    super(db);
  }

  protected rowsSql(queueId: string): string {
    return ROWS[queueId];
  }

  find(kind: ItemKind, id: string): Promise<ItemFacts | undefined> {
    if (kind === 'settlement') return this.settlement(id);
    if (kind === 'statement') return this.statement(id);
    return this.line(id);
  }

  private async settlement(id: string): Promise<ItemFacts | undefined> {
    const m = /^([0-9]{6}):(.{1,200})$/.exec(id);
    if (!m) return undefined;
    const s = await this.db.one<{
      subject_ref: string;
      insured_region: string;
      hospital_code: string;
      admission_type: string;
      total_fen: string;
      fund_paid_fen: string;
      clearing_month: string;
      recorded_at: Date;
    }>(
      `SELECT subject_ref, insured_region, hospital_code, admission_type, total_fen, fund_paid_fen, clearing_month, recorded_at
         FROM medical.settlements WHERE treatment_region = $1 AND settlement_id = $2`,
      [m[1], m[2]],
    );
    if (!s) return undefined;
    return {
      kind: 'settlement',
      id,
      title: `${s.insured_region}参保 · ${m[1]}就医 · ${m[2]}`,
      subjectRef: s.subject_ref,
      status: s.clearing_month,
      decidable: false,
      facts: {
        treatmentRegion: m[1],
        settlementId: m[2],
        insuredRegion: s.insured_region,
        hospitalCode: s.hospital_code,
        admissionType: s.admission_type,
        totalFen: Number(s.total_fen),
        fundPaidFen: Number(s.fund_paid_fen),
        clearingMonth: s.clearing_month,
        recordedAt: s.recorded_at.toISOString(),
      },
      history: [{ schema: 'medical', match: { treatmentRegion: m[1], settlementId: m[2] } }],
      auditPaths: [`/v1/ops/items/settlement/${id}`],
    };
  }

  private async statement(id: string): Promise<ItemFacts | undefined> {
    if (!UUID.test(id)) return undefined;
    const st = await this.db.one<{
      month: string;
      insured_province: string;
      treatment_province: string;
      status: string;
      issued_at: Date;
      insured_confirmed_at: Date | null;
      treatment_confirmed_at: Date | null;
      lines: string;
      disputed: string;
    }>(
      `SELECT st.month, st.insured_province, st.treatment_province, st.status, st.issued_at, st.insured_confirmed_at, st.treatment_confirmed_at,
              (SELECT count(*) FROM medical.statement_lines l WHERE l.statement_id = st.statement_id) AS lines,
              (SELECT count(*) FROM medical.statement_lines l WHERE l.statement_id = st.statement_id AND l.status = 'disputed') AS disputed
         FROM medical.statements st WHERE st.statement_id = $1`,
      [id],
    );
    if (!st) return undefined;
    return {
      kind: 'statement',
      id,
      title: `${st.month} 清算单 ${st.insured_province}↔${st.treatment_province}`,
      subjectRef: null,
      status: st.status,
      decidable: false,
      facts: {
        month: st.month,
        insuredProvince: st.insured_province,
        treatmentProvince: st.treatment_province,
        status: st.status,
        issuedAt: st.issued_at.toISOString(),
        insuredConfirmedAt: st.insured_confirmed_at?.toISOString() ?? null,
        treatmentConfirmedAt: st.treatment_confirmed_at?.toISOString() ?? null,
        lines: Number(st.lines),
        disputedLines: Number(st.disputed),
      },
      history: [{ schema: 'medical', match: { statementId: id } }],
      auditPaths: [`/v1/medical/clearings/${st.month}/statements/${id}`, `/v1/ops/items/statement/${id}`],
    };
  }

  private async line(id: string): Promise<ItemFacts | undefined> {
    if (!UUID.test(id)) return undefined;
    const l = await this.db.one<{
      statement_id: string;
      month: string;
      line_no: number;
      settlement_id: string;
      treatment_region: string;
      status: string;
      disputed_side: string | null;
      dispute_reason: string | null;
      disputed_at: Date | null;
      fund_paid_fen: string;
      subject_ref: string;
      corrected: boolean;
    }>(
      `SELECT l.statement_id, st.month, l.line_no, l.settlement_id, l.treatment_region, l.status, l.disputed_side, l.dispute_reason, l.disputed_at,
              l.fund_paid_fen, s.subject_ref, EXISTS (SELECT 1 FROM medical.statement_lines c WHERE c.corrects_line_id = l.line_id) AS corrected
         FROM medical.statement_lines l JOIN medical.statements st USING (statement_id)
         JOIN medical.settlements s ON s.treatment_region = l.treatment_region AND s.settlement_id = l.settlement_id
        WHERE l.line_id = $1`,
      [id],
    );
    if (!l) return undefined;
    return {
      kind: 'statement-line',
      id,
      title: `${l.month} 清算单第 ${l.line_no} 行 · ${l.settlement_id}`,
      subjectRef: l.subject_ref,
      status: l.status,
      decidable: l.status === 'disputed' && !l.corrected,
      facts: {
        statementId: l.statement_id,
        month: l.month,
        lineNo: l.line_no,
        treatmentRegion: l.treatment_region,
        settlementId: l.settlement_id,
        fundPaidFen: Number(l.fund_paid_fen),
        status: l.status,
        disputedSide: l.disputed_side,
        disputeReason: l.dispute_reason,
        disputedAt: l.disputed_at?.toISOString() ?? null,
        correctedInLaterCycle: l.corrected,
      },
      history: [{ schema: 'medical', match: { statementId: l.statement_id } }],
      auditPaths: [`/v1/medical/clearings/${l.month}/statements/${l.statement_id}`, `/v1/ops/items/statement-line/${id}`],
    };
  }
}
