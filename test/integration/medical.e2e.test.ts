import { chinaDay } from '@tongban/calendar';
import { ClearingJob, MEDICAL_SCHEMA, shiftMonth } from '@tongban/medical';
import { fromKafkaMessage } from '@tongban/messaging';
import { Collected, Suite } from '../harness/suite';
import { call, CallResult, OPERATOR, token } from '../harness/http';
import { newCitizenId } from '../harness/fixtures';
import { registerPerson } from '../harness/ledger-steps';
import { GATEWAY_APP } from '../../apps/gateway/src/gateway.app';
import { MEDICAL_SETTLEMENT_APP } from '../../apps/medical-settlement/src/medical-settlement.app';

type Json = Record<string, unknown>;
const MED = 'cn.gov.tongban.medical.';

// Settlements are recorded now, so they fall into the current month's cycle; stays are in the previous month.
const THIS_MONTH = chinaDay(new Date()).slice(0, 7);
const NEXT_MONTH = shiftMonth(THIS_MONTH, 1);
const LAST_MONTH = shiftMonth(THIS_MONTH, -1);
const EARLIER = shiftMonth(THIS_MONTH, -3);

let settlementSeq = 0;
const newSettlementId = (prefix: string): string => `${prefix}-${Date.now().toString(36)}-${++settlementSeq}`;

describe('cross-region medical settlement end to end (real PostgreSQL and Kafka)', () => {
  let suite: Suite;
  let gateway: string;
  let job: ClearingJob;

  const post = (path: string, region: string, body?: unknown): Promise<CallResult> =>
    call(gateway, 'POST', path, { token: token(region, 'healthcare-security'), body });
  const get = (path: string, tok: string): Promise<CallResult> => call(gateway, 'GET', path, { token: tok });

  const fileLongTerm = (insured: string, citizenId: string, extra: Json = {}): Promise<CallResult> =>
    post('/v1/medical/filings', insured, {
      citizenId,
      category: 'long-term-resident',
      treatmentRegion: '440100',
      validFrom: `${EARLIER}-01`,
      ...extra,
    });
  const settlement = (citizenId: string, extra: Json = {}): Json => ({
    settlementId: newSettlementId('GZ'),
    hospitalCode: 'H44010100001',
    citizenId,
    insuredRegion: '510100',
    admissionDate: `${LAST_MONTH}-05`,
    dischargeDate: `${LAST_MONTH}-12`,
    totalFen: 1234567,
    fundPaidFen: 864197,
    selfPaidFen: 370370,
    ...extra,
  });
  const settle = (region: string, body: Json): Promise<CallResult> => post('/v1/medical/settlements', region, body);
  /** A person whose hukou (so, by default, medical insurance) is in `region`, known to the ledger. */
  const insuredPerson = async (region: string, citizenId = newCitizenId()): Promise<string> =>
    (await registerPerson(gateway, region, citizenId)).citizenId;
  const settlementRows = async (treatmentRegion: string, settlementId: string): Promise<number> =>
    Number(
      (
        await suite.db.one<{ n: string }>(
          `SELECT count(*) AS n FROM ${MEDICAL_SCHEMA}.settlements WHERE treatment_region = $1 AND settlement_id = $2`,
          [treatmentRegion, settlementId],
        )
      )?.n,
    );
  const claimRows = async (periodKey: string): Promise<number> =>
    Number((await suite.db.one<{ n: string }>(`SELECT count(*) AS n FROM ledger.provision_claims WHERE period_key = $1`, [periodKey]))?.n);

  /** Events of one subject (subjectRef or statementId) on a province's delivery topic, read by an independent consumer. */
  const delivered = async (
    province: string,
    subject: string,
    until: (types: string[]) => boolean,
  ): Promise<ReturnType<typeof fromKafkaMessage>[]> => {
    const mine = (got: Collected[]): Collected[] => got.filter((g) => g.message.key?.toString() === subject);
    const types = (got: Collected[]): string[] => mine(got).map((g) => fromKafkaMessage(g.message.headers, g.message.value).type);
    const got = await suite.collect(`tongban.deliver.${province}.v1`, (all) => until(types(all)));
    return mine(got).map((g) => fromKafkaMessage(g.message.headers, g.message.value));
  };
  const has =
    (...wanted: string[]) =>
    (types: string[]): boolean =>
      wanted.every((w) => types.filter((t) => t === MED + w).length >= wanted.filter((x) => x === w).length);

  beforeAll(async () => {
    suite = await Suite.create('medical');
    gateway = (await suite.start(GATEWAY_APP)).url;
    const medical = await suite.start(MEDICAL_SETTLEMENT_APP);
    job = medical.app.get(ClearingJob);
  });
  afterAll(() => suite.stop());

  describe('filings', () => {
    it('registers a long-term filing for the insured region, readable by both regions, and addresses the event to both', async () => {
      const citizenId = await insuredPerson('360100');
      const res = await fileLongTerm('360100', citizenId);
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        insuredRegion: '360100',
        treatmentRegion: '440100',
        category: 'long-term-resident',
        term: 'long-term',
        validTo: null,
        status: 'active',
      });
      expect(JSON.stringify(res.body)).not.toContain(citizenId);
      const path = `/v1/medical/filings/${String(res.body.filingId)}`;
      expect((await get(path, token('440100', 'healthcare-security'))).status).toBe(200);
      expect((await get(path, token('440000', 'healthcare-security'))).status).toBe(200);
      expect((await get(path, OPERATOR)).status).toBe(200);
      expect((await get(path, token('110100', 'healthcare-security'))).status).toBe(404);

      const subjectRef = res.body.subjectRef as string;
      for (const province of ['440000', '360000']) {
        const [event] = await delivered(province, subjectRef, has('filing-registered.v1'));
        expect(event.type).toBe(`${MED}filing-registered.v1`);
        expect(event.source).toBe('360100/medical-settlement');
        expect(event.recipients.sort()).toEqual(['360100', '440100']);
        expect(event.data).toMatchObject({ filingId: res.body.filingId, subjectRef, term: 'long-term', validTo: null });
      }
    });

    it('refuses bad filings precisely: temporary without an end, same province, reversed validity, a region that does not insure the person', async () => {
      const citizenId = await insuredPerson('360100');
      // only the person's insured region (in the ledger) files; an unknown person cannot be filed at all
      const stranger = await fileLongTerm('510100', citizenId);
      expect(stranger.body).toMatchObject({ status: 403, code: 'forbidden', rule: 'insured-region-only' });
      expect((await fileLongTerm('360100', newCitizenId())).status).toBe(404);
      const temporary = await post('/v1/medical/filings', '360100', {
        citizenId,
        category: 'referral',
        treatmentRegion: '440100',
        validFrom: `${EARLIER}-01`,
      });
      expect(temporary.status).toBe(422);
      expect(temporary.body).toMatchObject({ code: 'rule-violated', rule: 'temporary-needs-end', field: '/body/validTo' });
      const sameProvince = await post('/v1/medical/filings', '360100', {
        citizenId,
        category: 'referral',
        treatmentRegion: '360100',
        validFrom: `${EARLIER}-01`,
        validTo: `${EARLIER}-20`,
      });
      expect(sameProvince.body).toMatchObject({ status: 422, rule: 'cross-province' });
      const reversed = await fileLongTerm('360100', citizenId, { validTo: `${EARLIER}-01`, validFrom: `${EARLIER}-02` });
      expect(reversed.body).toMatchObject({ status: 422, rule: 'validity-order' });
      const unknownField = await fileLongTerm('360100', citizenId, { insuredRegion: '360100' });
      expect(unknownField.status).toBe(422);
      expect(unknownField.body.code).toBe('validation-failed');
    });

    it('keeps at most one active long-term filing per person even under concurrent requests; temporary filings and a cancelled one do not count', async () => {
      const citizenId = await insuredPerson('360100');
      const results = await Promise.all(
        ['360100', '360100', '360000', '360100', '360000'].map((insured, i) =>
          fileLongTerm(insured, citizenId, { validFrom: `${EARLIER}-0${i + 1}` }),
        ),
      );
      // the province is not the person's insurer in the ledger (the city is)
      expect(results.map((r) => r.status).sort()).toEqual([201, 403, 403, 409, 409]);
      const conflict = results.find((r) => r.status === 409) as CallResult;
      expect(conflict.body).toMatchObject({ code: 'conflict', rule: 'one-active-long-term-filing' });
      const winner = results.find((r) => r.status === 201) as CallResult;
      const subjectRef = winner.body.subjectRef as string;
      const active = await suite.db.one<{ n: string }>(
        `SELECT count(*) AS n FROM ${MEDICAL_SCHEMA}.filings WHERE subject_ref = $1 AND status = 'active'`,
        [subjectRef],
      );
      expect(Number(active?.n)).toBe(1);
      // the database itself refuses an overlapping active long-term filing, whatever the code does
      await expect(
        suite.db.query(
          `INSERT INTO ${MEDICAL_SCHEMA}.filings (filing_id, subject_ref, insured_region, treatment_region, category, valid_from, valid_to, registered_by)
           VALUES (gen_random_uuid(), $1, '360100', '310100', 'posted-worker', $2, $3, 'test')`,
          [subjectRef, `${LAST_MONTH}-01`, `${LAST_MONTH}-02`],
        ),
      ).rejects.toMatchObject({ code: '23P01', constraint: 'filings_one_active_long_term' });

      // a temporary referral may coexist with the long-term filing
      const referral = await post('/v1/medical/filings', '360100', {
        citizenId,
        category: 'referral',
        treatmentRegion: '310100',
        validFrom: `${LAST_MONTH}-01`,
        validTo: `${LAST_MONTH}-20`,
      });
      expect(referral.status).toBe(201);
      expect(referral.body.term).toBe('temporary');

      // only the registering insured region cancels; afterwards a new long-term filing is possible
      const cancelPath = `/v1/medical/filings/${String(winner.body.filingId)}/cancellation`;
      expect((await post(cancelPath, '440100', {})).status).toBe(403);
      const cancelled = await post(cancelPath, String(winner.body.insuredRegion), { reason: 'moved on' });
      expect(cancelled.status).toBe(200);
      expect(cancelled.body).toMatchObject({ status: 'cancelled', cancellationReason: 'moved on' });
      expect((await post(cancelPath, String(winner.body.insuredRegion))).body).toMatchObject({ status: 409, code: 'invalid-transition' });
      expect((await fileLongTerm('360100', citizenId, { category: 'posted-worker' })).status).toBe(201);
      const events = await delivered('440000', subjectRef, has('filing-registered.v1', 'filing-cancelled.v1', 'filing-registered.v1'));
      expect(events.find((e) => e.type === `${MED}filing-cancelled.v1`)?.data).toMatchObject({
        filingId: winner.body.filingId,
        reason: 'moved on',
      });
    });
  });

  // insured in 成都 (510100), treated in 广州 (440100): kept apart from the clearing pairs below
  describe('direct settlements', () => {
    let citizenId: string;
    beforeAll(async () => {
      citizenId = await insuredPerson('510100');
      expect((await fileLongTerm('510100', citizenId)).status).toBe(201);
    });

    it('records a settlement once per (treatment region, settlement id): the same content answers the original, different amounts 409', async () => {
      const body = settlement(citizenId);
      const first = await settle('440100', body);
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({
        treatmentRegion: '440100',
        insuredRegion: '510100',
        admissionType: 'planned',
        totalFen: 1234567,
        fundPaidFen: 864197,
        selfPaidFen: 370370,
        clearingMonth: THIS_MONTH,
      });
      expect(first.body.filingId).toEqual(expect.any(String));
      expect(first.body.claimId).toEqual(expect.any(String));
      expect(JSON.stringify(first.body)).not.toContain(citizenId);

      const again = await settle('440100', body);
      expect(again.status).toBe(200);
      expect(again.body).toEqual(first.body);

      const different = await settle('440100', { ...body, fundPaidFen: 864196, selfPaidFen: 370371 });
      expect(different.status).toBe(409);
      expect(different.body).toMatchObject({ code: 'conflict', differingFields: ['/body/fundPaidFen', '/body/selfPaidFen'] });
      // another treatment region may use the same number for its own bill
      expect((await settle('440300', body)).body).toMatchObject({ status: 422, rule: 'filing-region' });
      expect(await settlementRows('440100', String(body.settlementId))).toBe(1);
      expect(await claimRows(`bill:440100:${String(body.settlementId)}`)).toBe(1);
    });

    it('records concurrent duplicates exactly once', async () => {
      const body = settlement(citizenId);
      const results = await Promise.all([1, 2, 3, 4].map(() => settle('440100', body)));
      expect(results.map((r) => r.status).sort()).toEqual([200, 200, 200, 201]);
      expect(new Set(results.map((r) => r.body.claimId)).size).toBe(1);
      expect(await settlementRows('440100', String(body.settlementId))).toBe(1);
      expect(await claimRows(`bill:440100:${String(body.settlementId)}`)).toBe(1);
    });

    it('refuses bad settlements with precise problems and changes nothing', async () => {
      const unfiled = await insuredPerson('510100');
      const cases: Array<{ region: string; body: Json; status: number; expected: Json }> = [
        {
          region: '440100',
          body: settlement(citizenId, { totalFen: 1000, fundPaidFen: 600, selfPaidFen: 399 }),
          status: 422,
          expected: { code: 'rule-violated', rule: 'amounts-add-up' },
        },
        {
          region: '440100',
          body: settlement(citizenId, { admissionDate: `${LAST_MONTH}-12`, dischargeDate: `${LAST_MONTH}-05` }),
          status: 422,
          expected: { rule: 'discharge-after-admission' },
        },
        {
          region: '440100',
          body: settlement(citizenId, { admissionDate: `${shiftMonth(EARLIER, -1)}-20` }),
          status: 422,
          expected: { rule: 'filing-validity' },
        },
        { region: '440300', body: settlement(citizenId), status: 422, expected: { rule: 'filing-region' } },
        { region: '440100', body: settlement(unfiled), status: 422, expected: { rule: 'filing-required' } },
        { region: '440100', body: settlement(newCitizenId()), status: 404, expected: { code: 'not-found' } },
        { region: '440100', body: settlement(citizenId, { insuredRegion: '440300' }), status: 422, expected: { rule: 'cross-province' } },
        // a treatment region cannot bill a region that does not insure the person (clearing follows the bill)
        {
          region: '440100',
          body: settlement(citizenId, { insuredRegion: '110100' }),
          status: 422,
          expected: { rule: 'not-insured-there' },
        },
        {
          region: '440100',
          body: settlement(citizenId, { totalFen: 1.5, fundPaidFen: 1, selfPaidFen: 0.5 }),
          status: 422,
          expected: { code: 'validation-failed' },
        },
      ];
      for (const c of cases) {
        const res = await settle(c.region, c.body);
        expect({ status: res.status, ...res.body }).toMatchObject({ status: c.status, ...c.expected });
        expect(res.headers.get('content-type')).toContain('application/problem+json');
        expect(await settlementRows(c.region, String(c.body.settlementId))).toBe(0);
        expect(await claimRows(`bill:${c.region}:${String(c.body.settlementId)}`)).toBe(0);
      }
      const amounts = await settle('440100', settlement(citizenId, { totalFen: 1000, fundPaidFen: 600, selfPaidFen: 399 }));
      expect(amounts.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: '/body/fundPaidFen' })]));
      expect(String(amounts.body.detail)).not.toContain(citizenId);
    });

    it('settles an emergency admission without a filing, and a stay whose filing was registered late (before the settlement)', async () => {
      const emergencyPatient = await insuredPerson('510100');
      const emergency = await settle('440100', settlement(emergencyPatient, { admissionType: 'emergency' }));
      expect(emergency.status).toBe(201);
      expect(emergency.body).toMatchObject({ admissionType: 'emergency', filingId: null });

      const latePatient = await insuredPerson('510100');
      const stay = settlement(latePatient);
      expect((await settle('440100', stay)).body).toMatchObject({ rule: 'filing-required' });
      // the insured region files after admission with a validity covering the stay; the same bill now settles
      const late = await post('/v1/medical/filings', '510100', {
        citizenId: latePatient,
        category: 'other-temporary',
        treatmentRegion: '440000',
        validFrom: `${LAST_MONTH}-05`,
        validTo: `${LAST_MONTH}-28`,
      });
      expect(late.status).toBe(201);
      const settled = await settle('440100', stay);
      expect(settled.status).toBe(201);
      expect(settled.body.filingId).toBe(late.body.filingId);
      // once cancelled, the filing covers nothing new
      expect((await post(`/v1/medical/filings/${String(late.body.filingId)}/cancellation`, '510100')).status).toBe(200);
      expect((await settle('440100', settlement(latePatient))).body).toMatchObject({ rule: 'filing-required' });
    });

    it('refuses a hand reimbursement of a directly settled bill, and a direct settlement of a bill reimbursed by hand', async () => {
      const settled = await settle('440100', settlement(citizenId));
      expect(settled.status).toBe(201);
      const claim = {
        subjectRef: settled.body.subjectRef,
        serviceCode: 'med.cross-region-settlement',
        periodKey: `bill:440100:${String(settled.body.settlementId)}`,
      };
      const byHand = await post('/v1/provision-claims', '510100', claim);
      expect(byHand.status).toBe(409);
      expect(byHand.body).toMatchObject({ code: 'already-claimed', claimedBy: '440100' });

      // the reverse: 成都 reimburses the bill by hand first
      const body = settlement(citizenId);
      const handFirst = await post('/v1/provision-claims', '510100', { ...claim, periodKey: `bill:440100:${String(body.settlementId)}` });
      expect(handFirst.status).toBe(201);
      const direct = await settle('440100', body);
      expect(direct.status).toBe(409);
      expect(direct.body).toMatchObject({ code: 'already-claimed', claimedBy: '510100' });
      expect(await settlementRows('440100', String(body.settlementId))).toBe(0);
    });
  });

  describe('monthly clearing', () => {
    // 江西 (insured) ↔ 广东 (treatment): confirmed by both; 上海 (insured) ↔ 江苏 (treatment): a line disputed
    const jx = { citizenId: newCitizenId(), bills: [] as Json[] };
    const sh = { citizenId: newCitizenId('310101', '19750301'), bills: [] as Json[] };
    let jxStatement: Json;
    let shStatement: Json;

    beforeAll(async () => {
      await insuredPerson('360100', jx.citizenId);
      await insuredPerson('310100', sh.citizenId);
      expect((await fileLongTerm('360100', jx.citizenId, { category: 'resettled-retiree' })).status).toBe(201);
      expect(
        (
          await post('/v1/medical/filings', '310100', {
            citizenId: sh.citizenId,
            category: 'posted-worker',
            treatmentRegion: '320000',
            validFrom: `${EARLIER}-01`,
          })
        ).status,
      ).toBe(201);
      const jxAmounts = [
        { totalFen: 1234567, fundPaidFen: 864197, selfPaidFen: 370370 },
        { totalFen: 98765, fundPaidFen: 65432, selfPaidFen: 33333 },
        { totalFen: 1, fundPaidFen: 0, selfPaidFen: 1 },
      ];
      for (const a of jxAmounts) {
        const res = await settle('440100', settlement(jx.citizenId, { insuredRegion: '360100', ...a }));
        expect(res.status).toBe(201);
        jx.bills.push(res.body);
      }
      // a late settlement: discharged months ago, recorded now — cleared in this month's cycle
      const late = await settle(
        '440100',
        settlement(jx.citizenId, {
          insuredRegion: '360100',
          admissionDate: `${EARLIER}-03`,
          dischargeDate: `${EARLIER}-09`,
          totalFen: 50001,
          fundPaidFen: 25000,
          selfPaidFen: 25001,
        }),
      );
      expect(late.body.clearingMonth).toBe(THIS_MONTH);
      jx.bills.push(late.body);
      for (const a of [
        { totalFen: 300003, fundPaidFen: 200002, selfPaidFen: 100001 },
        { totalFen: 777, fundPaidFen: 700, selfPaidFen: 77 },
      ]) {
        const res = await settle('320500', settlement(sh.citizenId, { insuredRegion: '310100', hospitalCode: 'H32050000007', ...a }));
        expect(res.status).toBe(201);
        sh.bills.push(res.body);
      }
    });

    const pairOf = (clearing: CallResult, insured: string, treatment: string): Json =>
      (clearing.body.statements as Json[]).find((s) => s.insuredProvince === insured && s.treatmentProvince === treatment) as Json;
    const sum = (bills: Json[], k: string): number => bills.reduce((acc, b) => acc + Number(b[k]), 0);

    it('issues statements per (insured province, treatment province) with counts and sums exact to the fen, visible to the two provinces only', async () => {
      const run = await job.run(THIS_MONTH);
      expect(run.issued.length).toBeGreaterThanOrEqual(2);
      expect((await job.run(THIS_MONTH)).issued).toHaveLength(0); // re-running issues nothing twice

      const seenByJiangxi = await get(`/v1/medical/clearings/${THIS_MONTH}`, token('360100', 'healthcare-security'));
      expect(seenByJiangxi.status).toBe(200);
      jxStatement = pairOf(seenByJiangxi, '360000', '440000');
      expect(jxStatement).toMatchObject({
        month: THIS_MONTH,
        status: 'issued',
        lineCount: 4,
        originalCount: 4,
        correctionCount: 0,
        totalFen: sum(jx.bills, 'totalFen'),
        fundPaidFen: sum(jx.bills, 'fundPaidFen'),
        selfPaidFen: sum(jx.bills, 'selfPaidFen'),
        disputedCount: 0,
        payableFen: sum(jx.bills, 'fundPaidFen'),
      });
      expect(jxStatement.totalFen).toBe(1234567 + 98765 + 1 + 50001);
      expect((jxStatement.lines as Json[]).map((l) => l.settlementId).sort()).toEqual(jx.bills.map((b) => b.settlementId).sort());
      expect(pairOf(seenByJiangxi, '310000', '320000')).toBeUndefined();

      const seenByGuangdong = await get(`/v1/medical/clearings/${THIS_MONTH}`, token('440000', 'healthcare-security'));
      expect(pairOf(seenByGuangdong, '360000', '440000')).toEqual(jxStatement);
      const seenByBeijing = await get(`/v1/medical/clearings/${THIS_MONTH}`, token('110100', 'healthcare-security'));
      expect(pairOf(seenByBeijing, '360000', '440000')).toBeUndefined();
      const seenByOperator = await get(`/v1/medical/clearings/${THIS_MONTH}`, OPERATOR);
      shStatement = pairOf(seenByOperator, '310000', '320000');
      expect(shStatement).toMatchObject({ lineCount: 2, totalFen: 300780, fundPaidFen: 200702, selfPaidFen: 100078 });
      expect((await get('/v1/medical/clearings/2026-13', OPERATOR)).status).toBe(422);
    });

    it('confirms across two provinces: each side once, then confirmed; events reach both provinces', async () => {
      const path = `/v1/medical/clearings/${THIS_MONTH}/statements/${String(jxStatement.statementId)}`;
      expect((await post(`${path}/confirmation`, '110100')).status).toBe(404);
      expect(
        (await post(`/v1/medical/clearings/${NEXT_MONTH}/statements/${String(jxStatement.statementId)}/confirmation`, '360100')).status,
      ).toBe(404);
      const insured = await post(`${path}/confirmation`, '360100');
      expect(insured.status).toBe(200);
      expect(insured.body).toMatchObject({ status: 'issued', insuredConfirmedAt: expect.any(String), treatmentConfirmedAt: null });
      expect((await post(`${path}/confirmation`, '360000')).body).toEqual(insured.body); // a repeat changes nothing
      const treatment = await post(`${path}/confirmation`, '440000');
      expect(treatment.body).toMatchObject({ status: 'confirmed', payableFen: jxStatement.fundPaidFen });
      const disputeAfter = await post(`${path}/disputes`, '440100', {
        lines: [{ lineId: (jxStatement.lines as Json[])[0].lineId, reason: 'late' }],
      });
      expect(disputeAfter.body).toMatchObject({ status: 409, code: 'invalid-transition' });

      const statementId = String(jxStatement.statementId);
      for (const province of ['360000', '440000']) {
        const events = await delivered(
          province,
          statementId,
          has('statement-issued.v1', 'statement-confirmed.v1', 'statement-confirmed.v1'),
        );
        const issued = events.find((e) => e.type === `${MED}statement-issued.v1`);
        expect(issued?.data).toMatchObject({
          lineCount: 4,
          totalFen: jxStatement.totalFen,
          fundPaidFen: jxStatement.fundPaidFen,
          selfPaidFen: jxStatement.selfPaidFen,
        });
        const confirmations = events.filter((e) => e.type === `${MED}statement-confirmed.v1`).map((e) => e.data as Json);
        expect(confirmations.map((c) => c.side).sort()).toEqual(['insured', 'treatment']);
        expect(confirmations.find((c) => c.side === 'treatment')).toMatchObject({ status: 'confirmed', confirmedBy: '440000' });
      }
      // the settlements themselves reached the insured province's agencies too
      const subjectRef = String(jx.bills[0].subjectRef);
      const recorded = await delivered(
        '360000',
        subjectRef,
        (types) => types.filter((t) => t === `${MED}settlement-recorded.v1`).length >= 4,
      );
      expect(
        recorded
          .filter((e) => e.type === `${MED}settlement-recorded.v1`)
          .map((e) => (e.data as Json).settlementId)
          .sort(),
      ).toEqual(jx.bills.map((b) => b.settlementId).sort());
    });

    it('carries a disputed line into the next cycle as a correction, never counting a settlement twice', async () => {
      const path = `/v1/medical/clearings/${THIS_MONTH}/statements/${String(shStatement.statementId)}`;
      const [first, second] = shStatement.lines as Json[];
      const bad = await post(`${path}/disputes`, '310100', {
        lines: [{ lineId: '00000000-0000-4000-8000-000000000000', reason: 'unknown' }],
      });
      expect(bad.body).toMatchObject({ status: 422, rule: 'line-of-statement' });
      const disputed = await post(`${path}/disputes`, '310100', {
        lines: [{ lineId: second.lineId, reason: 'items outside the insured catalogue' }],
      });
      expect(disputed.status).toBe(200);
      expect(disputed.body).toMatchObject({
        disputedCount: 1,
        disputedFundPaidFen: second.fundPaidFen,
        payableFen: Number(first.fundPaidFen),
      });
      expect((await post(`${path}/disputes`, '320500', { lines: [{ lineId: second.lineId, reason: 'again' }] })).body).toMatchObject({
        status: 409,
        rule: 'dispute-once',
      });
      // operators open the disputed line, its statement and the settlement from medical's own operator views
      const item = async (kind: string, id: string): Promise<Json> => {
        const res = await get(`/v1/ops/items/${kind}/${encodeURIComponent(id)}`, OPERATOR);
        expect(res.status).toBe(200);
        return res.body;
      };
      expect(await item('statement-line', String(second.lineId))).toMatchObject({
        status: 'disputed',
        actions: ['escalate', 'close'],
        facts: { disputedSide: 'insured', disputeReason: 'items outside the insured catalogue', fundPaidFen: second.fundPaidFen },
      });
      expect(await item('statement', String(shStatement.statementId))).toMatchObject({
        status: 'issued',
        facts: { lines: 2, disputedLines: 1 },
      });
      expect(await item('settlement', `320500:${String(second.settlementId)}`)).toMatchObject({
        facts: { treatmentRegion: '320500', settlementId: second.settlementId, fundPaidFen: second.fundPaidFen },
      });
      // a city acts for its province
      expect((await post(`${path}/confirmation`, '310100')).body).toMatchObject({ insuredConfirmedAt: expect.any(String) });
      expect((await post(`${path}/confirmation`, '320500')).body).toMatchObject({
        status: 'confirmed',
        payableFen: Number(first.fundPaidFen),
      });

      const events = await delivered('310000', String(shStatement.statementId), has('statement-disputed.v1'));
      expect(events.find((e) => e.type === `${MED}statement-disputed.v1`)?.data).toMatchObject({
        side: 'insured',
        disputedBy: '310100',
        lines: [
          {
            lineId: second.lineId,
            settlementId: second.settlementId,
            fundPaidFen: second.fundPaidFen,
            reason: 'items outside the insured catalogue',
          },
        ],
      });

      // the next cycle carries the disputed line as a correction; the undisputed one is not counted again
      await job.run(NEXT_MONTH);
      const next = pairOf(await get(`/v1/medical/clearings/${NEXT_MONTH}`, token('320500', 'healthcare-security')), '310000', '320000');
      expect(next).toMatchObject({
        lineCount: 1,
        originalCount: 0,
        correctionCount: 1,
        totalFen: second.totalFen,
        fundPaidFen: second.fundPaidFen,
        payableFen: second.fundPaidFen,
      });
      expect((next.lines as Json[])[0]).toMatchObject({
        kind: 'correction',
        correctsLineId: second.lineId,
        settlementId: second.settlementId,
        status: 'open',
      });
      // the confirmed 江西 ↔ 广东 statement has nothing to carry
      expect(pairOf(await get(`/v1/medical/clearings/${NEXT_MONTH}`, OPERATOR), '360000', '440000')).toBeUndefined();

      // the database refuses to count a settlement twice as an original, or to correct a line twice
      await expect(
        suite.db.query(
          `INSERT INTO ${MEDICAL_SCHEMA}.statement_lines (line_id, statement_id, line_no, kind, treatment_region, settlement_id, total_fen, fund_paid_fen, self_paid_fen)
           VALUES (gen_random_uuid(), $1, 99, 'original', '320500', $2, 1, 1, 0)`,
          [next.statementId, first.settlementId],
        ),
      ).rejects.toMatchObject({ constraint: 'statement_lines_one_original_per_settlement' });
      await expect(
        suite.db.query(
          `INSERT INTO ${MEDICAL_SCHEMA}.statement_lines (line_id, statement_id, line_no, kind, treatment_region, settlement_id, total_fen, fund_paid_fen, self_paid_fen, corrects_line_id, corrects_status)
           VALUES (gen_random_uuid(), $1, 98, 'correction', '320500', $2, 1, 1, 0, $3, 'disputed')`,
          [next.statementId, second.settlementId, second.lineId],
        ),
      ).rejects.toMatchObject({ code: '23505' });
    });
  });
});
