import { Injectable } from '@nestjs/common';
import { Database } from '@tongban/database';
import { day, iso } from './ledger.sql';
import { CaseHeader, LEDGER_SCHEMA } from './ledger.types';

interface CaseRow {
  case_id: string;
  subject_ref: string;
  from_region: string;
  to_region: string;
  reason: string;
  proposed_at: string;
  proposed_on: string;
}

const T = `${LEDGER_SCHEMA}.handoff_cases`;
const COLUMNS = `case_id, subject_ref, from_region, to_region, reason, ${iso('proposed_at')} AS proposed_at, ${day('proposed_on')} AS proposed_on`;
const toCase = (r: CaseRow): CaseHeader => ({
  caseId: r.case_id,
  subjectRef: r.subject_ref,
  fromRegion: r.from_region,
  toRegion: r.to_region,
  reason: r.reason,
  proposedAt: r.proposed_at,
  proposedOn: r.proposed_on,
});

@Injectable()
export class HandoffCaseRepository {
  constructor(private readonly db: Database) {}

  async insert(c: Omit<CaseHeader, 'proposedAt'> & { causeEventId: string | null }): Promise<CaseHeader> {
    const row = await this.db.one<CaseRow>(
      `INSERT INTO ${T} (case_id, subject_ref, from_region, to_region, reason, cause_event_id, proposed_on)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${COLUMNS}`,
      [c.caseId, c.subjectRef, c.fromRegion, c.toRegion, c.reason, c.causeEventId, c.proposedOn],
    );
    return toCase(row as CaseRow);
  }

  /** By id alone (a request names only the case): one index probe per partition. */
  async find(caseId: string): Promise<CaseHeader | undefined> {
    const row = await this.db.one<CaseRow>(`SELECT ${COLUMNS} FROM ${T} WHERE case_id = $1`, [caseId]);
    return row && toCase(row);
  }

  async get(subjectRef: string, caseId: string): Promise<CaseHeader> {
    const row = await this.db.one<CaseRow>(`SELECT ${COLUMNS} FROM ${T} WHERE subject_ref = $1 AND case_id = $2`, [subjectRef, caseId]);
    if (!row) throw new Error(`handoff case ${caseId} vanished`);
    return toCase(row);
  }
}
