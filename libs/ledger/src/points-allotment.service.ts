import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { addMonths, assertDateWithin, ChinaClock } from '@tongban/calendar';
import { CityPolicies, ServiceCatalogue } from '@tongban/catalogue';
import { Database } from '@tongban/database';
import { DomainError, ErrorCode } from '@tongban/errors';
import { Actor, regionActingAs, SubjectRefs } from '@tongban/identity';
import { cityOf, isRegionCode } from '@tongban/regions';
import { PointsAllotment } from './ledger.types';
import { PointsAllotmentRepository } from './points-allotment.repository';
import { SubjectRepository } from './subject.repository';
import { SubjectService } from './subject.service';

export interface PointsAllotmentCommand {
  subjectRef: string;
  serviceCode: string;
  points: number;
  decisionRef: string;
  decidedOn: string;
}

export interface PointsAllotmentView extends PointsAllotment {
  subjectRef: string;
  /** the handoff the decision caused, or null when the service stays (another condition unmet, already held, or a rejection resting) */
  handoffId: string | null;
}

/** A decision is recorded within a year of it (a school year's allotment), never ahead. */
const DECISION_LOOKBACK_MONTHS = 12;

/**
 * Points-allotted services (积分入学, 积分入住 …) are never moved by the ledger on its own: the residence
 * city records its decision that the person meets its points condition (seed 000 八: tiered supply by
 * points), and the ledger proposes the handoff citing it — or, when another condition (years) is not
 * yet met, when that one is. The hukou region may object to the proposal as to any other.
 */
@Injectable()
export class PointsAllotmentService {
  constructor(
    private readonly db: Database,
    private readonly allotments: PointsAllotmentRepository,
    private readonly subjects: SubjectRepository,
    private readonly subjectService: SubjectService,
    private readonly catalogue: ServiceCatalogue,
    private readonly policies: CityPolicies,
    private readonly refs: SubjectRefs,
    private readonly clock: ChinaClock,
  ) {}

  async allot(cmd: PointsAllotmentCommand, actor: Actor): Promise<PointsAllotmentView> {
    this.refs.parseRef(cmd.subjectRef);
    const item = this.catalogue.get(cmd.serviceCode);
    const region = regionActingAs(actor, item.agency, `allotting ${item.code} by points`);
    const today = this.clock.today();
    assertDateWithin(
      '/body/decidedOn',
      cmd.decidedOn,
      { notBefore: addMonths(today, -DECISION_LOOKBACK_MONTHS), notAfter: today },
      'a points decision is recorded within a year of it, never ahead',
    );
    const city = (isRegionCode(region) && cityOf(region)) || region;
    const threshold = this.policies.conditionsFor(city, item.code).find((c) => c.kind === 'points');
    return this.db.tx(async () => {
      const facts = await this.subjects.lock(cmd.subjectRef);
      if (!facts || !(await this.subjects.isRelated(cmd.subjectRef, region)))
        throw new DomainError(ErrorCode.NotFound, 'no such person in the ledger');
      if (facts.residenceCity !== city)
        throw new DomainError(ErrorCode.Forbidden, "only the city of the person's active residence permit allots its services by points");
      if (threshold?.kind !== 'points')
        throw new DomainError(ErrorCode.ValidationFailed, `serviceCode: ${city} sets no points condition for ${item.code}`, {
          errors: [{ field: '/body/serviceCode', message: `${city}'s policy has no points condition for this service` }],
        });
      if (cmd.points < threshold.threshold)
        throw new DomainError(ErrorCode.ValidationFailed, `points: ${city}'s threshold for ${item.code} is ${threshold.threshold}`, {
          errors: [{ field: '/body/points', message: `below the threshold ${threshold.threshold}` }],
        });
      const allotment: PointsAllotment = {
        allotmentId: randomUUID(),
        serviceCode: item.code,
        region: city,
        points: cmd.points,
        decisionRef: cmd.decisionRef,
        decidedOn: cmd.decidedOn,
      };
      if (!(await this.allotments.insert(cmd.subjectRef, allotment, actor)))
        throw new DomainError(ErrorCode.Conflict, `${city} already allotted ${item.code} to the person`, { reason: 'already-allotted' });
      const scheme = threshold.scheme ? ` ${threshold.scheme}` : '';
      const proposed = await this.subjectService.apply(
        { ...facts, allotments: [...(facts.allotments ?? []), allotment] },
        { reason: `points decision ${cmd.decisionRef} of ${city}${scheme}: ${cmd.points} points ≥ ${threshold.threshold}` },
        actor,
      );
      const handoff = proposed.find((h) => h.serviceCode === item.code);
      return { ...allotment, subjectRef: cmd.subjectRef, handoffId: handoff?.handoffId ?? null };
    });
  }
}
