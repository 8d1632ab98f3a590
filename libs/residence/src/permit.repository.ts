import { Injectable } from '@nestjs/common';
import { Database } from '@tongban/database';
import { Actor, actorLabel } from '@tongban/identity';
import { Endorsement, Permit, PermitBasis, PermitStatus, RESIDENCE_SCHEMA } from './residence.types';

interface PermitRow {
  permit_id: string;
  permit_number: string;
  subject_ref: string;
  hukou_region: string;
  residence_city: string;
  basis: PermitBasis;
  residence_since: string;
  issued_on: string;
  valid_until: string;
  status: PermitStatus;
  count_from: string;
  endorsement_due: string;
  last_endorsed_on: string | null;
  suspended_on: string | null;
  cancelled_on: string | null;
  cancellation_reason: string | null;
}

const day = (column: string): string => `to_char(${column}, 'YYYY-MM-DD') AS ${column}`;
const COLUMNS = `permit_id, permit_number, subject_ref, hukou_region, residence_city, basis, ${day('residence_since')}, ${day('issued_on')},
  ${day('valid_until')}, status, ${day('count_from')}, ${day('endorsement_due')}, ${day('last_endorsed_on')}, ${day('suspended_on')},
  ${day('cancelled_on')}, cancellation_reason`;

const toPermit = (r: PermitRow): Permit => ({
  permitId: r.permit_id,
  permitNumber: r.permit_number,
  subjectRef: r.subject_ref,
  hukouRegion: r.hukou_region,
  residenceCity: r.residence_city,
  basis: r.basis,
  residenceSince: r.residence_since,
  issuedOn: r.issued_on,
  validUntil: r.valid_until,
  status: r.status,
  residenceYearsCountFrom: r.count_from,
  endorsementDue: r.endorsement_due,
  lastEndorsedOn: r.last_endorsed_on,
  suspendedOn: r.suspended_on,
  cancelledOn: r.cancelled_on,
  cancellationReason: r.cancellation_reason,
});

interface EndorsementRow {
  permit_id: string;
  due_on: string;
  endorsed_on: string;
  late: boolean;
  lapsed_on: string | null;
}

@Injectable()
export class PermitRepository {
  constructor(private readonly db: Database) {}

  async insert(p: Permit, actor: Actor): Promise<void> {
    await this.db.query(
      `INSERT INTO ${RESIDENCE_SCHEMA}.permits (permit_id, permit_number, subject_ref, hukou_region, residence_city, basis,
         residence_since, issued_on, valid_until, status, count_from, endorsement_due, created_by, request_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
      [
        p.permitId,
        p.permitNumber,
        p.subjectRef,
        p.hukouRegion,
        p.residenceCity,
        p.basis,
        p.residenceSince,
        p.issuedOn,
        p.validUntil,
        p.status,
        p.residenceYearsCountFrom,
        p.endorsementDue,
        actorLabel(actor),
        actor.requestId ?? null,
      ],
    );
  }

  /** Writes the mutable lifecycle columns of `p` (the row must be locked by `lock` in this transaction). */
  async update(p: Permit, actor: Actor | string): Promise<void> {
    await this.db.query(
      `UPDATE ${RESIDENCE_SCHEMA}.permits SET status = $2, valid_until = $3, count_from = $4, endorsement_due = $5, last_endorsed_on = $6,
         suspended_on = $7, cancelled_on = $8, cancellation_reason = $9, updated_by = $10, updated_at = now()
       WHERE permit_id = $1`,
      [
        p.permitId,
        p.status,
        p.validUntil,
        p.residenceYearsCountFrom,
        p.endorsementDue,
        p.lastEndorsedOn,
        p.suspendedOn,
        p.cancelledOn,
        p.cancellationReason,
        typeof actor === 'string' ? actor : actorLabel(actor),
      ],
    );
  }

  async findById(permitId: string): Promise<Permit | undefined> {
    const row = await this.db.one<PermitRow>(`SELECT ${COLUMNS} FROM ${RESIDENCE_SCHEMA}.permits WHERE permit_id = $1`, [permitId]);
    return row && toPermit(row);
  }

  /** The permit, locked for the rest of the transaction so lifecycle changes of one permit serialise. */
  async lock(permitId: string): Promise<Permit | undefined> {
    const row = await this.db.one<PermitRow>(`SELECT ${COLUMNS} FROM ${RESIDENCE_SCHEMA}.permits WHERE permit_id = $1 FOR UPDATE`, [
      permitId,
    ]);
    return row && toPermit(row);
  }

  /** The permit the person holds (active or suspended), if any. */
  async findHeldBySubject(subjectRef: string): Promise<Permit | undefined> {
    const row = await this.db.one<PermitRow>(
      `SELECT ${COLUMNS} FROM ${RESIDENCE_SCHEMA}.permits WHERE subject_ref = $1 AND status <> 'cancelled'`,
      [subjectRef],
    );
    return row && toPermit(row);
  }

  /** Every permit of the person, oldest residence first. */
  async findBySubject(subjectRef: string): Promise<Permit[]> {
    const rows = await this.db.query<PermitRow>(
      `SELECT ${COLUMNS} FROM ${RESIDENCE_SCHEMA}.permits WHERE subject_ref = $1 ORDER BY residence_since, issued_on, permit_id`,
      [subjectRef],
    );
    return rows.map(toPermit);
  }

  /** Active permits whose endorsement was due before `lapsedBefore`, locked, skipping rows another runner holds. */
  async lockLapsed(lapsedBefore: string, limit: number): Promise<Permit[]> {
    const rows = await this.db.query<PermitRow>(
      `SELECT ${COLUMNS} FROM ${RESIDENCE_SCHEMA}.permits WHERE status = 'active' AND endorsement_due < $1
       ORDER BY endorsement_due, permit_id LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [lapsedBefore, limit],
    );
    return rows.map(toPermit);
  }

  async insertEndorsement(e: Endorsement, actor: Actor): Promise<void> {
    await this.db.query(
      `INSERT INTO ${RESIDENCE_SCHEMA}.endorsements (permit_id, due_on, endorsed_on, late, lapsed_on, created_by, request_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [e.permitId, e.dueOn, e.endorsedOn, e.late, e.lapsedOn, actorLabel(actor), actor.requestId ?? null],
    );
  }

  async endorsementsOf(permitIds: readonly string[]): Promise<Endorsement[]> {
    if (permitIds.length === 0) return [];
    const rows = await this.db.query<EndorsementRow>(
      `SELECT permit_id, ${day('due_on')}, ${day('endorsed_on')}, late, ${day('lapsed_on')}
       FROM ${RESIDENCE_SCHEMA}.endorsements WHERE permit_id = ANY($1::uuid[]) ORDER BY endorsed_on`,
      [permitIds],
    );
    return rows.map((r) => ({ permitId: r.permit_id, dueOn: r.due_on, endorsedOn: r.endorsed_on, late: r.late, lapsedOn: r.lapsed_on }));
  }
}
