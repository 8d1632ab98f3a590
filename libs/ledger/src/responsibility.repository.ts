import { Injectable } from '@nestjs/common';
import { Database } from '@tongban/database';
import { Actor, actorLabel } from '@tongban/identity';
import { iso } from './ledger.sql';
import { Cause, Holder, LEDGER_SCHEMA } from './ledger.types';

interface HolderRow {
  responsibility_id: string;
  service_code: string;
  region: string;
  since: string;
}

export interface IntervalRow {
  responsibilityId: string;
  serviceCode: string;
  region: string;
  from: string;
  to: string | null;
  openedBy: string;
  openedReason: string;
  closedBy: string | null;
  closedReason: string | null;
  handoffId: string | null;
  eventId: string | null;
}

const T = `${LEDGER_SCHEMA}.responsibilities`;
const toHolder = (r: HolderRow): Holder => ({
  responsibilityId: r.responsibility_id,
  serviceCode: r.service_code,
  region: r.region,
  since: r.since,
});

/** Responsibility intervals. Only ever opened, or closed-and-continued in one statement pair. */
@Injectable()
export class ResponsibilityRepository {
  constructor(private readonly db: Database) {}

  /**
   * Opens the first interval of each service of a newly known person from `from` (before the ledger knew
   * them, their default holder — the hukou region — was responsible; `from` is the earliest day any
   * claimable period starts, so every claimable period has a holder at its start).
   */
  async openFirst(
    subjectRef: string,
    holders: Array<{ serviceCode: string; region: string }>,
    from: string,
    cause: Cause,
    actor: Actor,
  ): Promise<void> {
    if (holders.length === 0) return;
    await this.db.query(
      `INSERT INTO ${T} (subject_ref, service_code, region, during, opened_by, opened_reason, opened_event_id)
       SELECT $1, s.code, s.region, tstzrange(LEAST($7::timestamptz, now()), NULL, '[)'), $4, $5, $6
         FROM unnest($2::text[], $3::text[]) AS s(code, region)`,
      [
        subjectRef,
        holders.map((h) => h.serviceCode),
        holders.map((h) => h.region),
        actorLabel(actor),
        cause.reason,
        cause.eventId ?? null,
        from,
      ],
    );
  }

  /**
   * The interval holding the service at an instant, locked against a concurrent handoff (FOR SHARE). A
   * handoff committing while we wait may replace the row we looked at; the statement is then re-run on
   * a fresh snapshot so that the new interval is seen. Undefined when no interval holds it then.
   */
  async heldAtLocked(subjectRef: string, serviceCode: string, at: string): Promise<Holder | undefined> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const row = await this.db.one<HolderRow>(
        `SELECT responsibility_id, service_code, region, ${iso('lower(during)')} AS since FROM ${T}
          WHERE subject_ref = $1 AND service_code = $2 AND during @> $3::timestamptz FOR SHARE`,
        [subjectRef, serviceCode, at],
      );
      if (row) return toHolder(row);
      const covered = await this.db.one(`SELECT 1 FROM ${T} WHERE subject_ref = $1 AND service_code = $2 AND during @> $3::timestamptz`, [
        subjectRef,
        serviceCode,
        at,
      ]);
      if (!covered) return undefined;
    }
    return undefined;
  }

  /** The holder of every service now (the interval containing the present instant). */
  async current(subjectRef: string): Promise<Holder[]> {
    const rows = await this.db.query<HolderRow>(
      `SELECT responsibility_id, service_code, region, ${iso('lower(during)')} AS since FROM ${T}
        WHERE subject_ref = $1 AND during @> now() ORDER BY service_code`,
      [subjectRef],
    );
    return rows.map(toHolder);
  }

  /** The regions holding any of the given services for the person now (one statement). */
  async currentRegions(subjectRef: string, serviceCodes: readonly string[]): Promise<string[]> {
    const rows = await this.db.query<{ region: string }>(
      `SELECT DISTINCT region FROM ${T} WHERE subject_ref = $1 AND service_code = ANY($2::text[]) AND during @> now()`,
      [subjectRef, serviceCodes],
    );
    return rows.map((r) => r.region);
  }

  /** The open-ended interval of every service: the holder agreed for the future (after any accepted switch). */
  async latest(subjectRef: string): Promise<Holder[]> {
    const rows = await this.db.query<HolderRow>(
      `SELECT responsibility_id, service_code, region, ${iso('lower(during)')} AS since FROM ${T}
        WHERE subject_ref = $1 AND upper_inf(during) ORDER BY service_code`,
      [subjectRef],
    );
    return rows.map(toHolder);
  }

  /**
   * The handoff transaction's core: closes the open interval and opens the next at the same instant —
   * the latest of the effective start, now, just after the old interval began (history is never
   * rewritten) and the end of any period the releasing region already claimed starting from then (a
   * claim stands for its whole period). Returns that instant. The open interval is locked first, so the
   * claims read next include every claim that held it (claims share-lock their interval).
   */
  async handOver(
    subjectRef: string,
    serviceCode: string,
    toRegion: string,
    effectiveStart: string,
    handoffId: string,
    cause: Cause,
    actor: Actor,
  ): Promise<string> {
    const open = await this.db.one<{ responsibility_id: string }>(
      `SELECT responsibility_id FROM ${T} WHERE subject_ref = $1 AND service_code = $2 AND upper_inf(during) FOR UPDATE`,
      [subjectRef, serviceCode],
    );
    if (!open) throw new Error(`no open responsibility interval for ${serviceCode}`);
    const closed = (await this.db.one<{ at: string; iso_at: string }>(
      `WITH cur AS (
         SELECT r.responsibility_id, GREATEST(s.at, (SELECT max(c.period_end) FROM ${LEDGER_SCHEMA}.provision_claims c
                                                    WHERE c.subject_ref = $6 AND c.responsibility_id = r.responsibility_id AND c.held_at >= s.at)) AS at
           FROM ${T} r CROSS JOIN LATERAL (SELECT GREATEST($2::timestamptz, now(), lower(r.during) + interval '1 microsecond') AS at) s
          WHERE r.subject_ref = $6 AND r.responsibility_id = $1)
       UPDATE ${T} r SET during = tstzrange(lower(r.during), cur.at, '[)'), closed_by = $3, closed_reason = $4, closed_handoff_id = $5
         FROM cur WHERE r.subject_ref = $6 AND r.responsibility_id = cur.responsibility_id
       RETURNING cur.at::text AS at, ${iso('cur.at')} AS iso_at`,
      [open.responsibility_id, effectiveStart, actorLabel(actor), cause.reason, handoffId, subjectRef],
    )) as { at: string; iso_at: string };
    await this.db.query(
      `INSERT INTO ${T} (subject_ref, service_code, region, during, opened_by, opened_reason, opened_handoff_id, opened_event_id)
       VALUES ($1, $2, $3, tstzrange($4::timestamptz, NULL, '[)'), $5, $6, $7, $8)`,
      [subjectRef, serviceCode, toRegion, closed.at, actorLabel(actor), cause.reason, handoffId, cause.eventId ?? null],
    );
    return closed.iso_at;
  }

  async history(subjectRef: string): Promise<IntervalRow[]> {
    const rows = await this.db.query<{
      responsibility_id: string;
      service_code: string;
      region: string;
      from_at: string;
      to_at: string | null;
      opened_by: string;
      opened_reason: string;
      closed_by: string | null;
      closed_reason: string | null;
      opened_handoff_id: string | null;
      opened_event_id: string | null;
    }>(
      `SELECT responsibility_id, service_code, region, ${iso('lower(during)')} AS from_at,
              CASE WHEN upper_inf(during) THEN NULL ELSE ${iso('upper(during)')} END AS to_at,
              opened_by, opened_reason, closed_by, closed_reason, opened_handoff_id, opened_event_id
         FROM ${T} WHERE subject_ref = $1 ORDER BY service_code, lower(during)`,
      [subjectRef],
    );
    return rows.map((r) => ({
      responsibilityId: r.responsibility_id,
      serviceCode: r.service_code,
      region: r.region,
      from: r.from_at,
      to: r.to_at,
      openedBy: r.opened_by,
      openedReason: r.opened_reason,
      closedBy: r.closed_by,
      closedReason: r.closed_reason,
      handoffId: r.opened_handoff_id,
      eventId: r.opened_event_id,
    }));
  }
}
