import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '@tongban/errors';
import { PermitRepository } from './permit.repository';
import { loadRecognitionGroups, RecognitionGroups } from './recognition-groups.loader';
import { shanghaiToday } from './residence.dates';
import { ResidenceHistory, residenceHistory } from './residence-history.rules';
import { Permit } from './residence.types';

/** The residence history of a person, for the regions related to the person. */
@Injectable()
export class ResidenceHistoryService {
  readonly groups: RecognitionGroups = loadRecognitionGroups();

  constructor(private readonly permits: PermitRepository) {}

  /** 404 unless `region` issued one of the person's permits or is the hukou region of one. */
  async history(subjectRef: string, region: string | null, asOf?: string): Promise<ResidenceHistory> {
    const permits = await this.visiblePermits(subjectRef, region);
    const endorsements = await this.permits.endorsementsOf(permits.map((p) => p.permitId));
    return residenceHistory(subjectRef, permits, endorsements, this.groups, asOf ?? shanghaiToday());
  }

  async visiblePermits(subjectRef: string, region: string | null): Promise<Permit[]> {
    const permits = await this.permits.findBySubject(subjectRef);
    const related = region === null || permits.some((p) => p.residenceCity === region || p.hukouRegion === region);
    if (permits.length === 0 || !related) throw new DomainError(ErrorCode.NotFound, 'no residence history for this person is visible to the calling region');
    return permits;
  }
}
