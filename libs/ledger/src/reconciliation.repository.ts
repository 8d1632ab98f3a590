import { Injectable } from '@nestjs/common';
import { Database } from '@tongban/database';
import { Actor, actorLabel } from '@tongban/identity';
import { iso } from './ledger.sql';
import { LEDGER_POLICY } from './ledger.policy';
import { LEDGER_SCHEMA } from './ledger.types';

export interface StagedRecord {
  lineNo: number;
  subjectRef: string;
  serviceCode: string;
  periodKey: string;
}

export interface Reconciliation {
  reconciliationId: string;
  region: string;
  /** the agency that uploaded it (null for uploads made before agencies were recorded) */
  agency: string | null;
  status: 'completed';
  records: number;
  overlaps: number;
  gaps: number;
  unknown: number;
  createdAt: string;
  completedAt: string | null;
}

export interface ReconciliationItem {
  itemNo: number;
  kind: 'overlap' | 'gap' | 'unknown';
  subjectRef: string;
  serviceCode: string;
  periodKey: string;
  otherRegions: string[];
  lineNo: number | null;
}

const R = `${LEDGER_SCHEMA}.reconciliations`;

/** A (service, period) of an upload and the first day of the period. */
export interface DuePeriodStart {
  serviceCode: string;
  periodKey: string;
  start: string;
}

@Injectable()
export class ReconciliationRepository {
  constructor(private readonly db: Database) {}

  async create(id: string, region: string, actor: Actor): Promise<void> {
    await this.db.query(
      `INSERT INTO ${R} (reconciliation_id, region, agency, status, created_by, request_id) VALUES ($1, $2, $3, 'completed', $4, $5)`,
      [id, region, actor.agency, actorLabel(actor), actor.requestId ?? null],
    );
  }

  /** One multi-row INSERT per batch (arrays through unnest: one round trip, constant statement text). */
  async stage(id: string, region: string, batch: StagedRecord[]): Promise<void> {
    if (batch.length === 0) return;
    await this.db.query(
      `INSERT INTO ${LEDGER_SCHEMA}.reconciliation_records (reconciliation_id, line_no, region, subject_ref, service_code, period_key)
       SELECT $1, l, $2, s, c, p FROM unnest($3::bigint[], $4::text[], $5::text[], $6::text[]) AS u(l, s, c, p)`,
      [
        id,
        region,
        batch.map((r) => r.lineNo),
        batch.map((r) => r.subjectRef),
        batch.map((r) => r.serviceCode),
        batch.map((r) => r.periodKey),
      ],
    );
  }

  /**
   * The comparison, in SQL, of the uploader's own records with the ledger (never with other regions'
   * uploads, which only their uploaders and operators see):
   * - overlap: the ledger's claim for the key is another region's — named only when the uploader is
   *   related to the person (ledger.subject_regions), so nobody learns who provides to a stranger;
   * - unknown: no claim in the ledger for the key at all;
   * - gap: a periodic entitlement (open by the period) held by the uploading region at the start of a
   *   (service, period) the upload covers, with neither a claim nor an uploaded record.
   */
  async compare(id: string, region: string, periods: DuePeriodStart[]): Promise<void> {
    await this.db.query(
      `INSERT INTO ${LEDGER_SCHEMA}.reconciliation_items (reconciliation_id, item_no, kind, subject_ref, service_code, period_key, other_regions, line_no)
       SELECT $1, row_number() OVER (ORDER BY kind, line_no NULLS LAST, subject_ref, service_code, period_key), kind, subject_ref, service_code, period_key, other_regions, line_no
         FROM (
           SELECT CASE WHEN c.claim_id IS NULL THEN 'unknown' ELSE 'overlap' END AS kind,
                  s.subject_ref, s.service_code, s.period_key,
                  CASE WHEN c.claim_id IS NOT NULL AND EXISTS (SELECT 1 FROM ${LEDGER_SCHEMA}.subject_regions sr WHERE sr.subject_ref = s.subject_ref AND sr.region = $2)
                       THEN ARRAY[c.region::text] ELSE '{}'::text[] END AS other_regions,
                  s.line_no
             FROM (SELECT DISTINCT ON (subject_ref, service_code, period_key) * FROM ${LEDGER_SCHEMA}.reconciliation_records
                    WHERE reconciliation_id = $1 ORDER BY subject_ref, service_code, period_key, line_no) s
             LEFT JOIN ${LEDGER_SCHEMA}.provision_claims c USING (subject_ref, service_code, period_key)
            WHERE c.claim_id IS NULL OR c.region <> $2
           UNION ALL
           SELECT 'gap', e.subject_ref, e.service_code, k.period_key, '{}'::text[], NULL
             FROM unnest($3::text[], $4::text[], $5::date[]) AS k(service_code, period_key, starts)
             JOIN ${LEDGER_SCHEMA}.entitlements e ON e.service_code = k.service_code AND e.since_period <= k.starts
             JOIN ${LEDGER_SCHEMA}.responsibilities r ON r.subject_ref = e.subject_ref AND r.service_code = e.service_code AND r.region = $2
                  AND r.during @> (k.starts::timestamp AT TIME ZONE '${LEDGER_POLICY.timeZone}')
            WHERE NOT EXISTS (SELECT 1 FROM ${LEDGER_SCHEMA}.provision_claims c WHERE (c.subject_ref, c.service_code, c.period_key) = (e.subject_ref, e.service_code, k.period_key))
              AND NOT EXISTS (SELECT 1 FROM ${LEDGER_SCHEMA}.reconciliation_records x WHERE x.reconciliation_id = $1
                                AND (x.subject_ref, x.service_code, x.period_key) = (e.subject_ref, e.service_code, k.period_key))
         ) items`,
      [id, region, periods.map((p) => p.serviceCode), periods.map((p) => p.periodKey), periods.map((p) => p.start)],
    );
    await this.db.query(
      `UPDATE ${R} SET completed_at = now(),
         record_count = (SELECT count(*) FROM ${LEDGER_SCHEMA}.reconciliation_records WHERE reconciliation_id = $1),
         overlap_count = (SELECT count(*) FROM ${LEDGER_SCHEMA}.reconciliation_items WHERE reconciliation_id = $1 AND kind = 'overlap'),
         gap_count = (SELECT count(*) FROM ${LEDGER_SCHEMA}.reconciliation_items WHERE reconciliation_id = $1 AND kind = 'gap'),
         unknown_count = (SELECT count(*) FROM ${LEDGER_SCHEMA}.reconciliation_items WHERE reconciliation_id = $1 AND kind = 'unknown')
       WHERE reconciliation_id = $1`,
      [id],
    );
  }

  /** The distinct (service, period) pairs of an upload. */
  async periodsOf(id: string): Promise<Array<{ serviceCode: string; periodKey: string }>> {
    const rows = await this.db.query<{ service_code: string; period_key: string }>(
      `SELECT DISTINCT service_code, period_key FROM ${LEDGER_SCHEMA}.reconciliation_records WHERE reconciliation_id = $1`,
      [id],
    );
    return rows.map((r) => ({ serviceCode: r.service_code, periodKey: r.period_key }));
  }

  async find(id: string): Promise<Reconciliation | undefined> {
    const row = await this.db.one<{
      reconciliation_id: string;
      region: string;
      agency: string | null;
      status: 'completed';
      record_count: string;
      overlap_count: string;
      gap_count: string;
      unknown_count: string;
      created_at: string;
      completed_at: string | null;
    }>(
      `SELECT reconciliation_id, region, agency, status, record_count, overlap_count, gap_count, unknown_count, ${iso('created_at')} AS created_at, ${iso('completed_at')} AS completed_at FROM ${R} WHERE reconciliation_id = $1`,
      [id],
    );
    return (
      row && {
        reconciliationId: row.reconciliation_id,
        region: row.region,
        agency: row.agency,
        status: row.status,
        records: Number(row.record_count),
        overlaps: Number(row.overlap_count),
        gaps: Number(row.gap_count),
        unknown: Number(row.unknown_count),
        createdAt: row.created_at,
        completedAt: row.completed_at,
      }
    );
  }

  async items(id: string, afterItemNo: number, limit: number): Promise<ReconciliationItem[]> {
    const rows = await this.db.query<{
      item_no: string;
      kind: ReconciliationItem['kind'];
      subject_ref: string;
      service_code: string;
      period_key: string;
      other_regions: string[];
      line_no: string | null;
    }>(
      `SELECT item_no, kind, subject_ref, service_code, period_key, other_regions, line_no FROM ${LEDGER_SCHEMA}.reconciliation_items
        WHERE reconciliation_id = $1 AND item_no > $2 ORDER BY item_no LIMIT $3`,
      [id, afterItemNo, limit],
    );
    return rows.map((r) => ({
      itemNo: Number(r.item_no),
      kind: r.kind,
      subjectRef: r.subject_ref,
      serviceCode: r.service_code,
      periodKey: r.period_key,
      otherRegions: r.other_regions,
      lineNo: r.line_no === null ? null : Number(r.line_no),
    }));
  }
}
