import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Database, PeriodicJob } from '@tongban/database';
import { metrics } from '@tongban/metrics';

export interface AuditEntry {
  actor: string;
  role: string;
  region: string | null;
  requestId?: string;
  action: string;
  resource: string;
  status: number;
  payload: unknown;
}

interface AuditRow {
  id: string;
  occurred_at: Date;
  actor: string;
  role: string;
  region: string | null;
  request_id: string | null;
  action: string;
  resource: string;
  status: number;
  payload_hash: string;
  chain_pos: string | null;
  prev_hash: string | null;
  hash: string | null;
}

export const GENESIS = '0'.repeat(64);

export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

const sha256 = (s: string): string => createHash('sha256').update(s, 'utf8').digest('hex');

function entryHash(prev: string, r: AuditRow, pos: string): string {
  return sha256(
    `${prev}|${pos}|${r.id}|${r.occurred_at.toISOString()}|${r.actor}|${r.role}|${r.region ?? ''}|${r.request_id ?? ''}|${r.action}|${r.resource}|${r.status}|${r.payload_hash}`,
  );
}

export interface ChainReport {
  ok: boolean;
  checked: number;
  firstBroken?: { chainPos: string; id: string; reason: string };
  unchained: number;
}

/**
 * The audit log: append in the caller's transaction (cheap, no global lock on the request path);
 * a single chainer (advisory-locked) links appended rows into the hash chain moments later.
 */
@Injectable()
export class AuditLog {
  constructor(private readonly db: Database) {}

  /**
   * Appends the entry in the caller's transaction, sent with its COMMIT (one round trip for both):
   * the entry commits exactly when the request's effects do (outside a transaction: now).
   */
  async append(e: AuditEntry): Promise<void> {
    await this.db.atCommit(
      `INSERT INTO gateway.audit_log (actor, role, region, request_id, action, resource, status, payload_hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [e.actor, e.role, e.region, e.requestId ?? null, e.action, e.resource, e.status, sha256(canonicalJson(e.payload ?? null))],
    );
  }

  /** Links unchained rows; returns how many were chained. */
  async chain(limit = 1000): Promise<number> {
    return this.db.tx(async () => {
      if (!(await this.db.tryXactLock('tongban:audit-chain'))) return 0;
      const last = await this.db.one<{ chain_pos: string; hash: string }>(
        `SELECT chain_pos, hash FROM gateway.audit_log WHERE chain_pos IS NOT NULL ORDER BY chain_pos DESC LIMIT 1`,
      );
      const rows = await this.db.query<AuditRow>(
        `SELECT * FROM gateway.audit_log WHERE chain_pos IS NULL ORDER BY id LIMIT $1 FOR UPDATE`,
        [limit],
      );
      let prev = last?.hash ?? GENESIS;
      let pos = BigInt(last?.chain_pos ?? '0');
      const links: Array<{ id: string; pos: string; prev: string; hash: string }> = [];
      for (const r of rows) {
        pos += 1n;
        const hash = entryHash(prev, r, pos.toString());
        links.push({ id: r.id, pos: pos.toString(), prev, hash });
        prev = hash;
      }
      // one statement for the whole batch: the chainer keeps up with thousands of writes a second
      await this.db.query(
        `UPDATE gateway.audit_log a SET chain_pos = l.pos, prev_hash = l.prev, hash = l.hash
           FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[]) AS l(id, pos, prev, hash) WHERE a.id = l.id`,
        [links.map((l) => l.id), links.map((l) => l.pos), links.map((l) => l.prev), links.map((l) => l.hash)],
      );
      return rows.length;
    });
  }

  /** Walks the chain from the start and reports the first broken link. */
  async verify(): Promise<ChainReport> {
    let prev = GENESIS;
    let expected = 1n;
    let checked = 0;
    let after = '0';
    for (;;) {
      const rows = await this.db.query<AuditRow>(`SELECT * FROM gateway.audit_log WHERE chain_pos > $1 ORDER BY chain_pos LIMIT 5000`, [
        after,
      ]);
      if (rows.length === 0) break;
      for (const r of rows) {
        const pos = r.chain_pos!;
        const broken = (reason: string): ChainReport => ({
          ok: false,
          checked,
          firstBroken: { chainPos: pos, id: r.id, reason },
          unchained: 0,
        });
        if (BigInt(pos) !== expected) return broken(`chain position ${expected.toString()} is missing`);
        if (r.prev_hash !== prev) return broken('previous-hash link does not match');
        if (entryHash(prev, r, pos) !== r.hash) return broken('entry was altered after it was chained');
        prev = r.hash!;
        expected += 1n;
        checked += 1;
        after = pos;
      }
    }
    const unchained = Number(
      (await this.db.one<{ n: string }>(`SELECT count(*) AS n FROM gateway.audit_log WHERE chain_pos IS NULL`))?.n ?? 0,
    );
    return { ok: true, checked, unchained };
  }
}

export const AUDIT_VERIFY_INTERVAL_MS = 5 * 60_000;

/**
 * Walks the whole chain every five minutes (and once at start) and exports the outcome, so a broken
 * link (an entry altered or deleted in the database) raises an alert instead of waiting for someone
 * to call GET /v1/audit/verify.
 */
@Injectable()
export class AuditChainVerifier extends PeriodicJob {
  constructor(private readonly audit: AuditLog) {
    super('audit-verify', AUDIT_VERIFY_INTERVAL_MS);
  }

  override onApplicationBootstrap(): void {
    super.onApplicationBootstrap();
    void this.verify().catch((error: unknown) => this.logger.warn({ err: error }, 'first audit chain verification failed'));
  }

  protected async work(): Promise<void> {
    await this.verify();
  }

  /** One verification, its outcome exported (also called directly by tests). */
  async verify(): Promise<ChainReport> {
    const report = await this.audit.verify();
    const m = metrics();
    m.auditChainBroken.set(report.ok ? 0 : 1);
    m.auditUnchained.set(report.unchained);
    m.auditChainVerifiedAt.set(Date.now() / 1000);
    if (!report.ok) this.logger.error({ firstBroken: report.firstBroken }, 'the audit hash chain is broken');
    return report;
  }
}

/** Chains appended audit entries every second. */
@Injectable()
export class AuditChainer extends PeriodicJob {
  constructor(private readonly audit: AuditLog) {
    super('audit-chain', 1000);
  }

  protected async work(): Promise<void> {
    await this.audit.chain();
  }
}
