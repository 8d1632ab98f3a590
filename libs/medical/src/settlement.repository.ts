import { Injectable } from '@nestjs/common';
import { Database } from '@tongban/database';
import { Actor, actorLabel } from '@tongban/identity';
import { AdmissionType, MEDICAL_SCHEMA, MedicalSettlement } from './medical.types';

interface SettlementRow {
  treatment_region: string;
  settlement_id: string;
  subject_ref: string;
  insured_region: string;
  hospital_code: string;
  admission_type: AdmissionType;
  filing_id: string | null;
  admission_date: string;
  discharge_date: string;
  total_fen: string;
  fund_paid_fen: string;
  self_paid_fen: string;
  claim_id: string | null;
  recorded_at: Date;
  clearing_month: string;
}

const COLUMNS = `treatment_region, settlement_id, subject_ref, insured_region, hospital_code, admission_type, filing_id,
  to_char(admission_date, 'YYYY-MM-DD') AS admission_date, to_char(discharge_date, 'YYYY-MM-DD') AS discharge_date,
  total_fen, fund_paid_fen, self_paid_fen, claim_id, recorded_at, clearing_month`;

/** bigint arrives as a string; amounts stay exact integers (a bill far below 2^53 fen). */
export const fen = (v: string | number): number => {
  const n = Number(v);
  if (!Number.isSafeInteger(n)) throw new Error(`amount ${String(v)} is not a safe integer number of fen`);
  return n;
};

const toSettlement = (r: SettlementRow): MedicalSettlement => ({
  settlementId: r.settlement_id,
  treatmentRegion: r.treatment_region,
  hospitalCode: r.hospital_code,
  subjectRef: r.subject_ref,
  insuredRegion: r.insured_region,
  admissionType: r.admission_type,
  filingId: r.filing_id,
  admissionDate: r.admission_date,
  dischargeDate: r.discharge_date,
  totalFen: fen(r.total_fen),
  fundPaidFen: fen(r.fund_paid_fen),
  selfPaidFen: fen(r.self_paid_fen),
  claimId: r.claim_id,
  recordedAt: r.recorded_at.toISOString(),
  clearingMonth: r.clearing_month,
});

export interface NewSettlement {
  treatmentRegion: string;
  settlementId: string;
  subjectRef: string;
  insuredRegion: string;
  insuredProvince: string;
  treatmentProvince: string;
  hospitalCode: string;
  admissionType: AdmissionType;
  filingId: string | null;
  admissionDate: string;
  dischargeDate: string;
  totalFen: number;
  fundPaidFen: number;
  selfPaidFen: number;
}

@Injectable()
export class SettlementRepository {
  constructor(private readonly db: Database) {}

  async find(treatmentRegion: string, settlementId: string): Promise<MedicalSettlement | undefined> {
    const row = await this.db.one<SettlementRow>(
      `SELECT ${COLUMNS} FROM ${MEDICAL_SCHEMA}.settlements WHERE treatment_region = $1 AND settlement_id = $2`,
      [treatmentRegion, settlementId],
    );
    return row && toSettlement(row);
  }

  /**
   * Inserts unless (treatment region, settlement id) exists. A concurrent insert of the same key
   * makes this wait for it; then it returns undefined and the caller compares with the winner.
   */
  async insertIfNew(s: NewSettlement, actor: Actor): Promise<MedicalSettlement | undefined> {
    const row = await this.db.one<SettlementRow>(
      `INSERT INTO ${MEDICAL_SCHEMA}.settlements (treatment_region, settlement_id, subject_ref, insured_region, insured_province, treatment_province,
         hospital_code, admission_type, filing_id, admission_date, discharge_date, total_fen, fund_paid_fen, self_paid_fen, recorded_by, request_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
       ON CONFLICT (treatment_region, settlement_id) DO NOTHING RETURNING ${COLUMNS}`,
      [
        s.treatmentRegion,
        s.settlementId,
        s.subjectRef,
        s.insuredRegion,
        s.insuredProvince,
        s.treatmentProvince,
        s.hospitalCode,
        s.admissionType,
        s.filingId,
        s.admissionDate,
        s.dischargeDate,
        s.totalFen,
        s.fundPaidFen,
        s.selfPaidFen,
        actorLabel(actor),
        actor.requestId ?? null,
      ],
    );
    return row && toSettlement(row);
  }

  async setClaim(treatmentRegion: string, settlementId: string, claimId: string): Promise<void> {
    await this.db.query(`UPDATE ${MEDICAL_SCHEMA}.settlements SET claim_id = $3 WHERE treatment_region = $1 AND settlement_id = $2`, [
      treatmentRegion,
      settlementId,
      claimId,
    ]);
  }
}
