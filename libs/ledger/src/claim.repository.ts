import { Injectable } from '@nestjs/common';
import { Database } from '@tongban/database';
import { Actor, actorLabel } from '@tongban/identity';
import { iso } from './ledger.sql';
import { LEDGER_SCHEMA, ProvisionClaim } from './ledger.types';

interface ClaimRow {
  claim_id: string;
  subject_ref: string;
  service_code: string;
  period_key: string;
  region: string;
  basis: string;
  claimed_at: string;
}

const COLUMNS = `claim_id, subject_ref, service_code, period_key, region, basis, ${iso('claimed_at')} AS claimed_at`;
const toClaim = (r: ClaimRow): ProvisionClaim => ({
  claimId: r.claim_id,
  subjectRef: r.subject_ref,
  serviceCode: r.service_code,
  periodKey: r.period_key,
  region: r.region,
  basis: r.basis,
  claimedAt: r.claimed_at,
});

@Injectable()
export class ClaimRepository {
  constructor(private readonly db: Database) {}

  /**
   * Inserts the claim unless the key is taken. ON CONFLICT DO NOTHING waits for a concurrent claimant of
   * the same key to finish and then yields, without failing the caller's transaction.
   */
  async insertIfFree(claim: Omit<ProvisionClaim, 'claimedAt'>, responsibilityId: string | null, actor: Actor): Promise<ProvisionClaim | undefined> {
    const row = await this.db.one<ClaimRow>(
      `INSERT INTO ${LEDGER_SCHEMA}.provision_claims (claim_id, subject_ref, service_code, period_key, region, basis, responsibility_id, claimed_by, request_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (subject_ref, service_code, period_key) DO NOTHING
       RETURNING ${COLUMNS}`,
      [claim.claimId, claim.subjectRef, claim.serviceCode, claim.periodKey, claim.region, claim.basis, responsibilityId, actorLabel(actor), actor.requestId ?? null],
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

  /** Opens (or moves back) the periodic entitlement a claim evidences. */
  async openEntitlement(subjectRef: string, serviceCode: string, periodStart: string, actor: Actor): Promise<void> {
    await this.db.query(
      `INSERT INTO ${LEDGER_SCHEMA}.entitlements (subject_ref, service_code, since_period, opened_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (subject_ref, service_code) DO UPDATE SET since_period = LEAST(entitlements.since_period, EXCLUDED.since_period)`,
      [subjectRef, serviceCode, periodStart, actorLabel(actor)],
    );
  }
}
