import { Injectable } from '@nestjs/common';
import { Database } from '@tongban/database';
import { Actor, actorLabel } from '@tongban/identity';
import { LEDGER_SCHEMA, PointsAllotment } from './ledger.types';

const A = `${LEDGER_SCHEMA}.points_allotments`;

/** Points allotments (the residence city's decisions), one per person, service and city. */
@Injectable()
export class PointsAllotmentRepository {
  constructor(private readonly db: Database) {}

  /** Stores the decision; false when the city already allotted the service to the person. */
  async insert(subjectRef: string, a: PointsAllotment, actor: Actor): Promise<boolean> {
    const row = await this.db.one(
      `INSERT INTO ${A} (allotment_id, subject_ref, service_code, region, points, decision_ref, decided_on, recorded_by, request_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT ON CONSTRAINT points_allotments_one_per_city DO NOTHING RETURNING 1 AS inserted`,
      [
        a.allotmentId,
        subjectRef,
        a.serviceCode,
        a.region,
        a.points,
        a.decisionRef,
        a.decidedOn,
        actorLabel(actor),
        actor.requestId ?? null,
      ],
    );
    return row !== undefined;
  }
}
