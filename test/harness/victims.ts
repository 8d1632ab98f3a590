import { chinaDay } from '@tongban/calendar';
import type { ClearingJob } from '@tongban/medical';
import type { AgencyKind } from '@tongban/identity';
import { Period, periodContaining } from '@tongban/ledger';
import { GATEWAY_ACCESS } from '../../apps/gateway/src/gateway.access';
import { call, CallResult, token } from './http';
import { eventually } from './eventually';
import { guangzhouPermit, newCitizenId } from './fixtures';
import { registerPerson } from './ledger-steps';
import { PENSION_CERTIFICATE_EVIDENCE, requestPensionTransfer } from './transfer-steps';

type Json = Record<string, unknown>;

/** 广州 issues permits and treats; 南昌 is the hukou and insured region; 成都 has nothing to do with either. */
export const CITY = '440100';
export const HUKOU = '360100';
export const STRANGER = '510100';

export const TODAY = chinaDay(new Date());
export const MONTH = TODAY.slice(0, 7);
/** the current school term, always inside the claim window */
export const TERM = (periodContaining('school-term', TODAY) as Period).key;

/** The victims' resources: a permit holder of 广州 with 南昌 hukou, and a 南昌 person insured (and filed) in 南昌. */
export interface Fixtures {
  permitId: string;
  /** the permit holder's ID number, for the reproductions that assume a hostile region holds it */
  permitCitizenId: string;
  subjectRef: string;
  handoffId: string;
  /** the case of the permit's handoffs */
  caseId: string;
  changeId: string;
  insuredCitizenId: string;
  insuredSubjectRef: string;
  /** the ledger key of the settled bill (claimed by 广州's direct settlement) */
  billKey: string;
  transferId: string;
  filingId: string;
  statementId: string;
  reconciliationId: string;
}

/**
 * How a region with no relationship to any fixture is answered, per operation, when it calls with an
 * agency kind the matrix admits (`agency`, else the first one granted). Every operation of the contract
 * must be listed (a new endpoint fails this test until it is): `expect` is the status a stranger gets —
 * 404 where a resource or person of other regions is named (no leak of its existence), 403 where the
 * body names another region as the actor or the caller is not the person's insurer — or a reason why a
 * stranger's call is legitimate.
 */
// Operator-only operations need no case: the grant walk refuses them to every agency.
export const STRANGER_CASES: Record<
  string,
  { path?: (f: Fixtures) => Json; body?: (f: Fixtures) => unknown; agency?: AgencyKind; expect: number | string }
> = {
  getLiveness: { expect: 'public' },
  getReadiness: { expect: 'public' },
  getMetrics: { expect: 'public' },
  issueResidencePermit: { body: () => guangzhouPermit(newCitizenId()), expect: 403 },
  getResidencePermit: { path: (f) => ({ permitId: f.permitId }), expect: 404 },
  endorseResidencePermit: { path: (f) => ({ permitId: f.permitId }), body: () => ({ endorsedOn: TODAY }), expect: 404 },
  renewResidencePermit: { path: (f) => ({ permitId: f.permitId }), body: () => ({ validUntil: '2030-01-01' }), expect: 404 },
  cancelResidencePermit: { path: (f) => ({ permitId: f.permitId }), body: () => ({ reason: 'left', effectiveOn: TODAY }), expect: 404 },
  getResidenceHistory: { path: (f) => ({ subjectRef: f.subjectRef }), expect: 404 },
  convertPoints: { body: (f) => ({ subjectRef: f.subjectRef, fromCity: CITY, toCity: '310100' }), expect: 403 },
  registerSubject: { body: () => ({ citizenId: newCitizenId(), hukouRegion: HUKOU }), expect: 403 },
  getSubjectResponsibilities: { path: (f) => ({ subjectRef: f.subjectRef }), expect: 404 },
  reportHukouMove: { body: (f) => ({ citizenId: f.insuredCitizenId, hukouRegion: HUKOU, movedOn: TODAY }), expect: 403 },
  reportInsuredRegionChange: {
    body: (f) => ({ citizenId: f.insuredCitizenId, branch: 'pension', insuredRegion: CITY, since: TODAY }),
    expect: 403,
  },
  getFactChange: { path: (f) => ({ changeId: f.changeId }), expect: 404 },
  consentToFactChange: { path: (f) => ({ changeId: f.changeId }), expect: 404 },
  objectToFactChange: { path: (f) => ({ changeId: f.changeId }), body: () => ({ reason: 'no' }), expect: 404 },
  getHandoff: { path: (f) => ({ handoffId: f.handoffId }), expect: 404 },
  acceptHandoff: { path: (f) => ({ handoffId: f.handoffId }), body: () => ({ effectiveFrom: TODAY }), expect: 404 },
  rejectHandoff: { path: (f) => ({ handoffId: f.handoffId }), body: () => ({ reason: 'no' }), expect: 404 },
  objectToHandoff: { path: (f) => ({ handoffId: f.handoffId }), body: () => ({ reason: 'no' }), expect: 404 },
  getHandoffCase: { path: (f) => ({ caseId: f.caseId }), expect: 404 },
  acceptHandoffCase: { path: (f) => ({ caseId: f.caseId }), body: () => ({ effectiveFrom: TODAY }), expect: 404 },
  rejectHandoffCase: { path: (f) => ({ caseId: f.caseId }), body: () => ({ reason: 'no' }), expect: 404 },
  objectToHandoffCase: { path: (f) => ({ caseId: f.caseId }), body: () => ({ reason: 'no' }), expect: 404 },
  claimProvision: {
    body: (f) => ({ subjectRef: f.subjectRef, serviceCode: 'edu.compulsory', periodKey: TERM }),
    agency: 'education',
    expect: 404,
  },
  allotByPoints: {
    body: (f) => ({ subjectRef: f.subjectRef, serviceCode: 'edu.compulsory', points: 99, decisionRef: 'D-1', decidedOn: TODAY }),
    agency: 'education',
    expect: 404,
  },
  openEntitlement: {
    body: (f) => ({ subjectRef: f.subjectRef, serviceCode: 'assist.minimum-living', sincePeriod: MONTH }),
    agency: 'civil-affairs',
    expect: 404,
  },
  uploadReconciliation: { expect: 'a region reconciles its own records' },
  getCatalogue: { expect: 'public rules: every region reads the catalogue and city policies in force' },
  getReconciliation: { path: (f) => ({ reconciliationId: f.reconciliationId }), expect: 404 },
  listReconciliationItems: { path: (f) => ({ reconciliationId: f.reconciliationId }), expect: 404 },
  listSocialInsuranceTransfers: { expect: 'scoped list: checked below to exclude other regions' },
  requestSocialInsuranceTransfer: { expect: 'the caller is the inbound region by definition' },
  getSocialInsuranceTransfer: { path: (f) => ({ transferId: f.transferId }), expect: 404 },
  issueTransferContactLetter: { path: (f) => ({ transferId: f.transferId }), body: () => ({}), expect: 404 },
  submitTransferCertificate: {
    path: (f) => ({ transferId: f.transferId }),
    body: () => ({ months: [{ month: '2020-01', baseFen: 500000 }], accountBalanceFen: 1, evidence: PENSION_CERTIFICATE_EVIDENCE }),
    expect: 404,
  },
  confirmTransferRemittance: {
    path: (f) => ({ transferId: f.transferId }),
    body: () => ({ amountFen: 1, remittedOn: TODAY, reference: 'R1' }),
    expect: 404,
  },
  confirmTransferReceipt: { path: (f) => ({ transferId: f.transferId }), body: () => ({ amountFen: 1, receivedOn: TODAY }), expect: 404 },
  refuseSocialInsuranceTransfer: { path: (f) => ({ transferId: f.transferId }), body: () => ({ reason: 'no' }), expect: 404 },
  cancelSocialInsuranceTransfer: { path: (f) => ({ transferId: f.transferId }), body: () => ({ reason: 'no' }), expect: 404 },
  registerMedicalFiling: {
    body: (f) => ({ citizenId: f.insuredCitizenId, category: 'long-term-resident', treatmentRegion: CITY, validFrom: `${MONTH}-01` }),
    expect: 403,
  },
  getMedicalFiling: { path: (f) => ({ filingId: f.filingId }), expect: 404 },
  cancelMedicalFiling: { path: (f) => ({ filingId: f.filingId }), body: () => ({ reason: 'no' }), expect: 404 },
  recordMedicalSettlement: {
    expect: 'the caller is the treatment region by definition; without a covering filing it is refused (medical tests)',
  },
  getMedicalClearing: { expect: "scoped list: checked below to exclude other provinces' statements" },
  confirmMedicalStatement: { path: (f) => ({ month: MONTH, statementId: f.statementId }), expect: 404 },
  disputeMedicalStatementLines: {
    path: (f) => ({ month: MONTH, statementId: f.statementId }),
    body: () => ({ lines: [{ lineId: '00000000-0000-4000-8000-000000000000', reason: 'no' }] }),
    expect: 404,
  },
};

export function fill(path: string, params: Json = {}): string {
  return path.replace(/\{([A-Za-z]+)\}/g, (_, name: string) => encodeURIComponent(String(params[name] ?? 'x0000000')));
}

/** The agency a stranger calls an operation with: the case's, else the first kind the matrix grants it. */
export function strangerAgency(operationId: string): AgencyKind {
  const grants = GATEWAY_ACCESS[operationId].grants;
  return STRANGER_CASES[operationId]?.agency ?? ((grants === 'public' ? [] : grants).find((g) => g !== 'operator') as AgencyKind);
}

function must(res: CallResult<Json>, status: number): CallResult<Json> {
  if (res.status !== status) throw new Error(`seeding the victims: expected ${status}, got ${res.status} ${JSON.stringify(res.body)}`);
  return res;
}

/**
 * Seeds one resource of every kind, all between 广州 and 南昌 (a permit and its handoffs, a transfer, a
 * provisional hukou move, a filing, a settlement cleared into a statement, a reconciliation), through
 * the gateway, with the residence-permit app relaying so the ledger proposes the permit's handoffs.
 */
export async function seedVictims(gateway: string, clearingJob: ClearingJob): Promise<Fixtures> {
  const post = (path: string, region: string, agency: AgencyKind, body: unknown): Promise<CallResult<Json>> =>
    call<Json>(gateway, 'POST', path, { token: token(region, agency), body });
  const permitCitizenId = newCitizenId();
  const permit = must(await post('/v1/residence-permits', CITY, 'public-security', guangzhouPermit(permitCitizenId)), 201);
  const subjectRef = String(permit.body.subjectRef);
  const pendingOf = async (): Promise<Array<{ handoffId: string; caseId: string }>> =>
    (
      await call<{ pendingHandoffs?: Array<{ handoffId: string; caseId: string }> }>(
        gateway,
        'GET',
        `/v1/subjects/${subjectRef}/responsibilities`,
        {
          token: token(HUKOU, 'civil-affairs'),
        },
      )
    ).body?.pendingHandoffs ?? [];
  const { handoffId, caseId } = (await eventually(pendingOf, (p) => p.length > 0, 'a handoff proposed for the permit'))[0];
  const transfer = must(
    await requestPensionTransfer(gateway, CITY, { citizenId: newCitizenId(), outboundRegion: HUKOU, hukouRegion: HUKOU }),
    200,
  );
  const { citizenId: insured, subjectRef: insuredSubjectRef } = await registerPerson(gateway, HUKOU);
  const settlementId = `AUTHZ-${Date.now()}`;
  const change = must(
    await post('/v1/hukou-moves', CITY, 'public-security', { citizenId: insured, hukouRegion: CITY, movedOn: TODAY }),
    202,
  );
  const filing = must(
    await post('/v1/medical/filings', HUKOU, 'healthcare-security', {
      citizenId: insured,
      category: 'long-term-resident',
      treatmentRegion: CITY,
      validFrom: `${MONTH}-01`,
    }),
    201,
  );
  must(
    await post('/v1/medical/settlements', CITY, 'healthcare-security', {
      settlementId,
      hospitalCode: 'H44010000001',
      citizenId: insured,
      insuredRegion: HUKOU,
      admissionDate: `${MONTH}-01`,
      dischargeDate: `${MONTH}-01`,
      totalFen: 300,
      fundPaidFen: 200,
      selfPaidFen: 100,
    }),
    201,
  );
  await clearingJob.run(MONTH);
  const clearing = await call<{ statements: Array<{ statementId: string }> }>(gateway, 'GET', `/v1/medical/clearings/${MONTH}`, {
    token: token(HUKOU, 'healthcare-security'),
  });
  if (clearing.body.statements.length === 0) throw new Error('the clearing job issued no statement');
  const upload = await call<Json>(gateway, 'POST', '/v1/reconciliations', {
    token: token(CITY, 'education'),
    rawBody: `${JSON.stringify({ subjectRef, serviceCode: 'edu.compulsory', periodKey: TERM })}\n`,
    headers: { 'content-type': 'application/x-ndjson' },
  });
  must(upload, 202);
  return {
    permitId: String(permit.body.permitId),
    permitCitizenId,
    subjectRef,
    handoffId,
    caseId,
    changeId: String(change.body.changeId),
    insuredCitizenId: insured,
    insuredSubjectRef,
    billKey: `bill:${CITY}:${settlementId}`,
    transferId: String(transfer.body.transferId),
    filingId: String(filing.body.filingId),
    statementId: clearing.body.statements[0].statementId,
    reconciliationId: String(upload.body.reconciliationId),
  };
}
