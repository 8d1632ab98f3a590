import { Injectable } from '@nestjs/common';
import { Database } from '@tongban/database';
import { Actor, actorLabel } from '@tongban/identity';
import { Permit, PermitBasis, PermitStatus, RESIDENCE_SCHEMA } from './residence.types';

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
}

const COLUMNS = `permit_id, permit_number, subject_ref, hukou_region, residence_city, basis,
  to_char(residence_since, 'YYYY-MM-DD') AS residence_since, to_char(issued_on, 'YYYY-MM-DD') AS issued_on,
  to_char(valid_until, 'YYYY-MM-DD') AS valid_until, status`;

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
});

@Injectable()
export class PermitRepository {
  constructor(private readonly db: Database) {}

  async insert(p: Permit, actor: Actor): Promise<void> {
    await this.db.query(
      `INSERT INTO ${RESIDENCE_SCHEMA}.permits (permit_id, permit_number, subject_ref, hukou_region, residence_city, basis,
         residence_since, issued_on, valid_until, status, created_by, request_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [p.permitId, p.permitNumber, p.subjectRef, p.hukouRegion, p.residenceCity, p.basis, p.residenceSince, p.issuedOn, p.validUntil, p.status, actorLabel(actor), actor.requestId ?? null],
    );
  }

  async findById(permitId: string): Promise<Permit | undefined> {
    const row = await this.db.one<PermitRow>(`SELECT ${COLUMNS} FROM ${RESIDENCE_SCHEMA}.permits WHERE permit_id = $1`, [permitId]);
    return row && toPermit(row);
  }

  async findActiveBySubject(subjectRef: string): Promise<Permit | undefined> {
    const row = await this.db.one<PermitRow>(`SELECT ${COLUMNS} FROM ${RESIDENCE_SCHEMA}.permits WHERE subject_ref = $1 AND status = 'active'`, [subjectRef]);
    return row && toPermit(row);
  }
}
