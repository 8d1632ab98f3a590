import { Injectable } from '@nestjs/common';
import { Database } from '@tongban/database';
import { Actor, actorLabel } from '@tongban/identity';
import { FilingCategory, FilingTerm, MEDICAL_SCHEMA, MedicalFiling } from './medical.types';

interface FilingRow {
  filing_id: string;
  subject_ref: string;
  insured_region: string;
  treatment_region: string;
  category: FilingCategory;
  term: FilingTerm;
  valid_from: string;
  valid_to: string | null;
  status: 'active' | 'cancelled';
  registered_at: Date;
  cancelled_at: Date | null;
  cancellation_reason: string | null;
}

const COLUMNS = `filing_id, subject_ref, insured_region, treatment_region, category, term,
  to_char(valid_from, 'YYYY-MM-DD') AS valid_from, to_char(valid_to, 'YYYY-MM-DD') AS valid_to,
  status, registered_at, cancelled_at, cancellation_reason`;

const toFiling = (r: FilingRow): MedicalFiling => ({
  filingId: r.filing_id,
  subjectRef: r.subject_ref,
  insuredRegion: r.insured_region,
  treatmentRegion: r.treatment_region,
  category: r.category,
  term: r.term,
  validFrom: r.valid_from,
  validTo: r.valid_to,
  status: r.status,
  registeredAt: r.registered_at.toISOString(),
  cancelledAt: r.cancelled_at?.toISOString() ?? null,
  cancellationReason: r.cancellation_reason,
});

export interface NewFiling {
  filingId: string;
  subjectRef: string;
  insuredRegion: string;
  treatmentRegion: string;
  category: FilingCategory;
  validFrom: string;
  validTo: string | null;
}

@Injectable()
export class FilingRepository {
  constructor(private readonly db: Database) {}

  async insert(f: NewFiling, actor: Actor): Promise<MedicalFiling> {
    const row = await this.db.one<FilingRow>(
      `INSERT INTO ${MEDICAL_SCHEMA}.filings (filing_id, subject_ref, insured_region, treatment_region, category, valid_from, valid_to, registered_by, request_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${COLUMNS}`,
      [
        f.filingId,
        f.subjectRef,
        f.insuredRegion,
        f.treatmentRegion,
        f.category,
        f.validFrom,
        f.validTo,
        actorLabel(actor),
        actor.requestId ?? null,
      ],
    );
    return toFiling(row as FilingRow);
  }

  async findById(filingId: string, lock = false): Promise<MedicalFiling | undefined> {
    const row = await this.db.one<FilingRow>(
      `SELECT ${COLUMNS} FROM ${MEDICAL_SCHEMA}.filings WHERE filing_id = $1${lock ? ' FOR UPDATE' : ''}`,
      [filingId],
    );
    return row && toFiling(row);
  }

  /** Active long-term filings of a person overlapping [from, to] (to null = open-ended). */
  async findOverlappingLongTerm(subjectRef: string, from: string, to: string | null): Promise<MedicalFiling | undefined> {
    const row = await this.db.one<FilingRow>(
      `SELECT ${COLUMNS} FROM ${MEDICAL_SCHEMA}.filings
        WHERE subject_ref = $1 AND status = 'active' AND term = 'long-term' AND validity && daterange($2::date, $3::date, '[]')
        ORDER BY valid_from LIMIT 1`,
      [subjectRef, from, to],
    );
    return row && toFiling(row);
  }

  /**
   * A person's active filings, share-locked: a cancellation waits for the settlement that relies on
   * the filing to commit (and a settlement waits for a cancellation in flight, then sees it).
   */
  async findActiveForSettlement(subjectRef: string): Promise<MedicalFiling[]> {
    const rows = await this.db.query<FilingRow>(
      `SELECT ${COLUMNS} FROM ${MEDICAL_SCHEMA}.filings WHERE subject_ref = $1 AND status = 'active' ORDER BY registered_at FOR SHARE`,
      [subjectRef],
    );
    return rows.map(toFiling);
  }

  async cancel(filingId: string, reason: string | null, actor: Actor): Promise<MedicalFiling> {
    const row = await this.db.one<FilingRow>(
      `UPDATE ${MEDICAL_SCHEMA}.filings SET status = 'cancelled', cancelled_at = now(), cancelled_by = $2, cancellation_reason = $3
        WHERE filing_id = $1 AND status = 'active' RETURNING ${COLUMNS}`,
      [filingId, actorLabel(actor), reason],
    );
    if (!row) throw new Error(`filing ${filingId} is not active`);
    return toFiling(row);
  }
}
