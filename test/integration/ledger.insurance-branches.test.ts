import { addDays, chinaDay } from '@tongban/calendar';
import type { AgencyKind } from '@tongban/identity';
import { Suite } from '../harness/suite';
import { call, CallResult, token } from '../harness/http';
import { eventually } from '../harness/eventually';
import { registerPerson } from '../harness/ledger-steps';
import { PENSION_APPLICATION_EVIDENCE, PENSION_CERTIFICATE_EVIDENCE } from '../harness/transfer-steps';
import { GATEWAY_APP } from '../../apps/gateway/src/gateway.app';
import { LEDGER_APP } from '../../apps/ledger/src/ledger.app';

type Json = Record<string, unknown>;
type Pending = Array<{ handoffId: string; serviceCode: string; toRegion: string }>;

const NANCHANG = '360100'; // hukou, and where the person was first insured
const SHANGHAI = '310100'; // B: employee medical insurance (where they worked until retirement)
const GUANGZHOU = '440100'; // A: where the pension is paid (they resettled there)
const TODAY = chinaDay(new Date());
const TOMORROW = addDays(TODAY, 1);
const TRANSFERS = '/v1/social-insurance/transfers';
const PENSION = 'elder.employee-pension';
const EMPLOYEE_MEDICAL = 'med.employee-medical-insurance';

/** Twelve months of 2020 at one base. */
const year2020 = (baseFen: number): Array<{ month: string; baseFen: number }> =>
  Array.from({ length: 12 }, (_, i) => ({ month: `2020-${String(i + 1).padStart(2, '0')}`, baseFen }));

/**
 * Seed 000 （四）: "各地不得将办理职工医保退休人员待遇与在当地按月领取基本养老金绑定". A retiree whose pension is
 * paid in A keeps employee medical insurance in B: each insurance branch has its own insured region, and
 * a completed transfer (REST steps on the gateway, the transfer-completed event over Kafka to the ledger
 * app) moves its own branch's services only.
 */
describe('insurance branches are kept apart: a retiree with the pension in one region and employee medical insurance in another', () => {
  let suite: Suite;
  let gateway: string;

  const agencyOf = (insuranceType: 'pension' | 'medical'): AgencyKind =>
    insuranceType === 'medical' ? 'healthcare-security' : 'human-resources';
  const view = async (subjectRef: string, region = NANCHANG): Promise<Json> =>
    (await call<Json>(gateway, 'GET', `/v1/subjects/${subjectRef}/responsibilities`, { token: token(region, 'human-resources') })).body;
  const holderOf = async (subjectRef: string, serviceCode: string): Promise<string | undefined> =>
    ((await view(subjectRef)).holders as Array<{ serviceCode: string; region: string }>).find((h) => h.serviceCode === serviceCode)?.region;

  /** A transfer walked through its REST steps (a pension's application and contact letter first) by the agencies of its insurance type, to completion. */
  async function transfer(citizenId: string, insuranceType: 'pension' | 'medical', from: string, to: string): Promise<void> {
    const agency = agencyOf(insuranceType);
    const step = async (path: string, region: string, body: Json): Promise<CallResult<Json>> => {
      const res = await call<Json>(gateway, 'POST', `${TRANSFERS}${path}`, { token: token(region, agency), body });
      if (res.status >= 300)
        throw new Error(`${insuranceType} transfer step ${path || 'request'}: ${res.status} ${JSON.stringify(res.body)}`);
      return res;
    };
    const requested = await step('', to, {
      citizenId,
      insuranceType,
      outboundRegion: from,
      ...(insuranceType === 'pension' ? { hukouRegion: NANCHANG, evidence: PENSION_APPLICATION_EVIDENCE } : {}),
    });
    const id = String(requested.body.transferId);
    // a pension application is reviewed by the inbound region, which issues the contact letter (66号 Art. 8)
    if (insuranceType === 'pension') await step(`/${id}/contact-letter`, to, {});
    const certified = await step(`/${id}/certificate`, from, {
      months: year2020(500_000),
      accountBalanceFen: 123_456,
      ...(insuranceType === 'medical' ? { contributionYears: 20 } : { evidence: PENSION_CERTIFICATE_EVIDENCE }),
    });
    const amountFen = (certified.body.funds as { transferFen: number }).transferFen;
    await step(`/${id}/remittance`, from, { amountFen, remittedOn: TODAY, reference: `REF-${id.slice(0, 8)}` });
    const received = await step(`/${id}/receipt`, to, { amountFen, receivedOn: TODAY });
    expect(received.body.state).toBe('completed');
  }

  /** Waits for the ledger app to apply the completed transfer of `branch`, then answers the person's view. */
  async function afterTransfer(subjectRef: string, branch: string, region: string): Promise<Json> {
    await eventually(
      async () => (await view(subjectRef)).insuredRegions as Array<{ branch: string; region: string }>,
      (regions) => regions.some((r) => r.branch === branch && r.region === region),
      `the completed ${branch} transfer to reach the ledger`,
      30000,
    );
    return view(subjectRef);
  }

  async function accept(pending: Pending, serviceCode: string, agency: AgencyKind): Promise<void> {
    const h = pending.find((p) => p.serviceCode === serviceCode) as Pending[number];
    const res = await call(gateway, 'POST', `/v1/handoffs/${h.handoffId}/accept`, {
      token: token(h.toRegion, agency),
      body: { effectiveFrom: TODAY },
    });
    expect(res.status).toBe(200);
  }

  beforeAll(async () => {
    suite = await Suite.create('branches');
    gateway = (await suite.start(GATEWAY_APP)).url;
    await suite.start(LEDGER_APP); // consumes the transfer-completed events the gateway relays
  });
  afterAll(() => suite.stop());

  it('keeps employee medical insurance benefits in 上海 while the pension is paid in 广州', async () => {
    const { citizenId, subjectRef } = await registerPerson(gateway, NANCHANG);

    // employee medical insurance moves 南昌 → 上海: only the medical branch's service is proposed
    await transfer(citizenId, 'medical', NANCHANG, SHANGHAI);
    const medical = await afterTransfer(subjectRef, 'medical', SHANGHAI);
    expect(medical.insuredRegions).toEqual([{ branch: 'medical', region: SHANGHAI, since: TODAY }]);
    expect((medical.pendingHandoffs as Pending).map((h) => [h.serviceCode, h.toRegion])).toEqual([[EMPLOYEE_MEDICAL, SHANGHAI]]);
    await accept(medical.pendingHandoffs as Pending, EMPLOYEE_MEDICAL, 'healthcare-security');

    // the pension moves 南昌 → 广州, where the retiree draws it: only the pension branch's service is proposed
    await transfer(citizenId, 'pension', NANCHANG, GUANGZHOU);
    const pension = await afterTransfer(subjectRef, 'pension', GUANGZHOU);
    expect(pension.insuredRegions).toEqual([
      { branch: 'medical', region: SHANGHAI, since: TODAY },
      { branch: 'pension', region: GUANGZHOU, since: TODAY },
    ]);
    expect((pension.pendingHandoffs as Pending).map((h) => [h.serviceCode, h.toRegion])).toEqual([[PENSION, GUANGZHOU]]);
    await accept(pension.pendingHandoffs as Pending, PENSION, 'human-resources');

    expect(await holderOf(subjectRef, PENSION)).toBe(GUANGZHOU);
    expect(await holderOf(subjectRef, EMPLOYEE_MEDICAL)).toBe(SHANGHAI);
    // branches no transfer touched stay with the hukou region
    expect(await holderOf(subjectRef, 'emp.unemployment-insurance')).toBe(NANCHANG);
    expect(await holderOf(subjectRef, 'emp.work-injury-insurance')).toBe(NANCHANG);
    expect((await view(subjectRef)).pendingHandoffs).toEqual([]);

    // 上海 provides the retiree's employee medical benefits; 广州, paying the pension, does not take them over
    const claim = (region: string): Promise<CallResult<Json>> =>
      call<Json>(gateway, 'POST', '/v1/provision-claims', {
        token: token(region, 'healthcare-security'),
        body: { subjectRef, serviceCode: EMPLOYEE_MEDICAL, periodKey: `coverage-${TOMORROW}`, referenceDate: TOMORROW },
      });
    const refused = await claim(GUANGZHOU);
    expect([refused.status, refused.body.code, refused.body.responsibleRegion]).toEqual([409, 'not-responsible', SHANGHAI]);
    expect((await claim(SHANGHAI)).status).toBe(201);

    // resettled in 广州, the retiree is filed for treatment there by 上海's 医保 (异地安置退休人员备案) ...
    const filing = (insurer: string): Promise<CallResult<Json>> =>
      call<Json>(gateway, 'POST', '/v1/medical/filings', {
        token: token(insurer, 'healthcare-security'),
        body: { citizenId, category: 'resettled-retiree', treatmentRegion: insurer === SHANGHAI ? GUANGZHOU : SHANGHAI, validFrom: TODAY },
      });
    const filed = await filing(SHANGHAI);
    expect([filed.status, filed.body.insuredRegion, filed.body.treatmentRegion]).toEqual([201, SHANGHAI, GUANGZHOU]);
    // ... and 广州, which pays the pension, is not the medical insurer
    expect((await filing(GUANGZHOU)).status).toBe(403);
  });
});
