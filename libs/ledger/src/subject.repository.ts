import { Injectable } from '@nestjs/common';
import { InsuranceBranch } from '@tongban/catalogue';
import { Database } from '@tongban/database';
import { Actor, actorLabel } from '@tongban/identity';
import { day, iso } from './ledger.sql';
import { InsuredRegions, LEDGER_SCHEMA, PointsAllotment, SubjectFacts } from './ledger.types';

interface SubjectRow {
  subject_ref: string;
  hukou_region: string;
  residence_city: string | null;
  permit_id: string | null;
  residence_since: string | null;
  permit_event_at: string | null;
  insured: Array<{ branch: InsuranceBranch; region: string; since: string }>;
  allotments: Array<Omit<PointsAllotment, 'points'> & { points: string }>;
}

const S = `${LEDGER_SCHEMA}.subjects`;
const I = `${LEDGER_SCHEMA}.insurance_relations`;
const A = `${LEDGER_SCHEMA}.points_allotments`;
/**
 * A person's facts; `person` names the person for the nested lookups: `$1` when the statement is about
 * one person (the partitions of the nested tables are then pruned before it runs), else the outer row.
 */
const columnsFor = (
  person: string,
): string => `s.subject_ref, s.hukou_region, s.residence_city, s.permit_id, ${day('s.residence_since')} AS residence_since, ${iso('s.permit_event_at')} AS permit_event_at,
  COALESCE((SELECT json_agg(json_build_object('branch', i.branch, 'region', i.region, 'since', ${day('i.since')}) ORDER BY i.branch)
              FROM ${I} i WHERE i.subject_ref = ${person}), '[]') AS insured,
  COALESCE((SELECT json_agg(json_build_object('allotmentId', a.allotment_id, 'serviceCode', a.service_code, 'region', a.region,
                    'points', a.points::text, 'decisionRef', a.decision_ref, 'decidedOn', ${day('a.decided_on')}) ORDER BY a.service_code, a.region)
              FROM ${A} a WHERE a.subject_ref = ${person}), '[]') AS allotments`;
const COLUMNS = columnsFor('s.subject_ref');
const COLUMNS_OF_ONE = columnsFor('$1');
const toFacts = (r: SubjectRow): SubjectFacts => ({
  subjectRef: r.subject_ref,
  hukouRegion: r.hukou_region,
  residenceCity: r.residence_city,
  permitId: r.permit_id,
  residenceSince: r.residence_since,
  permitEventAt: r.permit_event_at,
  insured: Object.fromEntries(r.insured.map((i) => [i.branch, { region: i.region, since: i.since }])) as InsuredRegions,
  allotments: r.allotments.map((a) => ({ ...a, points: Number(a.points) })),
});

/** The facts per person; the row lock serialises every change of one person's responsibilities. */
@Injectable()
export class SubjectRepository {
  constructor(private readonly db: Database) {}

  /** Inserts the person unless known; true when inserted. */
  async insertIfAbsent(f: SubjectFacts, actor: Actor): Promise<boolean> {
    const row = await this.db.one(
      `INSERT INTO ${S} (subject_ref, hukou_region, residence_city, permit_id, residence_since, registered_by)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (subject_ref) DO NOTHING RETURNING 1 AS inserted`,
      [f.subjectRef, f.hukouRegion, f.residenceCity, f.permitId, f.residenceSince, actorLabel(actor)],
    );
    if (row !== undefined) await this.saveInsured(f);
    return row !== undefined;
  }

  async lock(subjectRef: string): Promise<SubjectFacts | undefined> {
    const row = await this.db.one<SubjectRow>(`SELECT ${COLUMNS_OF_ONE} FROM ${S} s WHERE s.subject_ref = $1 FOR UPDATE OF s`, [
      subjectRef,
    ]);
    return row && toFacts(row);
  }

  async find(subjectRef: string): Promise<SubjectFacts | undefined> {
    const row = await this.db.one<SubjectRow>(`SELECT ${COLUMNS_OF_ONE} FROM ${S} s WHERE s.subject_ref = $1`, [subjectRef]);
    return row && toFacts(row);
  }

  async exists(subjectRef: string): Promise<boolean> {
    return (await this.db.one(`SELECT 1 FROM ${S} WHERE subject_ref = $1`, [subjectRef])) !== undefined;
  }

  async update(f: SubjectFacts): Promise<void> {
    await this.db.query(
      `UPDATE ${S} SET hukou_region = $2, residence_city = $3, permit_id = $4, residence_since = $5, permit_event_at = COALESCE($6::timestamptz, permit_event_at), updated_at = now()
        WHERE subject_ref = $1`,
      [f.subjectRef, f.hukouRegion, f.residenceCity, f.permitId, f.residenceSince, f.permitEventAt ?? null],
    );
    await this.saveInsured(f);
  }

  /** The next day a time threshold alone moves one of the person's services (null: none ahead). */
  async setConditionsReviewOn(subjectRef: string, day: string | null): Promise<void> {
    await this.db.query(
      `UPDATE ${S} SET conditions_review_on = $2 WHERE subject_ref = $1 AND conditions_review_on IS DISTINCT FROM $2::date`,
      [subjectRef, day],
    );
  }

  async conditionsReviewOn(subjectRef: string): Promise<string | null> {
    const row = await this.db.one<{ d: string | null }>(`SELECT ${day('conditions_review_on')} AS d FROM ${S} WHERE subject_ref = $1`, [
      subjectRef,
    ]);
    return row?.d ?? null;
  }

  /** People due for a threshold review by `today`, oldest first; locked, skipping those another transaction holds. */
  async lockDueReviews(today: string, limit: number): Promise<SubjectFacts[]> {
    const rows = await this.db.query<SubjectRow>(
      `SELECT ${COLUMNS} FROM ${S} s WHERE s.conditions_review_on <= $1::date
        ORDER BY s.conditions_review_on, s.subject_ref LIMIT $2 FOR UPDATE OF s SKIP LOCKED`,
      [today, limit],
    );
    return rows.map(toFacts);
  }

  /**
   * Whether a region is related to the person (ledger.subject_regions: hukou, residence, insured in a
   * branch, holder now or agreed, party to an open handoff): only such a region may learn anything
   * about them.
   */
  async isRelated(subjectRef: string, region: string): Promise<boolean> {
    return (
      (await this.db.one(`SELECT 1 FROM ${LEDGER_SCHEMA}.subject_regions WHERE subject_ref = $1 AND region = $2 LIMIT 1`, [
        subjectRef,
        region,
      ])) !== undefined
    );
  }

  /** Branches are only ever set (a person's insurance history is in the fact changes and transfers). */
  private async saveInsured(f: SubjectFacts): Promise<void> {
    const entries = Object.entries(f.insured) as Array<[InsuranceBranch, { region: string; since: string }]>;
    if (entries.length === 0) return;
    await this.db.query(
      `INSERT INTO ${I} (subject_ref, branch, region, since)
       SELECT $1, b, r, d FROM unnest($2::text[], $3::text[], $4::date[]) AS u(b, r, d)
       ON CONFLICT (subject_ref, branch) DO UPDATE SET region = EXCLUDED.region, since = EXCLUDED.since, updated_at = now()
        WHERE (${I}.region, ${I}.since) IS DISTINCT FROM (EXCLUDED.region, EXCLUDED.since)`,
      [f.subjectRef, entries.map(([b]) => b), entries.map(([, v]) => v.region), entries.map(([, v]) => v.since)],
    );
  }
}
