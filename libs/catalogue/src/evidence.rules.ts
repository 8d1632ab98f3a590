import { DomainError, ErrorCode } from '@tongban/errors';
import { ServiceCatalogue } from './catalogue.model';
import { EvidenceRef, TransferEvidenceStep, TransferType } from './catalogue.types';

/** The clause every evidence refusal names: 国发〔2026〕11号 （十二）, "统一证明材料要求". */
export const EVIDENCE_CLAUSE = '000-十二';

/** A reference is an id or number in the providing region's records: no spaces, no personal data. */
export const EVIDENCE_REFERENCE = /^[A-Za-z0-9][A-Za-z0-9:._/-]{0,99}$/;

/** The kinds in `required` that `refs` does not reference, in the order required. */
export function missingKinds(required: readonly string[], refs: readonly EvidenceRef[]): string[] {
  const given = new Set(refs.map((r) => r.kind));
  return required.filter((kind) => !given.has(kind));
}

/**
 * The evidence kinds a provision of `serviceCode` must reference: those of the catalogue's evidence
 * entry, when it applies — `residence-place` entries only when the provider provides on the person's
 * residence (the residence permit evidences residence, 000-十三; the hukou region, or a region still
 * holding the service on its own records, needs no such proof).
 */
export function requiredServiceEvidence(catalogue: ServiceCatalogue, serviceCode: string, providesOnResidence: boolean): readonly string[] {
  const entry = catalogue.evidenceFor(serviceCode);
  if (entry === undefined) return [];
  if (entry.appliesTo === 'residence-place' && !providesOnResidence) return [];
  return entry.kinds;
}

/** The evidence kinds the request of a transfer step must reference (none when the catalogue names none). */
export function requiredTransferEvidence(catalogue: ServiceCatalogue, type: TransferType, step: TransferEvidenceStep): readonly string[] {
  return catalogue.transferEvidence(type).find((t) => t.step === step)?.kinds ?? [];
}

/**
 * Refuses a request that does not reference every required kind, or whose references are malformed:
 * DomainError(RuleViolated) with rule 'evidence-required', the missing kinds and clause 000-十二, or
 * DomainError(ValidationFailed) naming the malformed reference. `field` is the request's evidence
 * field, e.g. '/body/evidence'; `what` names the request in the message.
 */
export function assertEvidence(required: readonly string[], refs: readonly EvidenceRef[], what: string, field = '/body/evidence'): void {
  refs.forEach((r, i) => {
    if (!EVIDENCE_REFERENCE.test(r.reference)) {
      const message = '1-100 characters of [A-Za-z0-9:._/-], the document id or number in your records';
      throw new DomainError(ErrorCode.ValidationFailed, `reference: ${message}`, {
        errors: [{ field: `${field}/${i}/reference`, message }],
      });
    }
  });
  const missing = missingKinds(required, refs);
  if (missing.length === 0) return;
  const message = `must reference ${missing.map((k) => `a '${k}'`).join(' and ')}`;
  throw new DomainError(
    ErrorCode.RuleViolated,
    `${what} must carry a reference to each required evidence kind (统一证明材料要求, seed 000 clause 十二): missing ${missing.join(', ')}`,
    { rule: 'evidence-required', clause: EVIDENCE_CLAUSE, missing, errors: [{ field, message }] },
  );
}
