import type { AccessMatrix } from '@tongban/http';

/**
 * Who may call what: the gateway's authorisation matrix, written once. `roles` is enforced by the
 * AuthGuard for every operation of the OpenAPI document (an operation missing here stops start-up);
 * `who` is the resource-level rule the domain service enforces — a region without a relationship to
 * the resource gets 404, never a hint that it exists. docs/ACCESS.md is rendered from this table.
 */
export const GATEWAY_ACCESS: AccessMatrix = {
  getLiveness: { roles: 'public', who: 'anyone (liveness probe)' },
  getReadiness: { roles: 'public', who: 'anyone (readiness probe)' },
  getMetrics: { roles: 'public', who: 'the monitoring network (network policy)' },

  issueResidencePermit: { roles: ['region'], who: 'the city of residence named in the body (= the caller)' },
  getResidencePermit: { roles: ['region'], who: 'the issuing city and the hukou region' },
  endorseResidencePermit: { roles: ['region'], who: 'the issuing city' },
  renewResidencePermit: { roles: ['region'], who: 'the issuing city' },
  cancelResidencePermit: { roles: ['region'], who: 'the issuing city' },
  getResidenceHistory: { roles: ['region'], who: 'the cities that issued the person a permit and the hukou region' },
  convertPoints: { roles: ['region'], who: 'the source or the target city of the conversion' },

  registerSubject: { roles: ['region'], who: 'the hukou region named in the body (= the caller)' },
  getSubjectResponsibilities: { roles: ['region', 'operator'], who: 'regions related to the person (hukou, residence, holders, handoff parties); operators' },
  reportHukouMove: { roles: ['region'], who: 'the new hukou region (= the caller)' },
  reportEmploymentChange: { roles: ['region'], who: 'the new employment/insured region (= the caller)' },
  getHandoff: { roles: ['region', 'operator'], who: 'the releasing and the receiving region; operators' },
  acceptHandoff: { roles: ['region'], who: 'the receiving region' },
  rejectHandoff: { roles: ['region'], who: 'the receiving region' },
  objectToHandoff: { roles: ['region'], who: 'the releasing region' },
  claimProvision: { roles: ['region'], who: 'the region responsible for the service at that moment (or the place of treatment/emergency)' },
  uploadReconciliation: { roles: ['region'], who: 'any region, for its own provision records' },
  getReconciliation: { roles: ['region'], who: 'the uploading region' },
  listReconciliationItems: { roles: ['region'], who: 'the uploading region' },

  listSocialInsuranceTransfers: { roles: ['region', 'operator'], who: 'a region sees the transfers it is party to; operators see all' },
  requestSocialInsuranceTransfer: { roles: ['region'], who: 'the inbound region (= the caller)' },
  getSocialInsuranceTransfer: { roles: ['region', 'operator'], who: 'the inbound and the outbound region; operators' },
  submitTransferCertificate: { roles: ['region'], who: 'the outbound region' },
  confirmTransferRemittance: { roles: ['region'], who: 'the outbound region' },
  confirmTransferReceipt: { roles: ['region'], who: 'the inbound region' },
  refuseSocialInsuranceTransfer: { roles: ['region'], who: 'the region whose step it is' },
  cancelSocialInsuranceTransfer: { roles: ['region'], who: 'the inbound region (the requester), before remittance' },

  registerMedicalFiling: { roles: ['region'], who: 'the insured region (= the caller)' },
  getMedicalFiling: { roles: ['region', 'operator'], who: 'the insured and the treatment region (or their provinces); operators' },
  cancelMedicalFiling: { roles: ['region'], who: 'the insured region that registered it' },
  recordMedicalSettlement: { roles: ['region'], who: 'the treatment region (= the caller), under a covering filing' },
  getMedicalClearing: { roles: ['region', 'operator'], who: "the statements of the caller's province; operators see all" },
  confirmMedicalStatement: { roles: ['region'], who: 'the insured or the treatment province of the statement' },
  disputeMedicalStatementLines: { roles: ['region'], who: 'the insured or the treatment province of the statement' },

  verifyAuditChain: { roles: ['operator'], who: 'operators' },
  listDeadLetters: { roles: ['operator'], who: 'operators' },
  replayAllDeadLetters: { roles: ['operator'], who: 'operators' },
  replayDeadLetter: { roles: ['operator'], who: 'operators' },
  listOperatorQueues: { roles: ['operator'], who: 'operators' },
  listOperatorQueueItems: { roles: ['operator'], who: 'operators' },
  getOperatorItem: { roles: ['operator'], who: 'operators' },
  decideOperatorItem: { roles: ['operator'], who: 'operators' },
  getKafkaHealth: { roles: ['operator'], who: 'operators' },
  listLedgerGaps: { roles: ['operator'], who: 'operators' },
  listHandoffsForOperators: { roles: ['operator'], who: 'operators' },
};
