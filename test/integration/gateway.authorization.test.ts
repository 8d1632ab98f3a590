import { ContractValidator, loadContract } from '@tongban/http';
import { ClearingJob, MEDICAL_SCHEMA } from '@tongban/medical';
import { CONSUMER_GROUPS } from '@tongban/messaging';
import { GATEWAY_ACCESS } from '../../apps/gateway/src/gateway.access';
import { GATEWAY_SCHEMA, GatewayModule } from '../../apps/gateway/src/gateway.module';
import { MedicalSettlementModule } from '../../apps/medical-settlement/src/medical-settlement.module';
import { ResidencePermitModule } from '../../apps/residence-permit/src/residence-permit.module';
import { RESIDENCE_SCHEMA } from '@tongban/residence';
import { agencyKinds, AgencyKind } from '@tongban/identity';
import { Suite } from '../harness/suite';
import { call, CallResult, OPERATOR, token } from '../harness/http';
import { eventually } from '../harness/eventually';
import { guangzhouPermit, newCitizenId } from '../harness/fixtures';
import { registerPerson } from '../harness/ledger-steps';

type Json = Record<string, unknown>;

/** 广州 issues permits and treats; 南昌 is the hukou and insured region; 成都 has nothing to do with either. */
const CITY = '440100';
const HUKOU = '360100';
const STRANGER = '510100';

const TODAY = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const MONTH = TODAY.slice(0, 7);

interface Fixtures {
  permitId: string;
  subjectRef: string;
  handoffId: string;
  changeId: string;
  insuredCitizenId: string;
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
const STRANGER_CASES: Record<string, { path?: (f: Fixtures) => Json; body?: (f: Fixtures) => unknown; agency?: AgencyKind; expect: number | string }> = {
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
  reportInsuredRegionChange: { body: (f) => ({ citizenId: f.insuredCitizenId, branch: 'pension', insuredRegion: CITY, since: TODAY }), expect: 403 },
  getFactChange: { path: (f) => ({ changeId: f.changeId }), expect: 404 },
  consentToFactChange: { path: (f) => ({ changeId: f.changeId }), expect: 404 },
  objectToFactChange: { path: (f) => ({ changeId: f.changeId }), body: () => ({ reason: 'no' }), expect: 404 },
  getHandoff: { path: (f) => ({ handoffId: f.handoffId }), expect: 404 },
  acceptHandoff: { path: (f) => ({ handoffId: f.handoffId }), body: () => ({ effectiveFrom: TODAY }), expect: 404 },
  rejectHandoff: { path: (f) => ({ handoffId: f.handoffId }), body: () => ({ reason: 'no' }), expect: 404 },
  objectToHandoff: { path: (f) => ({ handoffId: f.handoffId }), body: () => ({ reason: 'no' }), expect: 404 },
  claimProvision: { body: (f) => ({ subjectRef: f.subjectRef, serviceCode: 'edu.compulsory', periodKey: `${TODAY.slice(0, 4)}-autumn` }), agency: 'education', expect: 404 },
  uploadReconciliation: { expect: 'a region reconciles its own records' },
  getReconciliation: { path: (f) => ({ reconciliationId: f.reconciliationId }), expect: 404 },
  listReconciliationItems: { path: (f) => ({ reconciliationId: f.reconciliationId }), expect: 404 },
  listSocialInsuranceTransfers: { expect: 'scoped list: checked below to exclude other regions' },
  requestSocialInsuranceTransfer: { expect: 'the caller is the inbound region by definition' },
  getSocialInsuranceTransfer: { path: (f) => ({ transferId: f.transferId }), expect: 404 },
  submitTransferCertificate: { path: (f) => ({ transferId: f.transferId }), body: () => ({ months: [{ month: '2020-01', baseFen: 500000 }], accountBalanceFen: 1 }), expect: 404 },
  confirmTransferRemittance: { path: (f) => ({ transferId: f.transferId }), body: () => ({ amountFen: 1, remittedOn: TODAY, reference: 'R1' }), expect: 404 },
  confirmTransferReceipt: { path: (f) => ({ transferId: f.transferId }), body: () => ({ amountFen: 1, receivedOn: TODAY }), expect: 404 },
  refuseSocialInsuranceTransfer: { path: (f) => ({ transferId: f.transferId }), body: () => ({ reason: 'no' }), expect: 404 },
  cancelSocialInsuranceTransfer: { path: (f) => ({ transferId: f.transferId }), body: () => ({ reason: 'no' }), expect: 404 },
  registerMedicalFiling: { body: (f) => ({ citizenId: f.insuredCitizenId, category: 'long-term-resident', treatmentRegion: CITY, validFrom: `${MONTH}-01` }), expect: 403 },
  getMedicalFiling: { path: (f) => ({ filingId: f.filingId }), expect: 404 },
  cancelMedicalFiling: { path: (f) => ({ filingId: f.filingId }), body: () => ({ reason: 'no' }), expect: 404 },
  recordMedicalSettlement: { expect: 'the caller is the treatment region by definition; without a covering filing it is refused (medical tests)' },
  getMedicalClearing: { expect: "scoped list: checked below to exclude other provinces' statements" },
  confirmMedicalStatement: { path: (f) => ({ month: MONTH, statementId: f.statementId }), expect: 404 },
  disputeMedicalStatementLines: {
    path: (f) => ({ month: MONTH, statementId: f.statementId }),
    body: () => ({ lines: [{ lineId: '00000000-0000-4000-8000-000000000000', reason: 'no' }] }),
    expect: 404,
  },
};

function fill(path: string, params: Json = {}): string {
  return path.replace(/\{([A-Za-z]+)\}/g, (_, name: string) => encodeURIComponent(String(params[name] ?? 'x0000000')));
}

describe('authorisation: every operation, wrong roles and strangers (real PostgreSQL and Kafka)', () => {
  let suite: Suite;
  let gateway: string;
  let fixtures: Fixtures;
  const operations = loadContract().operations;

  const post = (path: string, region: string, agency: AgencyKind, body: unknown): Promise<CallResult<Json>> => call<Json>(gateway, 'POST', path, { token: token(region, agency), body });
  /** The agency a stranger calls an operation with: the case's, else the first kind the matrix grants it. */
  const strangerAgency = (operationId: string): AgencyKind => {
    const grants = GATEWAY_ACCESS[operationId].grants;
    return STRANGER_CASES[operationId]?.agency ?? ((grants === 'public' ? [] : grants).find((g) => g !== 'operator') as AgencyKind);
  };

  beforeAll(async () => {
    suite = await Suite.create('authz');
    const running = await suite.start({ name: 'gateway', module: GatewayModule, consumer: { ...CONSUMER_GROUPS.ledger, inboxSchema: GATEWAY_SCHEMA } });
    gateway = running.url;
    expect(running.app.get(ContractValidator).contract.operations.length).toBe(operations.length);
    // the residence-permit app relays permit events to the ledger, which proposes the handoffs
    await suite.start({ name: 'residence-permit', module: ResidencePermitModule, consumer: { ...CONSUMER_GROUPS.residencePermit, inboxSchema: RESIDENCE_SCHEMA } });
    const medical = await suite.start({ name: 'medical-settlement', module: MedicalSettlementModule, consumer: { ...CONSUMER_GROUPS.medicalSettlement, inboxSchema: MEDICAL_SCHEMA } });

    const permit = await post('/v1/residence-permits', CITY, 'public-security', guangzhouPermit(newCitizenId()));
    expect(permit.status).toBe(201);
    const subjectRef = String(permit.body.subjectRef);
    const pendingOf = async (): Promise<Array<{ handoffId: string }>> =>
      (await call<{ pendingHandoffs?: Array<{ handoffId: string }> }>(gateway, 'GET', `/v1/subjects/${subjectRef}/responsibilities`, { token: token(HUKOU, 'civil-affairs') })).body
        ?.pendingHandoffs ?? [];
    const handoffId = (await eventually(pendingOf, (p) => p.length > 0, 'a handoff proposed for the permit'))[0].handoffId;
    const transfer = await post('/v1/social-insurance/transfers', CITY, 'human-resources', { citizenId: newCitizenId(), insuranceType: 'pension', outboundRegion: HUKOU, hukouRegion: HUKOU });
    expect(transfer.status).toBe(202);
    const insured = (await registerPerson(gateway, HUKOU)).citizenId;
    const change = await post('/v1/hukou-moves', CITY, 'public-security', { citizenId: insured, hukouRegion: CITY, movedOn: TODAY });
    expect(change.status).toBe(202);
    const filing = await post('/v1/medical/filings', HUKOU, 'healthcare-security', { citizenId: insured, category: 'long-term-resident', treatmentRegion: CITY, validFrom: `${MONTH}-01` });
    expect(filing.status).toBe(201);
    const settlement = await post('/v1/medical/settlements', CITY, 'healthcare-security', {
      settlementId: `AUTHZ-${Date.now()}`,
      hospitalCode: 'H44010000001',
      citizenId: insured,
      insuredRegion: HUKOU,
      admissionDate: `${MONTH}-01`,
      dischargeDate: `${MONTH}-01`,
      totalFen: 300,
      fundPaidFen: 200,
      selfPaidFen: 100,
    });
    expect(settlement.status).toBe(201);
    await medical.app.get(ClearingJob).run(MONTH);
    const clearing = await call<{ statements: Array<{ statementId: string }> }>(gateway, 'GET', `/v1/medical/clearings/${MONTH}`, { token: token(HUKOU, 'healthcare-security') });
    expect(clearing.body.statements.length).toBeGreaterThan(0);
    const upload = await call<Json>(gateway, 'POST', '/v1/reconciliations', {
      token: token(CITY, 'education'),
      rawBody: `${JSON.stringify({ subjectRef, serviceCode: 'edu.compulsory', periodKey: `${TODAY.slice(0, 4)}-autumn` })}\n`,
      headers: { 'content-type': 'application/x-ndjson' },
    });
    expect(upload.status).toBe(202);
    fixtures = {
      permitId: String(permit.body.permitId),
      subjectRef,
      handoffId,
      changeId: String(change.body.changeId),
      insuredCitizenId: insured,
      transferId: String(transfer.body.transferId),
      filingId: String(filing.body.filingId),
      statementId: clearing.body.statements[0].statementId,
      reconciliationId: String(upload.body.reconciliationId),
    };
  });
  afterAll(() => suite.stop());

  it('has a stranger case for every operation of the contract open to regions', () => {
    const operatorOnly = (id: string): boolean => {
      const grants = GATEWAY_ACCESS[id].grants;
      return grants !== 'public' && grants.every((g) => g === 'operator');
    };
    expect(Object.keys(STRANGER_CASES).sort()).toEqual(operations.map((o) => o.operationId).filter((id) => !operatorOnly(id)).sort());
  });

  it('refuses every operation to each agency kind (and operators) the matrix does not grant it, with 403, before any other check', async () => {
    const refused: string[] = [];
    for (const op of operations) {
      const grants = GATEWAY_ACCESS[op.operationId].grants;
      if (grants === 'public') continue;
      for (const grantee of [...agencyKinds(), 'operator' as const]) {
        if (grants.includes(grantee)) continue;
        const credential = grantee === 'operator' ? OPERATOR : token(STRANGER, grantee);
        const res = await call<Json>(gateway, op.method, fill(op.path), { token: credential, body: op.method === 'POST' ? {} : undefined });
        expect([op.operationId, grantee, res.status, res.body?.code]).toEqual([op.operationId, grantee, 403, 'forbidden']);
        refused.push(`${op.operationId}:${grantee}`);
      }
    }
    expect(refused.length).toBeGreaterThan(300);
  });

  it("answers a stranger region on other regions' resources with 404 (or 403 when it names another region as actor), changing nothing", async () => {
    const before = await suite.db.one<Json>(
      `SELECT (SELECT count(*) FROM gateway.audit_log) AS audit, (SELECT count(*) FROM residence.outbox) + (SELECT count(*) FROM ledger.outbox)
              + (SELECT count(*) FROM social_insurance.outbox) + (SELECT count(*) FROM medical.outbox) AS events`,
    );
    for (const op of operations) {
      const c = STRANGER_CASES[op.operationId];
      if (!c || typeof c.expect !== 'number') continue; // operator-only or a legitimate stranger call
      const res = await call<Json>(gateway, op.method, fill(op.path, c.path?.(fixtures)), { token: token(STRANGER, strangerAgency(op.operationId)), body: c.body?.(fixtures) });
      expect([op.operationId, res.status]).toEqual([op.operationId, c.expect]);
      const { instance: _echoedPath, ...answer } = res.body;
      expect(JSON.stringify(answer)).not.toContain(fixtures.subjectRef.slice(3));
    }
    const after = await suite.db.one<Json>(
      `SELECT (SELECT count(*) FROM gateway.audit_log) AS audit, (SELECT count(*) FROM residence.outbox) + (SELECT count(*) FROM ledger.outbox)
              + (SELECT count(*) FROM social_insurance.outbox) + (SELECT count(*) FROM medical.outbox) AS events`,
    );
    expect(after).toEqual(before);
  });

  it('shows a stranger only its own transfers and statements in scoped lists', async () => {
    const transfers = await call<{ items: Json[] }>(gateway, 'GET', '/v1/social-insurance/transfers', { token: token(STRANGER, 'human-resources') });
    expect(transfers.status).toBe(200);
    expect(transfers.body.items.map((t) => t.transferId)).not.toContain(fixtures.transferId);
    const clearing = await call<{ statements: Json[] }>(gateway, 'GET', `/v1/medical/clearings/${MONTH}`, { token: token(STRANGER, 'healthcare-security') });
    expect(clearing.status).toBe(200);
    expect(clearing.body.statements.map((s) => s.statementId)).not.toContain(fixtures.statementId);
  });
});
