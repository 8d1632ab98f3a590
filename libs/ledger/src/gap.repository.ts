import { Injectable } from '@nestjs/common';
import { Database } from '@tongban/database';
import { day, iso } from './ledger.sql';
import { LEDGER_SCHEMA } from './ledger.types';

export interface Gap {
  gapId: string;
  subjectRef: string;
  serviceCode: string;
  periodKey: string;
  region: string;
  hukouRegion: string;
  periodEnd: string;
  detectedAt: string;
}

export interface DuePeriod {
  serviceCode: string;
  periodKey: string;
  start: string;
  end: string;
}

/** A due period being swept, with its cursor. */
export interface Sweep extends DuePeriod {
  after: string;
}

export interface UncheckedEntitlement {
  subjectRef: string;
  serviceCode: string;
  /** its first period (YYYY-MM-DD) as read */
  since: string;
}

interface GapRow {
  gap_id: string;
  subject_ref: string;
  service_code: string;
  period_key: string;
  region: string;
  hukou_region: string;
  period_end: string;
  detected_at: string;
}

const toGap = (r: GapRow): Gap => ({
  gapId: r.gap_id,
  subjectRef: r.subject_ref,
  serviceCode: r.service_code,
  periodKey: r.period_key,
  region: r.region,
  hukouRegion: r.hukou_region,
  periodEnd: r.period_end,
  detectedAt: r.detected_at,
});

@Injectable()
export class GapRepository {
  constructor(private readonly db: Database) {}

  /**
   * The next page of people holding one of the services, in subject_ref order after `after` ('' for the
   * first page): a sweep works through the ledger one page of people at a time.
   */
  async peopleAfter(after: string, serviceCodes: string[], limit: number): Promise<string[]> {
    const rows = await this.db.query<{ subject_ref: string }>(
      `SELECT DISTINCT subject_ref FROM ${LEDGER_SCHEMA}.entitlements
        WHERE subject_ref > $1 AND service_code = ANY($2::text[]) ORDER BY subject_ref LIMIT $3`,
      [after, serviceCodes, limit],
    );
    return rows.map((r) => r.subject_ref);
  }

  /** The due periods whose sweep over everyone is not finished, each with its cursor (a new one starts at ''). */
  async unfinishedSweeps(periods: DuePeriod[]): Promise<Sweep[]> {
    const rows = await this.db.query<{ service_code: string; period_key: string; after_subject: string }>(
      `WITH due AS (SELECT * FROM unnest($1::text[], $2::text[]) AS d(service_code, period_key)),
       added AS (
         INSERT INTO ${LEDGER_SCHEMA}.gap_sweeps (service_code, period_key) SELECT service_code, period_key FROM due
         ON CONFLICT (service_code, period_key) DO NOTHING
         RETURNING service_code, period_key, after_subject)
       SELECT * FROM added
       UNION ALL
       SELECT s.service_code, s.period_key, s.after_subject FROM ${LEDGER_SCHEMA}.gap_sweeps s JOIN due USING (service_code, period_key)
        WHERE s.completed_at IS NULL`,
      [periods.map((p) => p.serviceCode), periods.map((p) => p.periodKey)],
    );
    const cursor = new Map(rows.map((r) => [`${r.service_code}|${r.period_key}`, r.after_subject]));
    return periods.flatMap((p) => {
      const after = cursor.get(`${p.serviceCode}|${p.periodKey}`);
      return after === undefined ? [] : [{ ...p, after }];
    });
  }

  /** Moves the sweeps' cursor to `upTo`, or marks them finished. */
  async advanceSweeps(sweeps: DuePeriod[], to: { upTo: string } | 'finished'): Promise<void> {
    await this.db.query(
      `UPDATE ${LEDGER_SCHEMA}.gap_sweeps s
          SET after_subject = coalesce($3, s.after_subject), completed_at = CASE WHEN $3::text IS NULL THEN now() END
         FROM unnest($1::text[], $2::text[]) AS d(service_code, period_key)
        WHERE s.service_code = d.service_code AND s.period_key = d.period_key`,
      [sweeps.map((p) => p.serviceCode), sweeps.map((p) => p.periodKey), to === 'finished' ? null : to.upTo],
    );
  }

  /** Entitlements opened, or moved back to an earlier first period, since the job last checked them. */
  async uncheckedEntitlements(limit: number): Promise<UncheckedEntitlement[]> {
    const rows = await this.db.query<{ subject_ref: string; service_code: string; since: string }>(
      `SELECT subject_ref, service_code, ${day('since_period')} AS since FROM ${LEDGER_SCHEMA}.entitlements
        WHERE gaps_checked_since IS NULL OR since_period < gaps_checked_since LIMIT $1`,
      [limit],
    );
    return rows.map((r) => ({ subjectRef: r.subject_ref, serviceCode: r.service_code, since: r.since }));
  }

  /**
   * Records that the entitlements were checked from the first period read (not the one stored now: an
   * entitlement moved back meanwhile stays unchecked).
   */
  async markChecked(entitlements: UncheckedEntitlement[]): Promise<void> {
    await this.db.query(
      `UPDATE ${LEDGER_SCHEMA}.entitlements e SET gaps_checked_since = c.since
         FROM unnest($1::text[], $2::text[], $3::date[]) AS c(subject_ref, service_code, since)
        WHERE e.subject_ref = c.subject_ref AND e.service_code = c.service_code`,
      [entitlements.map((e) => e.subjectRef), entitlements.map((e) => e.serviceCode), entitlements.map((e) => e.since)],
    );
  }

  /**
   * One set-based statement over the people given: every entitlement whose due period (on or after the
   * entitlement's first period) has no claim becomes a gap, charged to the region holding the service
   * at the period's start (the one region whose claim it lacks).
   * Already-recorded gaps are skipped (unique key), so the job can run any number of times.
   */
  async recordGaps(periods: DuePeriod[], timeZone: string, people: string[]): Promise<Gap[]> {
    if (periods.length === 0 || people.length === 0) return [];
    const rows = await this.db.query<GapRow>(
      `WITH p AS (SELECT * FROM unnest($1::text[], $2::text[], $3::date[], $4::date[]) AS p(service_code, period_key, starts, ends)),
       found AS (
         SELECT e.subject_ref, e.service_code, p.period_key, r.region, p.ends
           FROM p
           JOIN ${LEDGER_SCHEMA}.entitlements e ON e.service_code = p.service_code AND e.since_period <= p.starts
                AND e.subject_ref = ANY($6::text[])
           JOIN ${LEDGER_SCHEMA}.responsibilities r ON r.subject_ref = e.subject_ref AND r.service_code = e.service_code
                AND r.during @> (p.starts::timestamp AT TIME ZONE $5)
          WHERE NOT EXISTS (SELECT 1 FROM ${LEDGER_SCHEMA}.provision_claims c
                             WHERE c.subject_ref = e.subject_ref AND c.service_code = e.service_code AND c.period_key = p.period_key)
            -- a gap recorded by an earlier run is left out here, not by the insert's conflict check (cheaper)
            AND NOT EXISTS (SELECT 1 FROM ${LEDGER_SCHEMA}.gaps g
                             WHERE g.subject_ref = e.subject_ref AND g.service_code = e.service_code AND g.period_key = p.period_key)),
       ins AS (
         INSERT INTO ${LEDGER_SCHEMA}.gaps (gap_id, subject_ref, service_code, period_key, region, period_end)
         SELECT gen_random_uuid(), subject_ref, service_code, period_key, region, ends FROM found
         ON CONFLICT (subject_ref, service_code, period_key) DO NOTHING
         RETURNING *)
       SELECT ins.gap_id, ins.subject_ref, ins.service_code, ins.period_key, ins.region, s.hukou_region,
              ${day('ins.period_end')} AS period_end, ${iso('ins.detected_at')} AS detected_at
         FROM ins JOIN ${LEDGER_SCHEMA}.subjects s USING (subject_ref)`,
      [
        periods.map((p) => p.serviceCode),
        periods.map((p) => p.periodKey),
        periods.map((p) => p.start),
        periods.map((p) => p.end),
        timeZone,
        people,
      ],
    );
    return rows.map(toGap);
  }

  /** A late claim by the responsible region closes the gap (it stays in the history, resolved). */
  async resolveClaimed(): Promise<number> {
    const row = await this.db.one<{ resolved: number }>(
      `WITH resolved AS (
         UPDATE ${LEDGER_SCHEMA}.gaps g SET resolved_at = now() WHERE resolved_at IS NULL AND EXISTS (
           SELECT 1 FROM ${LEDGER_SCHEMA}.provision_claims c WHERE c.subject_ref = g.subject_ref AND c.service_code = g.service_code AND c.period_key = g.period_key
              AND c.region = g.region)
         RETURNING 1)
       SELECT count(*)::int AS resolved FROM resolved`,
    );
    return row?.resolved ?? 0;
  }

  async open(limit: number, after: string | undefined): Promise<Gap[]> {
    const rows = await this.db.query<GapRow>(
      `SELECT g.gap_id, g.subject_ref, g.service_code, g.period_key, g.region, s.hukou_region, ${day('g.period_end')} AS period_end, ${iso('g.detected_at')} AS detected_at
         FROM ${LEDGER_SCHEMA}.gaps g JOIN ${LEDGER_SCHEMA}.subjects s USING (subject_ref)
        WHERE g.resolved_at IS NULL AND ($2::uuid IS NULL OR g.gap_id > $2::uuid) ORDER BY g.gap_id LIMIT $1`,
      [limit, after ?? null],
    );
    return rows.map(toGap);
  }
}
