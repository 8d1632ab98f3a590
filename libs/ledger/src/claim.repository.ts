import { Injectable } from '@nestjs/common';
import { Database } from '@tongban/database';
import type { EvidenceRef } from '@tongban/catalogue';
import { Actor, actorLabel } from '@tongban/identity';
import { day, iso } from './ledger.sql';
import { LEDGER_POLICY } from './ledger.policy';
import { LEDGER_SCHEMA, ProvisionClaim } from './ledger.types';

interface ClaimRow {
  claim_id: string;
  subject_ref: string;
  service_code: string;
  period_key: string;
  region: string;
  basis: string;
  claimed_at: string;
  period_start: string;
  period_end: string;
  evidence: EvidenceRef[];
}

const china = (column: string): string => day(`(${column} AT TIME ZONE '${LEDGER_POLICY.timeZone}')::date`);
const COLUMNS = `claim_id, subject_ref, service_code, period_key, region, basis, ${iso('claimed_at')} AS claimed_at,
  ${china('held_at')} AS period_start, ${china('period_end')} AS period_end, evidence`;
const toClaim = (r: ClaimRow): ProvisionClaim => ({
  claimId: r.claim_id,
  subjectRef: r.subject_ref,
  serviceCode: r.service_code,
  periodKey: r.period_key,
  region: r.region,
  basis: r.basis,
  claimedAt: r.claimed_at,
  periodStart: r.period_start,
  periodEnd: r.period_end,
  evidence: r.evidence,
});

/** A claim to store: the holder is judged at `heldAt` (the period's start), `periodEnd` is exclusive. */
export type NewClaim = Omit<ProvisionClaim, 'claimedAt' | 'periodStart' | 'periodEnd'> & { heldAt: string; periodEnd: string };

/**
 * A claim by the region holding the service, in one statement: the interval holding the service at
 * the period's start share-locked (as heldAtLocked does), the claim inserted only when that interval
 * is the claiming region's and the key is free, and — with $12, the first period's start — the
 * entitlement opened or moved back. No row back: someone else holds it, nobody does, or the key is
 * taken; the caller then asks step by step. Every table is reached by subject_ref (the partition key).
 * Exported so the bench runs the very same statement straight on `pg`.
 */
export const CLAIM_IF_HOLDER_SQL = `WITH holder AS (
    SELECT responsibility_id, region FROM ${LEDGER_SCHEMA}.responsibilities
     WHERE subject_ref = $2 AND service_code = $3 AND during @> $9::timestamptz FOR SHARE
  ), claim AS (
    INSERT INTO ${LEDGER_SCHEMA}.provision_claims (claim_id, subject_ref, service_code, period_key, region, basis, responsibility_id, claimed_by, request_id, held_at, period_end, evidence)
    SELECT $1::uuid, $2::text, $3::text, $4::text, $5::text, $6::text, h.responsibility_id, $7::text, $8::text, $9::timestamptz, $10::timestamptz, $11::jsonb
      FROM holder h WHERE h.region = $5::text
    ON CONFLICT (subject_ref, service_code, period_key) DO NOTHING
    RETURNING ${COLUMNS}
  ), entitlement AS (
    INSERT INTO ${LEDGER_SCHEMA}.entitlements (subject_ref, service_code, since_period, opened_by, opened_reason)
    SELECT subject_ref, service_code, $12::date, $7::text, 'first claim' FROM claim WHERE $12::date IS NOT NULL
    ON CONFLICT (subject_ref, service_code) DO UPDATE SET since_period = LEAST(entitlements.since_period, EXCLUDED.since_period)
  )
  SELECT * FROM claim`;

/** A claim's own columns, $1–$11 of both claim statements (CLAIM_IF_HOLDER_SQL and insertIfFree's). */
const claimValues = (claim: NewClaim, claimedBy: string, requestId: string | null): unknown[] => [
  claim.claimId,
  claim.subjectRef,
  claim.serviceCode,
  claim.periodKey,
  claim.region,
  claim.basis,
  claimedBy,
  requestId,
  claim.heldAt,
  claim.periodEnd,
  JSON.stringify(claim.evidence),
];

/** The parameters of CLAIM_IF_HOLDER_SQL, in order ($12: the entitlement's first period, or null). */
export function claimIfHolderValues(
  claim: NewClaim,
  claimedBy: string,
  requestId: string | null,
  entitlementSince: string | null,
): unknown[] {
  return [...claimValues(claim, claimedBy, requestId), entitlementSince];
}

@Injectable()
export class ClaimRepository {
  constructor(private readonly db: Database) {}

  /**
   * Inserts the claim unless the key is taken. ON CONFLICT DO NOTHING waits for a concurrent claimant of
   * the same key to finish and then yields, without failing the caller's transaction.
   */
  async insertIfFree(claim: NewClaim, responsibilityId: string | null, actor: Actor): Promise<ProvisionClaim | undefined> {
    const row = await this.db.one<ClaimRow>(
      `INSERT INTO ${LEDGER_SCHEMA}.provision_claims (claim_id, subject_ref, service_code, period_key, region, basis, responsibility_id, claimed_by, request_id, held_at, period_end, evidence)
       VALUES ($1, $2, $3, $4, $5, $6, $12, $7, $8, $9, $10, $11) ON CONFLICT (subject_ref, service_code, period_key) DO NOTHING
       RETURNING ${COLUMNS}`,
      [...claimValues(claim, actorLabel(actor), actor.requestId ?? null), responsibilityId],
    );
    return row && toClaim(row);
  }

  /**
   * The common claim in one round trip (CLAIM_IF_HOLDER_SQL): the claim when the claiming region held
   * the service at `claim.heldAt` and the key was free, else undefined (nothing written).
   */
  async claimIfHolder(claim: NewClaim, actor: Actor, entitlementSince: string | null): Promise<ProvisionClaim | undefined> {
    const row = await this.db.one<ClaimRow>(
      CLAIM_IF_HOLDER_SQL,
      claimIfHolderValues(claim, actorLabel(actor), actor.requestId ?? null, entitlementSince),
    );
    return row && toClaim(row);
  }

  async find(subjectRef: string, serviceCode: string, periodKey: string): Promise<ProvisionClaim | undefined> {
    const row = await this.db.one<ClaimRow>(
      `SELECT ${COLUMNS} FROM ${LEDGER_SCHEMA}.provision_claims WHERE subject_ref = $1 AND service_code = $2 AND period_key = $3`,
      [subjectRef, serviceCode, periodKey],
    );
    return row && toClaim(row);
  }

  /** Opens (or moves back) a periodic entitlement; returns the period it now starts with. */
  async openEntitlement(
    subjectRef: string,
    serviceCode: string,
    periodStart: string,
    reason: string,
    actor: Actor,
  ): Promise<{ since: string; openedBy: string }> {
    const row = await this.db.one<{ since: string; opened_by: string }>(
      `INSERT INTO ${LEDGER_SCHEMA}.entitlements (subject_ref, service_code, since_period, opened_by, opened_reason) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (subject_ref, service_code) DO UPDATE SET since_period = LEAST(entitlements.since_period, EXCLUDED.since_period)
       RETURNING ${day('since_period')} AS since, opened_by`,
      [subjectRef, serviceCode, periodStart, actorLabel(actor), reason],
    );
    return { since: (row as { since: string }).since, openedBy: (row as { opened_by: string }).opened_by };
  }
}
