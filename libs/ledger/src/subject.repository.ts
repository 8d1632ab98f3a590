import { Injectable } from '@nestjs/common';
import { Database } from '@tongban/database';
import { Actor, actorLabel } from '@tongban/identity';
import { day } from './ledger.sql';
import { LEDGER_SCHEMA, SubjectFacts } from './ledger.types';

interface SubjectRow {
  subject_ref: string;
  hukou_region: string;
  residence_city: string | null;
  permit_id: string | null;
  residence_since: string | null;
  insured_region: string | null;
  insured_since: string | null;
}

const COLUMNS = `subject_ref, hukou_region, residence_city, permit_id, ${day('residence_since')} AS residence_since, insured_region, ${day('insured_since')} AS insured_since`;
const toFacts = (r: SubjectRow): SubjectFacts => ({
  subjectRef: r.subject_ref,
  hukouRegion: r.hukou_region,
  residenceCity: r.residence_city,
  permitId: r.permit_id,
  residenceSince: r.residence_since,
  insuredRegion: r.insured_region,
  insuredSince: r.insured_since,
});

/** The facts per person; the row lock serialises every change of one person's responsibilities. */
@Injectable()
export class SubjectRepository {
  constructor(private readonly db: Database) {}

  /** Inserts the person unless known; true when inserted. */
  async insertIfAbsent(f: SubjectFacts, actor: Actor): Promise<boolean> {
    const row = await this.db.one(
      `INSERT INTO ${LEDGER_SCHEMA}.subjects (subject_ref, hukou_region, residence_city, permit_id, residence_since, insured_region, insured_since, registered_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (subject_ref) DO NOTHING RETURNING 1 AS inserted`,
      [f.subjectRef, f.hukouRegion, f.residenceCity, f.permitId, f.residenceSince, f.insuredRegion, f.insuredSince, actorLabel(actor)],
    );
    return row !== undefined;
  }

  async lock(subjectRef: string): Promise<SubjectFacts | undefined> {
    const row = await this.db.one<SubjectRow>(`SELECT ${COLUMNS} FROM ${LEDGER_SCHEMA}.subjects WHERE subject_ref = $1 FOR UPDATE`, [subjectRef]);
    return row && toFacts(row);
  }

  async find(subjectRef: string): Promise<SubjectFacts | undefined> {
    const row = await this.db.one<SubjectRow>(`SELECT ${COLUMNS} FROM ${LEDGER_SCHEMA}.subjects WHERE subject_ref = $1`, [subjectRef]);
    return row && toFacts(row);
  }

  async update(f: SubjectFacts): Promise<void> {
    await this.db.query(
      `UPDATE ${LEDGER_SCHEMA}.subjects SET hukou_region = $2, residence_city = $3, permit_id = $4, residence_since = $5,
              insured_region = $6, insured_since = $7, updated_at = now() WHERE subject_ref = $1`,
      [f.subjectRef, f.hukouRegion, f.residenceCity, f.permitId, f.residenceSince, f.insuredRegion, f.insuredSince],
    );
  }
}
