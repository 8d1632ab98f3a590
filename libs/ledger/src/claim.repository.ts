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
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT (subject_ref, service_code, period_key) DO NOTHING
       RETURNING ${COLUMNS}`,
      [
        claim.claimId,
        claim.subjectRef,
        claim.serviceCode,
        claim.periodKey,
        claim.region,
        claim.basis,
        responsibilityId,
        actorLabel(actor),
        actor.requestId ?? null,
        claim.heldAt,
        claim.periodEnd,
        JSON.stringify(claim.evidence),
      ],
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
