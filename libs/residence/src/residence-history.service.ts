import { Injectable } from '@nestjs/common';
import { assertDateWithin, ChinaClock } from '@tongban/calendar';
import { DomainError, ErrorCode } from '@tongban/errors';
import { PermitRepository } from './permit.repository';
import { permitWindows } from './permit.rules';
import { loadRecognitionGroups, RecognitionGroups } from './recognition-groups.loader';
import { ResidenceHistory, residenceHistory } from './residence-history.rules';
import { Permit } from './residence.types';

/** The residence history of a person, for the regions related to the person. */
@Injectable()
export class ResidenceHistoryService {
  readonly groups: RecognitionGroups = loadRecognitionGroups();

  constructor(
    private readonly permits: PermitRepository,
    private readonly clock: ChinaClock,
  ) {}

  /** 404 unless `region` issued one of the person's permits or is the hukou region of one. */
  async history(subjectRef: string, region: string | null, asOf?: string): Promise<ResidenceHistory> {
    const permits = await this.visiblePermits(subjectRef, region);
    const day = this.measuringDay(asOf, '/query/asOf');
    const endorsements = await this.permits.endorsementsOf(permits.map((p) => p.permitId));
    return residenceHistory(subjectRef, permits, endorsements, this.groups, day);
  }

  /** The day residence is measured on: today by default, otherwise a day within a lifetime back and a validity ahead. */
  measuringDay(asOf: string | undefined, field: string): string {
    const today = this.clock.today();
    if (asOf === undefined) return today;
    assertDateWithin(field, asOf, permitWindows.asOf(today), 'residence is measured within a hundred years back and ten years ahead');
    return asOf;
  }

  async visiblePermits(subjectRef: string, region: string | null): Promise<Permit[]> {
    const permits = await this.permits.findBySubject(subjectRef);
    const related = region === null || permits.some((p) => p.residenceCity === region || p.hukouRegion === region);
    if (permits.length === 0 || !related)
      throw new DomainError(ErrorCode.NotFound, 'no residence history for this person is visible to the calling region');
    return permits;
  }
}
