import { addDays, addMonths, chinaDay, EARLIEST_DATE, LATEST_DATE } from '@tongban/calendar';
import { loadContract } from '@tongban/http';
import { Suite } from '../harness/suite';
import { eventually } from '../harness/eventually';
import { agencyOf, call, CallResult, OPERATOR, token } from '../harness/http';
import { guangzhouPermit, newCitizenId } from '../harness/fixtures';
import { registerPerson } from '../harness/ledger-steps';
import { PENSION_APPLICATION_EVIDENCE, PENSION_CERTIFICATE_EVIDENCE, requestPensionTransfer } from '../harness/transfer-steps';
import { GATEWAY_APP } from '../../apps/gateway/src/gateway.app';

type Json = Record<string, unknown>;
interface Problem {
  status: number;
  code: string;
  detail: string;
  field?: string;
  notBefore?: string;
  notAfter?: string;
  errors?: Array<{ field: string; message: string }>;
}

const NANCHANG = '360100';
const GUANGZHOU = '440100';
/** Days no field takes: outside 1900-01-01..2199-12-31 (PostgreSQL has no year 0; Date.UTC reads 0–99 as 1900–1999). */
const OUT_OF_BOUNDS = ['0000-01-01', '0099-12-31', '1899-12-31', '2200-01-01', '9999-12-31'];
/** Days inside the bounds but outside every field's window around today. */
const FAR = [EARLIEST_DATE, LATEST_DATE];
const BOUNDS = `must be a day from ${EARLIEST_DATE} to ${LATEST_DATE}`;
const MONTH_BOUNDS = 'must be a month from 1900-01 to 2199-12';
const TODAY = chinaDay(new Date());

/** Every table a date field of the API writes, with its rows (outboxes by count: the relay marks them published). */
const WATCHED: ReadonlyArray<[string, 'rows' | 'count']> = [
  ['residence.permits', 'rows'],
  ['residence.endorsements', 'rows'],
  ['residence.outbox', 'count'],
  ['medical.filings', 'rows'],
  ['medical.settlements', 'rows'],
  ['medical.outbox', 'count'],
  ['social_insurance.transfers', 'rows'],
  ['social_insurance.transfer_steps', 'rows'],
  ['social_insurance.outbox', 'count'],
  ['ledger.subjects', 'rows'],
  ['ledger.fact_changes', 'rows'],
  ['ledger.handoffs', 'rows'],
  ['ledger.responsibilities', 'rows'],
  ['ledger.provision_claims', 'rows'],
  ['ledger.outbox', 'count'],
];

/**
 * Issue 14 item 5: every date a region sends has bounds, and no date gives a 5xx. Each request date field
 * of each endpoint is sent days outside 1900..2199 (refused by the gateway's validator, naming the field)
 * and days far outside the field's own window (refused by the service reading it); nothing changes.
 */
describe('date bounds: every request date is bounded, none gives a 5xx (real PostgreSQL and Kafka)', () => {
  let suite: Suite;
  let gateway: string;

  // the world the dated requests act on, made in beforeAll
  let person: string;
  let permitId: string;
  let permitSubject: string;
  let certifiedTransfer: { transferId: string; transferFen: number };
  let remittedTransfer: { transferId: string; transferFen: number };
  let personRef: string;
  let handoff: { handoffId: string; caseId: string; serviceCode: string };
  let disputed: { handoffId: string; serviceCode: string };

  const send = <T = Json>(
    method: string,
    path: string,
    region: string,
    agency: Parameters<typeof token>[1],
    body?: unknown,
  ): Promise<CallResult<T>> => call<T>(gateway, method, path, { token: token(region, agency), body });

  const snapshot = async (): Promise<Record<string, string>> => {
    const out: Record<string, string> = {};
    for (const [table, how] of WATCHED) {
      const sql =
        how === 'count'
          ? `SELECT count(*)::text AS v FROM ${table}`
          : `SELECT count(*)::text || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') AS v FROM ${table} t`;
      out[table] = (await suite.db.one<{ v: string }>(sql))?.v ?? '';
    }
    return out;
  };
  /** Ledger events not yet relayed (the gateway relays every outbox its commands write; no ledger app runs here). */
  const unpublished = async (): Promise<number> =>
    Number((await suite.db.one<{ n: string }>(`SELECT count(*)::text AS n FROM ledger.outbox WHERE published_at IS NULL`))?.n);
  /** The snapshot once the events of the setup are relayed and the tables still for a second (the ledger consumes asynchronously). */
  const settled = async (): Promise<Record<string, string>> => {
    let last = '';
    let stillSince = Date.now();
    const still = await eventually(
      async () => {
        const tables = await snapshot();
        if (JSON.stringify(tables) !== last || (await unpublished()) > 0) {
          last = JSON.stringify(tables);
          stillSince = Date.now();
        }
        return { tables, stillMs: Date.now() - stillSince };
      },
      (s) => s.stillMs >= 1000,
      'the tables to stay unchanged for a second with the ledger outbox drained',
      30000,
    );
    return still.tables;
  };

  /** A pension transfer 南昌 → 广州 with its certificate recorded (state certified); the amount to remit. */
  const certified = async (): Promise<{ transferId: string; transferFen: number }> => {
    const requested = await requestPensionTransfer(gateway, GUANGZHOU, {
      citizenId: newCitizenId(),
      outboundRegion: NANCHANG,
      hukouRegion: NANCHANG,
    });
    expect(requested.status).toBe(200);
    const transferId = String(requested.body.transferId);
    const months = Array.from({ length: 12 }, (_, i) => ({ month: `2020-${String(i + 1).padStart(2, '0')}`, baseFen: 500_000 }));
    const cert = await send('POST', `/v1/social-insurance/transfers/${transferId}/certificate`, NANCHANG, 'human-resources', {
      months,
      accountBalanceFen: 100_000,
      evidence: PENSION_CERTIFICATE_EVIDENCE,
    });
    expect(cert.status).toBe(200);
    return { transferId, transferFen: Number((cert.body.funds as Json).transferFen) };
  };

  beforeAll(async () => {
    suite = await Suite.create('dates');
    gateway = (await suite.start(GATEWAY_APP)).url;

    // a person with hukou (so medical insurance) in 南昌
    ({ citizenId: person, subjectRef: personRef } = await registerPerson(gateway, NANCHANG));
    // a permit of 广州
    const permit = await send('POST', '/v1/residence-permits', GUANGZHOU, 'public-security', guangzhouPermit(newCitizenId()));
    expect(permit.status).toBe(201);
    [permitId, permitSubject] = [String(permit.body.permitId), String(permit.body.subjectRef)];
    // transfers waiting for their remittance and for their receipt
    certifiedTransfer = await certified();
    remittedTransfer = await certified();
    const remitted = await send(
      'POST',
      `/v1/social-insurance/transfers/${remittedTransfer.transferId}/remittance`,
      NANCHANG,
      'human-resources',
      {
        amountFen: remittedTransfer.transferFen,
        remittedOn: TODAY,
        reference: 'NC-1',
      },
    );
    expect(remitted.status).toBe(200);
    // a handoff proposed to 广州 after a hukou move 南昌 → 广州 the old hukou region consented to
    const mover = await registerPerson(gateway, NANCHANG);
    const moved = await send('POST', '/v1/hukou-moves', GUANGZHOU, 'public-security', {
      citizenId: mover.citizenId,
      hukouRegion: GUANGZHOU,
      movedOn: TODAY,
    });
    expect((await send('POST', `/v1/fact-changes/${String(moved.body.changeId)}/consent`, NANCHANG, 'public-security')).status).toBe(200);
    const view = await send<{ pendingHandoffs: Array<{ handoffId: string; caseId: string; serviceCode: string }> }>(
      'GET',
      `/v1/subjects/${mover.subjectRef}/responsibilities`,
      GUANGZHOU,
      'civil-affairs',
    );
    handoff = view.body.pendingHandoffs.find((h) => h.serviceCode === 'veterans.preferential-care')!;
    expect(handoff).toBeDefined();
    // and another, disputed by 南昌, for operators to decide
    disputed = view.body.pendingHandoffs.find((h) => h.serviceCode !== handoff.serviceCode)!;
    expect(
      (await send('POST', `/v1/handoffs/${disputed.handoffId}/object`, NANCHANG, agencyOf(disputed.serviceCode), { reason: 'still here' }))
        .status,
    ).toBe(200);
  });
  afterAll(() => suite.stop());

  interface DateField {
    endpoint: string;
    field: string;
    send: (day: string) => Promise<CallResult<Problem>>;
  }

  const fields = (): DateField[] => {
    const permitBody = (dates: Json): Json => guangzhouPermit(newCitizenId(), dates);
    const settlement = (dates: Json): Json => ({
      settlementId: `S-${Math.random().toString(36).slice(2, 10)}`,
      hospitalCode: 'H44010100001',
      citizenId: person,
      insuredRegion: NANCHANG,
      admissionDate: addDays(TODAY, -10),
      dischargeDate: addDays(TODAY, -3),
      totalFen: 1000,
      fundPaidFen: 600,
      selfPaidFen: 400,
      ...dates,
    });
    const filing = (dates: Json): Json => ({
      citizenId: person,
      category: 'referral',
      treatmentRegion: GUANGZHOU,
      validFrom: TODAY,
      validTo: addMonths(TODAY, 6),
      ...dates,
    });
    const ps = 'public-security' as const;
    return [
      {
        endpoint: 'issueResidencePermit',
        field: '/body/residenceSince',
        send: (d) => send('POST', '/v1/residence-permits', GUANGZHOU, ps, permitBody({ residenceSince: d })),
      },
      {
        endpoint: 'issueResidencePermit',
        field: '/body/issuedOn',
        send: (d) => send('POST', '/v1/residence-permits', GUANGZHOU, ps, permitBody({ issuedOn: d })),
      },
      {
        endpoint: 'issueResidencePermit',
        field: '/body/validUntil',
        send: (d) => send('POST', '/v1/residence-permits', GUANGZHOU, ps, permitBody({ validUntil: d })),
      },
      {
        endpoint: 'endorseResidencePermit',
        field: '/body/endorsedOn',
        send: (d) => send('POST', `/v1/residence-permits/${permitId}/endorsements`, GUANGZHOU, ps, { endorsedOn: d }),
      },
      {
        endpoint: 'renewResidencePermit',
        field: '/body/validUntil',
        send: (d) => send('POST', `/v1/residence-permits/${permitId}/renewals`, GUANGZHOU, ps, { validUntil: d }),
      },
      {
        endpoint: 'cancelResidencePermit',
        field: '/body/effectiveOn',
        send: (d) => send('POST', `/v1/residence-permits/${permitId}/cancellation`, GUANGZHOU, ps, { reason: 'left', effectiveOn: d }),
      },
      {
        endpoint: 'getResidenceHistory',
        field: '/query/asOf',
        send: (d) => send('GET', `/v1/subjects/${permitSubject}/residence-history?asOf=${d}`, GUANGZHOU, ps),
      },
      {
        endpoint: 'convertPoints',
        field: '/body/asOf',
        send: (d) =>
          send('POST', '/v1/points-conversions', GUANGZHOU, ps, {
            fromCity: '310100',
            toCity: GUANGZHOU,
            asOf: d,
            facts: { residenceMonths: 12 },
          }),
      },
      {
        endpoint: 'requestSocialInsuranceTransfer',
        field: '/body/appliedOn',
        // refused before the person is looked up: the ID number is fresh
        send: (d) =>
          send('POST', '/v1/social-insurance/transfers', GUANGZHOU, 'human-resources', {
            citizenId: newCitizenId(),
            insuranceType: 'pension',
            outboundRegion: NANCHANG,
            appliedOn: d,
            evidence: PENSION_APPLICATION_EVIDENCE,
          }),
      },
      {
        endpoint: 'confirmTransferRemittance',
        field: '/body/remittedOn',
        // the amount is right: only the date is wrong
        send: (d) =>
          send('POST', `/v1/social-insurance/transfers/${certifiedTransfer.transferId}/remittance`, NANCHANG, 'human-resources', {
            amountFen: certifiedTransfer.transferFen,
            remittedOn: d,
            reference: 'NC-2',
          }),
      },
      {
        endpoint: 'confirmTransferReceipt',
        field: '/body/receivedOn',
        send: (d) =>
          send('POST', `/v1/social-insurance/transfers/${remittedTransfer.transferId}/receipt`, GUANGZHOU, 'human-resources', {
            amountFen: remittedTransfer.transferFen,
            receivedOn: d,
          }),
      },
      {
        endpoint: 'registerMedicalFiling',
        field: '/body/validFrom',
        send: (d) => send('POST', '/v1/medical/filings', NANCHANG, 'healthcare-security', filing({ validFrom: d })),
      },
      {
        endpoint: 'registerMedicalFiling',
        field: '/body/validTo',
        send: (d) => send('POST', '/v1/medical/filings', NANCHANG, 'healthcare-security', filing({ validTo: d })),
      },
      {
        endpoint: 'recordMedicalSettlement',
        field: '/body/admissionDate',
        send: (d) => send('POST', '/v1/medical/settlements', GUANGZHOU, 'healthcare-security', settlement({ admissionDate: d })),
      },
      {
        endpoint: 'recordMedicalSettlement',
        field: '/body/dischargeDate',
        send: (d) => send('POST', '/v1/medical/settlements', GUANGZHOU, 'healthcare-security', settlement({ dischargeDate: d })),
      },
      {
        endpoint: 'reportHukouMove',
        field: '/body/movedOn',
        send: (d) => send('POST', '/v1/hukou-moves', GUANGZHOU, ps, { citizenId: person, hukouRegion: GUANGZHOU, movedOn: d }),
      },
      {
        endpoint: 'reportInsuredRegionChange',
        field: '/body/since',
        send: (d) =>
          send('POST', '/v1/insured-region-changes', GUANGZHOU, 'human-resources', {
            citizenId: person,
            branch: 'pension',
            insuredRegion: GUANGZHOU,
            since: d,
          }),
      },
      {
        endpoint: 'acceptHandoff',
        field: '/body/effectiveFrom',
        send: (d) => send('POST', `/v1/handoffs/${handoff.handoffId}/accept`, GUANGZHOU, 'veterans-affairs', { effectiveFrom: d }),
      },
      {
        endpoint: 'acceptHandoffCase',
        field: '/body/effectiveFrom',
        send: (d) =>
          send('POST', `/v1/handoff-cases/${handoff.caseId}/accept`, GUANGZHOU, 'veterans-affairs', {
            effectiveFrom: d,
            services: [handoff.serviceCode],
          }),
      },
      {
        endpoint: 'decideHandoff',
        field: '/body/effectiveFrom',
        send: (d) =>
          call<Problem>(gateway, 'POST', `/v1/handoffs/${disputed.handoffId}/decision`, {
            token: OPERATOR,
            body: { decision: 'accept', effectiveFrom: d, reason: 'checked' },
          }),
      },
      {
        endpoint: 'allotByPoints',
        field: '/body/decidedOn',
        send: (d) =>
          send('POST', '/v1/points-allotments', GUANGZHOU, 'education', {
            subjectRef: permitSubject,
            serviceCode: 'edu.compulsory',
            points: 90,
            decisionRef: 'GZ-1',
            decidedOn: d,
          }),
      },
      {
        endpoint: 'getCatalogue',
        field: '/query/on',
        send: (d) => send('GET', `/v1/catalogue?on=${d}`, GUANGZHOU, 'civil-affairs'),
      },
      {
        endpoint: 'publishCatalogueVersion',
        field: '/body/effectiveFrom',
        send: (d) =>
          call<Problem>(gateway, 'POST', '/v1/ops/catalogue/versions', { token: OPERATOR, body: { document: {}, effectiveFrom: d } }),
      },
      {
        endpoint: 'publishCityPolicyVersion',
        field: '/body/effectiveFrom',
        send: (d) =>
          call<Problem>(gateway, 'POST', '/v1/ops/city-policies/versions', { token: OPERATOR, body: { document: {}, effectiveFrom: d } }),
      },
      {
        endpoint: 'claimProvision',
        field: '/body/referenceDate',
        send: (d) =>
          send('POST', '/v1/provision-claims', NANCHANG, agencyOf('emp.public-employment-service'), {
            subjectRef: personRef,
            serviceCode: 'emp.public-employment-service',
            periodKey: 'visit-1',
            referenceDate: d,
          }),
      },
    ];
  };

  it('the contract lists no request date this test leaves out', () => {
    const contract = loadContract();
    const isoDate = (s: unknown): boolean => !!s && typeof s === 'object' && (s as Json).$ref === '#/components/schemas/IsoDate';
    const listed = new Set<string>();
    for (const op of contract.operations) {
      for (const p of op.parameters) if (isoDate(p.schema)) listed.add(`${op.operationId} /${p.in}/${p.name}`);
      const body = op.body?.contentTypes['application/json'];
      const ref = body && typeof body.$ref === 'string' ? contract.schemas[body.$ref.split('/').pop()!] : body;
      for (const [name, s] of Object.entries((ref?.properties ?? {}) as Record<string, unknown>))
        if (isoDate(s)) listed.add(`${op.operationId} /body/${name}`);
    }
    expect(
      fields()
        .map((f) => `${f.endpoint} ${f.field}`)
        .sort(),
    ).toEqual([...listed].sort());
  });

  it('refuses days outside 1900-01-01..2199-12-31 in every request date field with 422 naming the field, and far days with a 4xx; nothing changes', async () => {
    const before = await settled();
    for (const f of fields()) {
      for (const day of OUT_OF_BOUNDS) {
        const res = await f.send(day);
        expect([f.endpoint, f.field, day, res.status, res.body.code]).toEqual([f.endpoint, f.field, day, 422, 'validation-failed']);
        expect(res.body.errors).toEqual([{ field: f.field, message: BOUNDS }]);
      }
      for (const day of FAR) {
        const res = await f.send(day);
        expect([f.endpoint, f.field, day, res.status]).toEqual([f.endpoint, f.field, day, 422]);
        expect(res.headers.get('content-type')).toContain('application/problem+json');
      }
    }
    expect(await snapshot()).toEqual(before);
  });

  it('refuses months outside 1900-01..2199-12 (contribution months, clearing months); nothing changes', async () => {
    const before = await settled();
    for (const month of ['0000-01', '0099-12', '1899-12', '2200-01', '9999-12']) {
      const request = await send<Problem>('POST', '/v1/social-insurance/transfers', GUANGZHOU, 'human-resources', {
        citizenId: newCitizenId(),
        insuranceType: 'pension',
        outboundRegion: NANCHANG,
        hukouRegion: NANCHANG,
        inboundMonths: [month],
        evidence: PENSION_APPLICATION_EVIDENCE,
      });
      expect([month, request.status, request.body.errors]).toEqual([
        month,
        422,
        [{ field: '/body/inboundMonths/0', message: MONTH_BOUNDS }],
      ]);
      const certificate = await send<Problem>(
        'POST',
        `/v1/social-insurance/transfers/${certifiedTransfer.transferId}/certificate`,
        NANCHANG,
        'human-resources',
        {
          months: [{ month, baseFen: 500_000 }],
          accountBalanceFen: 0,
          evidence: PENSION_CERTIFICATE_EVIDENCE,
        },
      );
      expect([month, certificate.status, certificate.body.errors]).toEqual([
        month,
        422,
        [{ field: '/body/months/0/month', message: MONTH_BOUNDS }],
      ]);
      const clearing = await send<Problem>('GET', `/v1/medical/clearings/${month}`, GUANGZHOU, 'healthcare-security');
      expect([month, clearing.status, clearing.body.errors]).toEqual([month, 422, [{ field: '/path/month', message: MONTH_BOUNDS }]]);
    }
    expect(await snapshot()).toEqual(before);
  });

  describe('the reproductions of the issue', () => {
    it('refuses year 0000 (no 500 from PostgreSQL) on filings, settlements, insured-region changes, hukou moves and permits', async () => {
      const before = await settled();
      const zero = '0000-01-01';
      const byField = new Map(fields().map((f) => [`${f.endpoint} ${f.field}`, f]));
      for (const key of [
        'registerMedicalFiling /body/validFrom',
        'recordMedicalSettlement /body/admissionDate',
        'reportInsuredRegionChange /body/since',
        'reportHukouMove /body/movedOn',
        'issueResidencePermit /body/residenceSince',
      ]) {
        const res = await byField.get(key)!.send(zero);
        expect([key, res.status]).toEqual([key, 422]);
      }
      expect(await snapshot()).toEqual(before);
    });

    it('refuses a permit issued in the future (the issue: 2030), naming the window', async () => {
      const before = await settled();
      const issuedOn = addMonths(TODAY, 37);
      const res = await send<Problem>(
        'POST',
        '/v1/residence-permits',
        GUANGZHOU,
        'public-security',
        guangzhouPermit(newCitizenId(), { issuedOn, validUntil: addMonths(issuedOn, 12) }),
      );
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ code: 'validation-failed', notAfter: TODAY, errors: [{ field: '/body/issuedOn' }] });
      expect(await snapshot()).toEqual(before);
    });

    it('refuses an endorsement years ahead, naming the window', async () => {
      const before = await settled();
      const res = await send<Problem>('POST', `/v1/residence-permits/${permitId}/endorsements`, GUANGZHOU, 'public-security', {
        endorsedOn: addMonths(TODAY, 30),
      });
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ code: 'validation-failed', notAfter: TODAY, errors: [{ field: '/body/endorsedOn' }] });
      expect(await snapshot()).toEqual(before);
    });

    it('refuses validUntil 9999-12-31 or beyond ten years, and counts a permit stored valid until 9999-12-31 to the measuring day', async () => {
      const before = await settled();
      const forever = await send<Problem>(
        'POST',
        '/v1/residence-permits',
        GUANGZHOU,
        'public-security',
        guangzhouPermit(newCitizenId(), { validUntil: '9999-12-31' }),
      );
      expect([forever.status, forever.body.errors]).toEqual([422, [{ field: '/body/validUntil', message: BOUNDS }]]);
      const eleven = await send<Problem>(
        'POST',
        '/v1/residence-permits',
        GUANGZHOU,
        'public-security',
        guangzhouPermit(newCitizenId(), { validUntil: '2037-02-02' }),
      );
      expect(eleven.body).toMatchObject({
        status: 422,
        code: 'validation-failed',
        notAfter: '2036-02-02',
        errors: [{ field: '/body/validUntil' }],
      });
      expect(await snapshot()).toEqual(before);

      // a permit stored before the bounds with validUntil 9999-12-31 ("+010000-01" sorted before "2026…": 0 months)
      const residenceSince = `${addMonths(TODAY, -8).slice(0, 7)}-01`;
      const terms = { residenceSince, issuedOn: addMonths(TODAY, -1), validUntil: addMonths(TODAY, 11) };
      const stored = await send('POST', '/v1/residence-permits', GUANGZHOU, 'public-security', guangzhouPermit(newCitizenId(), terms));
      expect(stored.status).toBe(201);
      await suite.db.query(`UPDATE residence.permits SET valid_until = '9999-12-31' WHERE permit_id = $1`, [stored.body.permitId]);
      const history = await send<{ intervals: Json[] }>(
        'GET',
        `/v1/subjects/${String(stored.body.subjectRef)}/residence-history`,
        GUANGZHOU,
        'public-security',
      );
      expect(history.status).toBe(200);
      // counted from the first of a month to the day after today: whole months only
      const end = addDays(TODAY, 1);
      const months =
        (Number(end.slice(0, 4)) - Number(residenceSince.slice(0, 4))) * 12 + Number(end.slice(5, 7)) - Number(residenceSince.slice(5, 7));
      expect(history.body.intervals).toEqual([
        expect.objectContaining({ validUntil: '9999-12-31', countedTo: end, endedBy: 'as-of', months }),
      ]);
    });

    it('accepts a UTF-8 byte order mark before the first NDJSON line of a reconciliation', async () => {
      const line = JSON.stringify({ subjectRef: `s1_${'B'.repeat(32)}`, serviceCode: 'veterans.services', periodKey: 'visit-1' });
      const res = await call<Json>(gateway, 'POST', '/v1/reconciliations', {
        token: token(GUANGZHOU, 'veterans-affairs'),
        headers: { 'content-type': 'application/x-ndjson' },
        rawBody: `\uFEFF${line}\n${line.replace('visit-1', 'visit-2')}\n`,
      });
      expect([res.status, res.body.records]).toEqual([202, 2]);
    });
  });
});
