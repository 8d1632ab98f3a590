import { Injectable } from '@nestjs/common';
import { SubjectService } from '@tongban/ledger';
import { HukouRegionSource } from '@tongban/social-insurance';

/** The transfer commands' hukou region, from the responsibility ledger (the gateway composes both domains). */
@Injectable()
export class LedgerHukouRegions extends HukouRegionSource {
  constructor(private readonly subjects: SubjectService) {
    super();
  }

  hukouRegionOf(subjectRef: string): Promise<string | undefined> {
    return this.subjects.hukouRegionOf(subjectRef);
  }
}
