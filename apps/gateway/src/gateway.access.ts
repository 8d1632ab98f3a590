import type { AccessMatrix, Grantee } from '@tongban/http';
import { AgencyKind, agencyKinds } from '@tongban/identity';

const ANY_AGENCY: readonly AgencyKind[] = agencyKinds();
/** Agencies that provide catalogue services (claims, handoffs, reconciliations); which service is theirs is checked per item. */
const SERVICE_PROVIDERS: readonly AgencyKind[] = ANY_AGENCY.filter((k) => k !== 'public-security');
const PUBLIC_SECURITY: readonly AgencyKind[] = ['public-security'];
/** The two agencies of social insurance: 人社 (pension, unemployment, work injury) and 医保 (medical insurance). */
const INSURANCE: readonly AgencyKind[] = ['human-resources', 'healthcare-security'];
/** Authors of the facts that move responsibility: hukou (public security) and insured regions (per branch). */
const FACT_AUTHORS: readonly AgencyKind[] = ['public-security', ...INSURANCE];
const MEDICAL: readonly AgencyKind[] = ['healthcare-security'];
const OPERATOR: readonly Grantee[] = ['operator'];
const and = (agencies: readonly AgencyKind[], ...others: readonly Grantee[]): readonly Grantee[] => [...agencies, ...others];

/**
 * Who may call what: the gateway's authorisation matrix, written once. `grants` (agency kinds of a
 * region, or operators) is enforced by the AuthGuard for every operation of the OpenAPI document (an
 * operation missing here stops start-up); `who` is the resource-level rule the domain service
 * enforces — a region without a relationship to the person or resource gets 404, never a hint that it
 * exists. docs/ACCESS.md is rendered from this table.
 */
export const GATEWAY_ACCESS: AccessMatrix = {
  getLiveness: { grants: 'public', who: 'anyone (liveness probe)' },
  getReadiness: { grants: 'public', who: 'anyone (readiness probe)' },
  getMetrics: { grants: 'public', who: 'the monitoring network (network policy)' },

  issueResidencePermit: { grants: PUBLIC_SECURITY, who: 'the city of residence named in the body (= the caller)' },
  getResidencePermit: { grants: ANY_AGENCY, who: 'the issuing city and the hukou region' },
  endorseResidencePermit: { grants: PUBLIC_SECURITY, who: 'the issuing city' },
  renewResidencePermit: { grants: PUBLIC_SECURITY, who: 'the issuing city' },
  cancelResidencePermit: { grants: PUBLIC_SECURITY, who: 'the issuing city' },
  getResidenceHistory: { grants: ANY_AGENCY, who: 'the cities that issued the person a permit and the hukou region' },
  convertPoints: {
    grants: ANY_AGENCY,
    who: 'the source or the target city; with a subjectRef only a city that issued the person a permit or the hukou region',
  },

  registerSubject: { grants: PUBLIC_SECURITY, who: 'the hukou region named in the body (= the caller)' },
  getSubjectResponsibilities: {
    grants: and(ANY_AGENCY, 'operator'),
    who: 'regions related to the person (hukou, residence, insured, holders, parties to open handoffs and fact changes); operators',
  },
  reportHukouMove: {
    grants: PUBLIC_SECURITY,
    who: 'the new hukou region (= the caller); provisional until the old hukou region consents or its objection window lapses',
  },
  reportInsuredRegionChange: {
    grants: INSURANCE,
    who: "the new insured region's agency of that branch (= the caller; 医保 for medical, 人社 for the others); provisional until the previous region consents or its objection window lapses",
  },
  getFactChange: { grants: and(FACT_AUTHORS, 'operator'), who: 'the stating and the releasing region; operators' },
  consentToFactChange: { grants: FACT_AUTHORS, who: "the releasing region's agency competent for the fact" },
  objectToFactChange: { grants: FACT_AUTHORS, who: "the releasing region's agency competent for the fact" },
  decideFactChange: { grants: OPERATOR, who: 'operators, on a disputed fact change' },
  getHandoff: { grants: and(ANY_AGENCY, 'operator'), who: 'the releasing and the receiving region; operators' },
  acceptHandoff: { grants: SERVICE_PROVIDERS, who: "the receiving region's agency providing the service" },
  rejectHandoff: { grants: SERVICE_PROVIDERS, who: "the receiving region's agency providing the service" },
  objectToHandoff: { grants: SERVICE_PROVIDERS, who: "the releasing region's agency providing the service" },
  decideHandoff: { grants: OPERATOR, who: 'operators, on a disputed or escalated proposal' },
  getHandoffCase: { grants: and(ANY_AGENCY, 'operator'), who: 'the releasing and the receiving region; operators' },
  acceptHandoffCase: { grants: SERVICE_PROVIDERS, who: "the receiving region's agencies, each for the services it provides" },
  rejectHandoffCase: { grants: SERVICE_PROVIDERS, who: "the receiving region's agencies, each for the services it provides" },
  objectToHandoffCase: { grants: SERVICE_PROVIDERS, who: "the releasing region's agencies, each for the services it provides" },
  allotByPoints: {
    grants: SERVICE_PROVIDERS,
    who: "the residence city's agency providing the service, for a person whose active permit is of that city",
  },
  openEntitlement: {
    grants: SERVICE_PROVIDERS,
    who: "the agency providing the service, of the region holding it at the start of the entitlement's first period",
  },
  claimProvision: {
    grants: SERVICE_PROVIDERS,
    who: 'the agency providing the service, of the region holding it at the start of the period claimed (or the treatment region named in a bill key, or the place of the emergency named in the key)',
  },
  uploadReconciliation: { grants: SERVICE_PROVIDERS, who: 'any providing agency, for its own provision records' },
  getReconciliation: { grants: and(SERVICE_PROVIDERS, 'operator'), who: 'the uploading agency of the uploading region; operators' },
  listReconciliationItems: { grants: and(SERVICE_PROVIDERS, 'operator'), who: 'the uploading agency of the uploading region; operators' },

  listSocialInsuranceTransfers: {
    grants: and(INSURANCE, 'operator'),
    who: "a region's agency sees the transfers of its insurance type it is party to; operators see all",
  },
  requestSocialInsuranceTransfer: {
    grants: INSURANCE,
    who: 'the inbound region (= the caller): 人社 for pension, 医保 for medical insurance',
  },
  getSocialInsuranceTransfer: {
    grants: and(INSURANCE, 'operator'),
    who: 'the inbound and the outbound region (the agency of the insurance type); operators',
  },
  issueTransferContactLetter: {
    grants: INSURANCE,
    who: 'the inbound region (the agency of the insurance type), after reviewing the pension application',
  },
  submitTransferCertificate: { grants: INSURANCE, who: 'the outbound region (the agency of the insurance type)' },
  confirmTransferRemittance: { grants: INSURANCE, who: 'the outbound region (the agency of the insurance type)' },
  confirmTransferReceipt: { grants: INSURANCE, who: 'the inbound region (the agency of the insurance type)' },
  refuseSocialInsuranceTransfer: { grants: INSURANCE, who: 'the region whose step it is (the agency of the insurance type)' },
  cancelSocialInsuranceTransfer: { grants: INSURANCE, who: 'the inbound region (the requester), before remittance' },

  registerMedicalFiling: { grants: MEDICAL, who: "the person's insured region for medical insurance in the ledger (= the caller)" },
  getMedicalFiling: { grants: and(MEDICAL, 'operator'), who: 'the insured and the treatment region (or their provinces); operators' },
  cancelMedicalFiling: { grants: MEDICAL, who: "the region that registered it, or the person's insured region in the ledger" },
  recordMedicalSettlement: {
    grants: MEDICAL,
    who: 'the treatment region (= the caller), for a person insured (in the ledger) in the named region, under a covering filing',
  },
  getMedicalClearing: { grants: and(MEDICAL, 'operator'), who: "the statements of the caller's province; operators see all" },
  confirmMedicalStatement: { grants: MEDICAL, who: 'the insured or the treatment province of the statement' },
  disputeMedicalStatementLines: { grants: MEDICAL, who: 'the insured or the treatment province of the statement' },

  verifyAuditChain: { grants: OPERATOR, who: 'operators' },
  listDeadLetters: { grants: OPERATOR, who: 'operators' },
  replayAllDeadLetters: { grants: OPERATOR, who: 'operators' },
  replayDeadLetter: { grants: OPERATOR, who: 'operators' },
  listOperatorQueues: { grants: OPERATOR, who: 'operators' },
  listOperatorQueueItems: { grants: OPERATOR, who: 'operators' },
  searchOperatorItems: { grants: OPERATOR, who: 'operators' },
  getOperatorItem: { grants: OPERATOR, who: 'operators' },
  decideOperatorItem: { grants: OPERATOR, who: 'operators' },
  getKafkaHealth: { grants: OPERATOR, who: 'operators' },
  listLedgerGaps: { grants: OPERATOR, who: 'operators' },
  getCatalogue: { grants: and(ANY_AGENCY, 'operator'), who: 'any region and operators (the catalogue and city policies are public rules)' },
  listCatalogueVersions: { grants: OPERATOR, who: 'operators' },
  publishCatalogueVersion: { grants: OPERATOR, who: 'operators; validated at submission, audited, effective from its day' },
  publishCityPolicyVersion: {
    grants: OPERATOR,
    who: 'operators, for the cities (一城一策); validated at submission (000-八 refusals name the clause), audited, effective from its day',
  },
  listHandoffsForOperators: { grants: OPERATOR, who: 'operators' },
};
