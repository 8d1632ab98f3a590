import { DomainError, ErrorCode } from '@tongban/errors';
import { isWithin } from '@tongban/regions';

/**
 * Port: the person's hukou region, from the domain that knows it (the responsibility ledger, where the hukou
 * region's public security registers people and states hukou moves). Bound by the app that runs transfer
 * commands; this library never reads another domain itself.
 */
export abstract class HukouRegionSource {
  /** The hukou region the ledger records for the person now, or undefined for a person it does not know. */
  abstract hukouRegionOf(subjectRef: string): Promise<string | undefined>;
}

/**
 * The hukou region a pension transfer uses (the collection place, 国办发〔2009〕66号 Art. 6): the ledger's. A
 * caller may send its own value only as a claim, which must be the ledger's region or an area containing it
 * (360100 for a ledger hukou of 360102), never a different place. A person the ledger does not know is refused:
 * only the hukou region's public security states a hukou, not the inbound social-insurance agency.
 */
export function hukouRegionFor(ledger: string | undefined, claim: string | undefined): string {
  if (ledger === undefined) {
    throw new DomainError(
      ErrorCode.RuleViolated,
      "the person's hukou region is not known to the responsibility ledger, so the collection place (国办发〔2009〕66号 " +
        "Art. 6) cannot be determined; the hukou region's public security registers the person first (POST /v1/subjects)",
      { reason: 'hukou-region-unknown' },
    );
  }
  if (claim !== undefined && !isWithin(ledger, claim)) {
    throw new DomainError(
      ErrorCode.RuleViolated,
      "/body/hukouRegion does not match the person's hukou region in the responsibility ledger; omit it or state a " +
        'hukou move (POST /v1/hukou-moves) if it changed',
      { field: '/body/hukouRegion', reason: 'hukou-region-mismatch' },
    );
  }
  return ledger;
}
