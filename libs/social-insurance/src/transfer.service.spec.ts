import { addDays, addMonths, WorkingDayCalendar } from '@tongban/calendar';
import {
  BUNDLED_CATALOGUE_DOCUMENT,
  EvidenceRef,
  liveView,
  loadServiceCatalogue,
  parseServiceCatalogue,
  ServiceCatalogue,
} from '@tongban/catalogue';
import { Database } from '@tongban/database';
import { DomainError, ErrorCode } from '@tongban/errors';
import { Actor, AgencyKind, makeCitizenId, parseCitizenId, SubjectRefs } from '@tongban/identity';
import { OutboxWriter } from '@tongban/messaging';
import fc from 'fast-check';
import { TransferDeadlines } from './transfer.deadlines';
import { HukouRegionSource } from './transfer.hukou';
import { TransferRepository } from './transfer.repository';
import { TransferService } from './transfer.service';
import { InsuranceType, RequestTransferCommand, StepName, TransferRecord, TransferState } from './transfer.types';
import { FakeDatabase, PinnedClock, RecordingOutbox, refusal } from '../../../test/harness/service-fakes';

/** The event names without their namespace and version (contact-letter-issued, …). */
const kinds = (outbox: RecordingOutbox): string[] => outbox.types().map((t) => t.split('.')[4]);

/** A clock the test moves from step to step (each at 10:00 in China). */

const GUANGZHOU = '440100'; // inbound: where the person works now
const NANCHANG = '360100'; // outbound
const DONGHU = '360102'; // the hukou region in the ledger: a district of 南昌
const SHENZHEN = '440300';
// Monday 14 September 2026: the application reaches 广州, whose review runs 15 working days
const APPLIED_ON = '2026-09-14';
// Monday 28 September 2026, the contact letter; the 国庆 week (1–7 October) lies inside every first deadline
const REQUESTED_ON = '2026-09-28';
const CITIZEN_ID = makeCitizenId('360102', '19900517', '123');
const refs = new SubjectRefs([{ version: 1, secret: Buffer.alloc(32, 3) }], 1);
const SUBJECT_REF = refs.ref(parseCitizenId(CITIZEN_ID));

const AGENCY: Record<InsuranceType, AgencyKind> = { pension: 'human-resources', medical: 'healthcare-security' };
const actor = (region: string | null, agency: AgencyKind | null): Actor => ({
  region,
  agency,
  credential: `${agency ?? 'ops'}-${region ?? 'ops'}`,
  requestId: 'req-42',
});
const inbound = (type: InsuranceType = 'pension'): Actor => actor(GUANGZHOU, AGENCY[type]);
const outbound = (type: InsuranceType = 'pension'): Actor => actor(NANCHANG, AGENCY[type]);

/** Months from..to (YYYY-MM), each with the same contribution base. */
const months = (from: string, to: string, baseFen: number): Array<{ month: string; baseFen: number }> => {
  const out: Array<{ month: string; baseFen: number }> = [];
  for (let m = from; m <= to; m = addMonths(`${m}-01`, 1).slice(0, 7)) out.push({ month: m, baseFen });
  return out;
};
// 2025 at a base of 8,000.00 yuan; the inbound region already has November and December (kept there, cleared here):
// 10 months × 800,000 × 12 % = 960,000 fen pooled + 1,000,001 fen of account − 2 × 800,000 × 8 % = 128,000 fen
// refunded to the person = 1,832,001 fen
// the evidence the bundled catalogue lists for the pension steps (国办发〔2009〕66号 第八条（一）, 第三条)
const APPLICATION: EvidenceRef = { kind: 'transfer-application', reference: 'GZ-RS-SQ-2026-000914' };
const CONTRIBUTION_CERTIFICATE: EvidenceRef = { kind: 'contribution-certificate', reference: 'NC-JFPZ/2026/0001' };
const PENSION_CERTIFICATE = {
  months: months('2025-01', '2025-12', 800_000),
  accountBalanceFen: 1_000_001,
  evidence: [CONTRIBUTION_CERTIFICATE],
};
const PENSION_FEN = 1_832_001;
const MEDICAL_CERTIFICATE = { months: months('2025-01', '2025-12', 600_000), accountBalanceFen: 250_000, contributionYears: 12 };

const pensionRequest = (over: Partial<RequestTransferCommand> = {}): RequestTransferCommand => ({
  citizenId: CITIZEN_ID,
  insuranceType: 'pension',
  outboundRegion: NANCHANG,
  hukouRegion: NANCHANG, // a claim: the ledger's 360102 lies within it
  appliedOn: APPLIED_ON,
  inboundMonths: ['2025-11', '2025-12', '2026-01'],
  evidence: [APPLICATION],
  ...over,
});
const medicalRequest = (over: Partial<RequestTransferCommand> = {}): RequestTransferCommand => ({
  citizenId: CITIZEN_ID,
  insuranceType: 'medical',
  outboundRegion: NANCHANG,
  ...over,
});

interface StepRow {
  transferId: string;
  step: StepName;
  from: TransferState | null;
  to: TransferState;
  actor: { region: string | null; label: string; requestId?: string };
  detail: Record<string, unknown>;
  evidence: readonly EvidenceRef[];
}

/** Transfers in memory, copied in and out as rows would be. */
class FakeTransfers {
  readonly rows = new Map<string, TransferRecord>();
  readonly steps: StepRow[] = [];
  readonly insert = jest.fn(async (t: TransferRecord, _actor: Actor): Promise<TransferRecord> => {
    this.rows.set(t.transferId, structuredClone(t));
    return structuredClone(t);
  });
  readonly lock = jest.fn(async (id: string): Promise<TransferRecord | undefined> => {
    const t = this.rows.get(id);
    return t && structuredClone(t);
  });
  readonly update = jest.fn(async (t: TransferRecord, _actor: string): Promise<TransferRecord> => {
    this.rows.set(t.transferId, structuredClone(t));
    return structuredClone(t);
  });
  readonly recordStep = jest.fn(
    async (
      transferId: string,
      step: StepName,
      from: TransferState | null,
      to: TransferState,
      actor: StepRow['actor'],
      detail: Record<string, unknown> = {},
      evidence: readonly EvidenceRef[] = [],
    ): Promise<void> => {
      this.steps.push({ transferId, step, from, to, actor, detail, evidence });
    },
  );
  readonly resolveNotices = jest.fn(async (_transferId: string): Promise<void> => undefined);
}

/** The ledger's hukou regions, by subjectRef. */
class FakeHukouRegions extends HukouRegionSource {
  readonly known = new Map<string, string>([[SUBJECT_REF, DONGHU]]);
  readonly hukouRegionOf = jest.fn(async (subjectRef: string): Promise<string | undefined> => this.known.get(subjectRef));
}

function setup(catalogue: ServiceCatalogue = loadServiceCatalogue()) {
  const db = new FakeDatabase();
  const hukou = new FakeHukouRegions();
  const outbox = new RecordingOutbox(db);
  const transfers = new FakeTransfers();
  const clock = new PinnedClock();
  clock.on(REQUESTED_ON);
  const service = new TransferService(
    db as unknown as Database,
    transfers as unknown as TransferRepository,
    outbox as unknown as OutboxWriter,
    refs,
    new TransferDeadlines(new WorkingDayCalendar()),
    clock,
    hukou,
    catalogue,
  );
  /** A transfer walked through the service to the given state (each step on its own day). */
  async function at(
    state: 'applied' | 'requested' | 'certified' | 'remitted' | 'completed',
    type: InsuranceType = 'pension',
  ): Promise<string> {
    clock.on(type === 'pension' ? APPLIED_ON : REQUESTED_ON);
    const { transferId } = await service.request(type === 'pension' ? pensionRequest() : medicalRequest(), inbound(type));
    if (state === 'applied') return transferId;
    clock.on(REQUESTED_ON);
    if (type === 'pension') {
      await service.contactLetter(transferId, {}, inbound(type));
      // the tests below observe the outbound region's steps from here, as before the review step existed
      transfers.update.mockClear();
      transfers.resolveNotices.mockClear();
    }
    if (state === 'requested') return transferId;
    await service.certificate(transferId, type === 'pension' ? PENSION_CERTIFICATE : MEDICAL_CERTIFICATE, outbound(type));
    if (state === 'certified') return transferId;
    clock.on('2026-10-12');
    const amountFen = type === 'pension' ? PENSION_FEN : MEDICAL_CERTIFICATE.accountBalanceFen;
    await service.remittance(transferId, { amountFen, remittedOn: '2026-10-09', reference: 'PAY-1' }, outbound(type));
    if (state === 'remitted') return transferId;
    clock.on('2026-10-19');
    await service.receipt(transferId, { amountFen, receivedOn: '2026-10-16' }, inbound(type));
    return transferId;
  }
  return { service, transfers, outbox, clock, hukou, at };
}

describe('TransferService.request', () => {
  it('a pension application: stored awaiting the inbound review on its own 15 working days, no event yet', async () => {
    const { service, transfers, outbox, clock, hukou } = setup();
    clock.on('2026-09-16');
    const t = await service.request(pensionRequest(), inbound());
    const stored = transfers.insert.mock.calls[0][0];
    expect(stored).toMatchObject({
      subjectRef: SUBJECT_REF,
      insuranceType: 'pension',
      inboundRegion: GUANGZHOU,
      outboundRegion: NANCHANG,
      hukouRegion: DONGHU, // the ledger's, not the claim
      state: 'applied',
      appliedOn: APPLIED_ON,
      contactLetterOn: null,
      duplicateMonthsKept: 'inbound',
      // 15 working days from the application (国办发〔2009〕66号 Art. 8(2)), ending on the make-up Saturday 10-10
      clock: { party: 'inbound', startedOn: APPLIED_ON, workingDays: 15, dueOn: '2026-10-10' },
      inboundMonths: ['2025-11', '2025-12', '2026-01'],
    });
    expect(hukou.hukouRegionOf).toHaveBeenCalledWith(SUBJECT_REF);
    expect(t).toMatchObject({ state: 'applied', step: 'contact-letter', awaitingRegion: GUANGZHOU, contactLetterOn: null });
    expect(transfers.steps).toEqual([
      {
        transferId: t.transferId,
        step: 'request',
        from: null,
        to: 'applied',
        actor: { region: GUANGZHOU, label: `${GUANGZHOU}:human-resources-${GUANGZHOU}`, requestId: 'req-42' },
        detail: { appliedOn: APPLIED_ON, duplicateMonthsKept: 'inbound', deadline: stored.clock },
        evidence: [APPLICATION],
      },
    ]);
    // the outbound region learns of the transfer from the contact letter, not from the application
    expect(outbox.events).toEqual([]);
    expect(JSON.stringify([transfers.rows.get(t.transferId), transfers.steps])).not.toContain(CITIZEN_ID);
  });

  it('the contact letter: the inbound region reviewed the application; the outbound clock starts, the letter goes to both', async () => {
    const { service, transfers, outbox, clock, at } = setup();
    const id = await at('applied');
    clock.on(REQUESTED_ON);
    const t = await service.contactLetter(id, { duplicateMonthsKept: 'outbound' }, inbound());
    expect(t).toMatchObject({
      state: 'requested',
      step: 'certificate',
      awaitingRegion: NANCHANG,
      appliedOn: APPLIED_ON,
      contactLetterOn: REQUESTED_ON,
      duplicateMonthsKept: 'outbound',
      hukouRegion: DONGHU,
      deadline: { party: 'outbound', startedOn: REQUESTED_ON, workingDays: 15, dueOn: '2026-10-23' },
    });
    expect(transfers.resolveNotices).toHaveBeenCalledWith(id);
    expect(transfers.steps.at(-1)).toMatchObject({
      step: 'contact-letter',
      from: 'applied',
      to: 'requested',
      detail: { duplicateMonthsKept: 'outbound', deadline: t.deadline },
    });
    expect(outbox.events.map((e) => e.draft)).toMatchObject([
      {
        type: 'cn.gov.tongban.social-insurance.contact-letter-issued.v3',
        subject: SUBJECT_REF,
        source: `${GUANGZHOU}/social-insurance`,
        recipients: [GUANGZHOU, NANCHANG],
        data: {
          appliedOn: APPLIED_ON,
          issuedOn: REQUESTED_ON,
          inboundMonthsCount: 3,
          hukouRegion: DONGHU,
          duplicateMonthsKept: 'outbound',
          state: 'requested',
        },
      },
    ]);
    expect(JSON.stringify(outbox.events)).not.toContain(CITIZEN_ID);
  });

  it('the contact letter is the inbound region’s, once, for a pension application only', async () => {
    const { service, at } = setup();
    const id = await at('applied');
    expect((await refusal(service.contactLetter(id, {}, outbound()))).code).toBe(ErrorCode.Forbidden);
    await service.contactLetter(id, {}, inbound());
    expect(await refusal(service.contactLetter(id, {}, inbound()))).toMatchObject({
      code: ErrorCode.InvalidTransition,
      extensions: { state: 'requested', allowedStates: ['applied'] },
    });
    const medical = await at('requested', 'medical');
    expect((await refusal(service.contactLetter(medical, {}, inbound('medical')))).code).toBe(ErrorCode.InvalidTransition);
  });

  it('the hukou region is the ledger’s: unknown person 422, a claim elsewhere 422, a claim of a containing area accepted', async () => {
    const { service, transfers, hukou } = setup();
    hukou.known.clear();
    const unknown = await refusal(service.request(pensionRequest(), inbound()));
    expect(unknown).toMatchObject({ code: ErrorCode.RuleViolated, extensions: { reason: 'hukou-region-unknown' } });
    expect(unknown.detail).toContain('POST /v1/subjects');
    hukou.known.set(SUBJECT_REF, DONGHU);
    const elsewhere = await refusal(service.request(pensionRequest({ hukouRegion: '360103' }), inbound())); // another 南昌 district
    expect(elsewhere).toMatchObject({
      code: ErrorCode.RuleViolated,
      extensions: { field: '/body/hukouRegion', reason: 'hukou-region-mismatch' },
    });
    expect(elsewhere.detail).not.toContain(DONGHU); // the ledger's value is not disclosed by a refusal
    expect(transfers.insert).not.toHaveBeenCalled();
    await service.request(pensionRequest({ hukouRegion: '360000' }), inbound()); // 江西 contains 东湖区
    expect(transfers.insert.mock.calls[0][0].hukouRegion).toBe(DONGHU);
  });

  it('the collection place follows the ledger at the certificate (a hukou move stated since the application)', async () => {
    const { service, hukou, at } = setup();
    const id = await at('requested');
    hukou.known.set(SUBJECT_REF, GUANGZHOU);
    const t = await service.certificate(id, PENSION_CERTIFICATE, outbound());
    // the relation is now in 广州, the hukou region: Art. 6(1)
    expect(t).toMatchObject({ hukouRegion: GUANGZHOU, collectionRegion: { region: GUANGZHOU, rule: 'hukou' } });
  });

  it('a medical transfer is requested by 医保, without a hukou region, on its own 10-day clock', async () => {
    const { service, transfers, outbox, hukou } = setup();
    await service.request(medicalRequest(), inbound('medical'));
    // 医保办发〔2021〕43号: the accepted application is the contact letter; the outbound region has 10 working days
    expect(transfers.insert.mock.calls[0][0]).toMatchObject({
      state: 'requested',
      hukouRegion: null,
      appliedOn: REQUESTED_ON,
      contactLetterOn: REQUESTED_ON,
      inboundMonths: [],
      clock: { party: 'outbound', workingDays: 10, dueOn: '2026-10-16' },
    });
    expect(hukou.hukouRegionOf).not.toHaveBeenCalled();
    expect(outbox.types()).toEqual(['cn.gov.tongban.social-insurance.contact-letter-issued.v3']);
  });

  it('is for the agency of the insurance in the inbound region: 403 naming the agency', async () => {
    const { service, transfers } = setup();
    const pension = await refusal(service.request(pensionRequest(), actor(GUANGZHOU, 'healthcare-security')));
    expect(pension).toMatchObject({ code: ErrorCode.Forbidden, extensions: { requiredAgency: 'human-resources' } });
    const medical = await refusal(service.request(medicalRequest(), actor(GUANGZHOU, 'human-resources')));
    expect(medical).toMatchObject({ code: ErrorCode.Forbidden, extensions: { requiredAgency: 'healthcare-security' } });
    expect((await refusal(service.request(pensionRequest(), actor(null, null)))).code).toBe(ErrorCode.Forbidden);
    expect(transfers.insert).not.toHaveBeenCalled();
  });

  it.each([
    [
      'an outbound region that is not a region',
      pensionRequest({ outboundRegion: '999999' }),
      ErrorCode.InvalidRegionCode,
      '/body/outboundRegion',
    ],
    ['the inbound region as outbound', pensionRequest({ outboundRegion: GUANGZHOU }), ErrorCode.ValidationFailed, '/body/outboundRegion'],
    ['a hukou region on a medical transfer', medicalRequest({ hukouRegion: NANCHANG }), ErrorCode.ValidationFailed, '/body/hukouRegion'],
    ['an application in the future', pensionRequest({ appliedOn: '2026-09-15' }), ErrorCode.ValidationFailed, '/body/appliedOn'],
    ['an application over a year old', pensionRequest({ appliedOn: '2025-09-13' }), ErrorCode.ValidationFailed, '/body/appliedOn'],
    ['a hukou region that is not a region', pensionRequest({ hukouRegion: '3601' }), ErrorCode.InvalidRegionCode, '/body/hukouRegion'],
    [
      'inbound months out of order',
      pensionRequest({ inboundMonths: ['2026-01', '2025-12'] }),
      ErrorCode.ValidationFailed,
      '/body/inboundMonths/1',
    ],
    [
      'an inbound month after this one',
      pensionRequest({ inboundMonths: ['2026-10'] }),
      ErrorCode.ValidationFailed,
      '/body/inboundMonths/0',
    ],
    [
      'a mistyped citizen ID',
      pensionRequest({ citizenId: `${CITIZEN_ID.slice(0, 17)}${CITIZEN_ID[17] === '1' ? '2' : '1'}` }),
      ErrorCode.InvalidCitizenId,
      '/body/citizenId',
    ],
  ] as const)('refuses %s, naming the field', async (_what, cmd, code, field) => {
    const { service, transfers, outbox, clock } = setup();
    clock.on(APPLIED_ON);
    const e = await refusal(service.request(cmd, inbound(cmd.insuranceType)));
    expect(e.code).toBe(code);
    expect(e.extensions.field ?? (e.extensions.errors as Array<{ field: string }> | undefined)?.[0]?.field).toBe(field);
    expect(transfers.insert).not.toHaveBeenCalled();
    expect(outbox.events).toEqual([]);
  });

  it('a second open transfer of the person (the unique index) is 409 conflict; other database errors pass through', async () => {
    const { service, transfers } = setup();
    transfers.insert.mockRejectedValueOnce(
      Object.assign(new Error('duplicate key'), { code: '23505', constraint: 'transfers_one_open_per_subject' }),
    );
    const e = await refusal(service.request(pensionRequest(), inbound()));
    expect(e).toMatchObject({ code: ErrorCode.Conflict, extensions: { rule: 'one-open-transfer-per-person-and-insurance' } });
    const other = Object.assign(new Error('duplicate key'), { code: '23505', constraint: 'transfers_pkey' });
    transfers.insert.mockRejectedValueOnce(other);
    await expect(service.request(pensionRequest(), inbound())).rejects.toBe(other);
  });
});

describe('TransferService steps', () => {
  it('certificate (outbound): funds computed without the refunded duplicates; the outbound clock runs on', async () => {
    const { service, transfers, outbox, at } = setup();
    const id = await at('requested');
    const requested = transfers.rows.get(id)!;
    const t = await service.certificate(id, PENSION_CERTIFICATE, outbound());
    expect(t).toMatchObject({
      state: 'certified',
      step: 'remittance',
      awaitingRegion: NANCHANG,
      funds: { transferFen: PENSION_FEN, pooledFen: 960_000, refundedShareFen: 128_000 },
      duplicates: { months: ['2025-11', '2025-12'], kept: 'inbound', refundBy: 'outbound', refundFen: 128_000 },
      collectionRegion: { region: DONGHU, rule: 'hukou-fallback' },
      certificate: { receivedOn: REQUESTED_ON },
    });
    expect(t.deadline).toEqual(requested.clock);
    expect(transfers.resolveNotices).not.toHaveBeenCalled();
    expect(transfers.steps.at(-1)).toMatchObject({
      step: 'certificate',
      from: 'requested',
      to: 'certified',
      detail: { transferFen: PENSION_FEN, duplicateMonths: ['2025-11', '2025-12'], duplicateMonthsKept: 'inbound', refundFen: 128_000 },
      evidence: [CONTRIBUTION_CERTIFICATE],
    });
    expect(transfers.steps.at(-1)?.detail).not.toHaveProperty('deadline');
    expect(kinds(outbox)).toEqual(['contact-letter-issued', 'certificate-received', 'funds-computed']);
  });

  it('remittance (outbound): exactly the computed amount, sent between the certificate and today; the inbound clock starts', async () => {
    const { service, transfers, outbox, clock, at } = setup();
    const id = await at('certified');
    clock.on('2026-10-12');
    const wrong = await refusal(
      service.remittance(id, { amountFen: PENSION_FEN - 1, remittedOn: '2026-10-09', reference: 'P' }, outbound()),
    );
    expect(wrong).toMatchObject({ code: ErrorCode.RuleViolated, extensions: { field: '/body/amountFen' } });
    for (const remittedOn of ['2026-09-27', '2026-10-13']) {
      const e = await refusal(service.remittance(id, { amountFen: PENSION_FEN, remittedOn, reference: 'P' }, outbound()));
      expect(e).toMatchObject({
        code: ErrorCode.ValidationFailed,
        extensions: { notBefore: REQUESTED_ON, notAfter: '2026-10-12', errors: [{ field: '/body/remittedOn' }] },
      });
    }
    expect(transfers.rows.get(id)?.state).toBe('certified');

    const t = await service.remittance(id, { amountFen: PENSION_FEN, remittedOn: REQUESTED_ON, reference: 'PAY-1' }, outbound());
    expect(t).toMatchObject({
      state: 'remitted',
      awaitingRegion: GUANGZHOU,
      remittance: { amountFen: PENSION_FEN, remittedOn: REQUESTED_ON, reference: 'PAY-1' },
      deadline: { party: 'inbound', startedOn: '2026-10-12', workingDays: 15, dueOn: '2026-11-02' },
    });
    expect(transfers.resolveNotices).toHaveBeenCalledWith(id);
    expect(transfers.steps.at(-1)).toMatchObject({ step: 'remittance', detail: { amountFen: PENSION_FEN, deadline: t.deadline } });
    expect(kinds(outbox).at(-1)).toBe('transfer-remitted');
  });

  it('property: a remittance is recorded iff it is the computed amount, sent from the certificate day to today', async () => {
    const { service, transfers, clock, at } = setup();
    const id = await at('certified');
    const certified = structuredClone(transfers.rows.get(id)!);
    clock.on('2026-10-12'); // 14 days after the certificate
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: -3, max: 3 }), fc.integer({ min: -5, max: 20 }), async (amountDelta, dayOffset) => {
        transfers.rows.set(id, structuredClone(certified));
        const cmd = { amountFen: PENSION_FEN + amountDelta, remittedOn: addDays(REQUESTED_ON, dayOffset), reference: 'P' };
        const outcome = await service.remittance(id, cmd, outbound()).then(
          (t) => t.state,
          (e: unknown) => (e instanceof DomainError ? e.code : e),
        );
        const expected =
          amountDelta !== 0 ? ErrorCode.RuleViolated : dayOffset < 0 || dayOffset > 14 ? ErrorCode.ValidationFailed : 'remitted';
        expect(outcome).toBe(expected);
      }),
    );
  });

  it('receipt (inbound): exactly the remitted amount, between the remittance and today; completes and stops the clock', async () => {
    const { service, transfers, outbox, clock, at } = setup();
    const id = await at('remitted');
    clock.on('2026-10-19');
    const short = await refusal(service.receipt(id, { amountFen: PENSION_FEN - 100, receivedOn: '2026-10-16' }, inbound()));
    expect(short).toMatchObject({ code: ErrorCode.RuleViolated, extensions: { field: '/body/amountFen' } });
    const early = await refusal(service.receipt(id, { amountFen: PENSION_FEN, receivedOn: '2026-10-08' }, inbound()));
    expect(early.extensions).toMatchObject({ notBefore: '2026-10-09', notAfter: '2026-10-19' });
    const t = await service.receipt(id, { amountFen: PENSION_FEN, receivedOn: '2026-10-16' }, inbound());
    expect(t).toMatchObject({ state: 'completed', step: null, awaitingRegion: null, deadline: null });
    expect(transfers.resolveNotices).toHaveBeenCalledTimes(2);
    expect(kinds(outbox).slice(-2)).toEqual(['transfer-received', 'transfer-completed']);
    expect(outbox.events.at(-1)?.draft.data).toMatchObject({ transferFen: PENSION_FEN, completedOn: '2026-10-19' });
  });

  it('a medical transfer moves the account balance; the inbound region has 5 working days', async () => {
    const { service, at, transfers, clock } = setup();
    const id = await at('remitted', 'medical');
    clock.on('2026-10-19');
    expect(transfers.rows.get(id)).toMatchObject({
      funds: { transferFen: 250_000, pooledFen: 0, contributionYears: 12 },
      clock: { party: 'inbound', startedOn: '2026-10-12', workingDays: 5, dueOn: '2026-10-19' },
    });
    await expect(service.receipt(id, { amountFen: 250_000, receivedOn: '2026-10-19' }, inbound('medical'))).resolves.toMatchObject({
      state: 'completed',
    });
  });

  describe('who acts, and when', () => {
    it.each([
      ['the certificate', 'requested', 'inbound'],
      ['the remittance', 'certified', 'inbound'],
      ['the receipt', 'remitted', 'outbound'],
    ] as const)('%s (awaited while %s) is refused to the %s region: 403', async (what, state, wrongSide) => {
      const { service, at, transfers } = setup();
      const id = await at(state);
      const who = wrongSide === 'inbound' ? inbound() : outbound();
      const call =
        what === 'the certificate'
          ? service.certificate(id, PENSION_CERTIFICATE, who)
          : what === 'the remittance'
            ? service.remittance(id, { amountFen: PENSION_FEN, remittedOn: REQUESTED_ON, reference: 'P' }, who)
            : service.receipt(id, { amountFen: PENSION_FEN, receivedOn: '2026-10-12' }, who);
      expect((await refusal(call)).code).toBe(ErrorCode.Forbidden);
      expect(transfers.rows.get(id)?.state).toBe(state);
    });

    it('a region not party to the transfer, or an unknown transfer, is 404; operators take no step', async () => {
      const { service, at } = setup();
      const id = await at('requested');
      expect((await refusal(service.certificate(id, PENSION_CERTIFICATE, actor(SHENZHEN, 'human-resources')))).code).toBe(
        ErrorCode.NotFound,
      );
      expect((await refusal(service.certificate('00000000-0000-4000-8000-000000000000', PENSION_CERTIFICATE, outbound()))).code).toBe(
        ErrorCode.NotFound,
      );
      expect((await refusal(service.refusal(id, { reason: 'r' }, actor(null, null)))).code).toBe(ErrorCode.Forbidden);
    });

    it("the party's other agency cannot act for it: 403 naming the agency", async () => {
      const { service, at } = setup();
      const id = await at('requested');
      const e = await refusal(service.certificate(id, PENSION_CERTIFICATE, actor(NANCHANG, 'healthcare-security')));
      expect(e).toMatchObject({ code: ErrorCode.Forbidden, extensions: { requiredAgency: 'human-resources' } });
    });

    it('a step out of its state is 409 naming the state and the states it is taken in', async () => {
      const { service, at } = setup();
      const id = await at('certified');
      const again = await refusal(service.certificate(id, PENSION_CERTIFICATE, outbound()));
      expect(again).toMatchObject({ code: ErrorCode.InvalidTransition, extensions: { state: 'certified', allowedStates: ['requested'] } });
      const early = await refusal(service.receipt(id, { amountFen: PENSION_FEN, receivedOn: REQUESTED_ON }, inbound()));
      // the inbound region is not awaited yet: its receipt is refused for the state, not for the party
      expect(early).toMatchObject({ code: ErrorCode.InvalidTransition, extensions: { state: 'certified', allowedStates: ['remitted'] } });
    });

    it('an invalid certificate changes nothing', async () => {
      const { service, at, transfers, outbox } = setup();
      const id = await at('requested');
      const e = await refusal(service.certificate(id, { months: months('2026-09', '2026-10', 800_000), accountBalanceFen: 0 }, outbound()));
      expect(e.code).toBe(ErrorCode.ValidationFailed);
      expect(transfers.update).not.toHaveBeenCalled();
      expect(kinds(outbox)).toEqual(['contact-letter-issued']);
    });
  });

  describe('refusal and cancellation', () => {
    it.each([
      ['requested', 'certificate', NANCHANG],
      ['certified', 'remittance', NANCHANG],
      ['remitted', 'receipt', GUANGZHOU],
    ] as const)('a %s transfer is refused by the region awaited for the %s (%s) only', async (state, step, region) => {
      const { service, at, transfers, outbox } = setup();
      const id = await at(state);
      const other = region === NANCHANG ? inbound() : outbound();
      expect((await refusal(service.refusal(id, { reason: 'no such person here' }, other))).code).toBe(ErrorCode.Forbidden);
      const t = await service.refusal(id, { reason: 'no such person here' }, actor(region, 'human-resources'));
      expect(t).toMatchObject({ state: 'refused', deadline: null, refusal: { step, region, reason: 'no such person here' } });
      expect(transfers.steps.at(-1)).toMatchObject({ step: 'refusal', from: state, to: 'refused', detail: { step } });
      expect(outbox.events.at(-1)?.draft).toMatchObject({
        type: 'cn.gov.tongban.social-insurance.transfer-refused.v2',
        recipients: [GUANGZHOU, NANCHANG],
        data: { step, refusedBy: region },
      });
    });

    it('the inbound review refuses an application with its written reasons; only the inbound region hears of it', async () => {
      const { service, at, outbox, transfers } = setup();
      const id = await at('applied');
      expect((await refusal(service.refusal(id, { reason: 'not insured here' }, outbound()))).code).toBe(ErrorCode.Forbidden);
      const t = await service.refusal(id, { reason: '未在本地建立基本养老保险关系' }, inbound());
      expect(t).toMatchObject({ state: 'refused', deadline: null, refusal: { step: 'contact-letter', region: GUANGZHOU } });
      expect(transfers.steps.at(-1)).toMatchObject({ step: 'refusal', from: 'applied', to: 'refused' });
      expect(outbox.events.map((e) => e.draft)).toMatchObject([
        { type: 'cn.gov.tongban.social-insurance.transfer-refused.v2', recipients: [GUANGZHOU], data: { step: 'contact-letter' } },
      ]);
    });

    it('an application withdrawn before the letter is cancelled, told to the inbound region only', async () => {
      const { service, at, outbox } = setup();
      const id = await at('applied');
      await service.cancellation(id, { reason: 'withdrawn' }, inbound());
      expect(outbox.events.map((e) => e.draft)).toMatchObject([
        { type: 'cn.gov.tongban.social-insurance.transfer-cancelled.v2', recipients: [GUANGZHOU], data: { step: 'contact-letter' } },
      ]);
    });

    it('a closed transfer is neither refused nor cancelled: 409', async () => {
      const { service, at } = setup();
      const id = await at('completed');
      for (const who of [inbound(), outbound()]) {
        expect(await refusal(service.refusal(id, { reason: 'late' }, who))).toMatchObject({
          code: ErrorCode.InvalidTransition,
          extensions: { state: 'completed' },
        });
      }
      expect((await refusal(service.cancellation(id, { reason: 'late' }, inbound()))).code).toBe(ErrorCode.InvalidTransition);
    });

    it.each([
      ['requested', 'certificate'],
      ['certified', 'remittance'],
    ] as const)('the inbound region cancels a %s transfer, naming the step it awaited (%s)', async (state, step) => {
      const { service, at, outbox } = setup();
      const id = await at(state);
      expect((await refusal(service.cancellation(id, { reason: 'moved on' }, outbound()))).code).toBe(ErrorCode.Forbidden);
      const t = await service.cancellation(id, { reason: 'moved on' }, inbound());
      expect(t).toMatchObject({ state: 'cancelled', cancellation: { reason: 'moved on' }, deadline: null });
      expect(outbox.events.at(-1)?.draft.data).toMatchObject({ step, reason: 'moved on', cancelledOn: REQUESTED_ON });
    });

    it('once the funds are sent, the transfer is no longer cancelled', async () => {
      const { service, at } = setup();
      const id = await at('remitted');
      const e = await refusal(service.cancellation(id, { reason: 'moved on' }, inbound()));
      expect(e).toMatchObject({
        code: ErrorCode.InvalidTransition,
        extensions: { state: 'remitted', allowedStates: ['applied', 'requested', 'certified'] },
      });
    });
  });
});

describe('TransferService evidence (统一证明材料要求, 000-十二)', () => {
  /** The bundled catalogue with evidence listed for a medical transfer's request too: a later version. */
  const withMedicalEvidence = (): ServiceCatalogue => {
    const doc = structuredClone(BUNDLED_CATALOGUE_DOCUMENT) as { version: number; evidence: { transfers: unknown[] } };
    doc.version = 2;
    doc.evidence.transfers.push({ insuranceType: 'medical', step: 'request', kinds: ['transfer-application'], source: 'test' });
    return parseServiceCatalogue(doc, 'test');
  };

  it('a pension request without the written application is 422 evidence-required, naming the kind; nothing is recorded', async () => {
    const { service, transfers, outbox, hukou } = setup();
    for (const evidence of [undefined, [], [{ kind: 'residence-permit', reference: 'GZ-JZZ-0001' }]]) {
      const e = await refusal(service.request(pensionRequest({ evidence }), inbound()));
      expect(e).toMatchObject({
        code: ErrorCode.RuleViolated,
        extensions: {
          rule: 'evidence-required',
          clause: '000-十二',
          missing: ['transfer-application'],
          errors: [{ field: '/body/evidence', message: "must reference a 'transfer-application'" }],
        },
      });
      expect(e.detail).toContain('a pension transfer request must carry a reference');
    }
    expect(transfers.insert).not.toHaveBeenCalled();
    expect(transfers.steps).toEqual([]);
    expect(outbox.events).toEqual([]);
    expect(hukou.hukouRegionOf).not.toHaveBeenCalled();
  });

  it('a pension certificate without the 参保缴费凭证 is 422 evidence-required; the transfer stays requested', async () => {
    const { service, transfers, outbox, at } = setup();
    const id = await at('requested');
    const before = structuredClone(transfers.rows.get(id));
    const steps = transfers.steps.length;
    const e = await refusal(service.certificate(id, { ...PENSION_CERTIFICATE, evidence: [APPLICATION] }, outbound()));
    expect(e).toMatchObject({
      code: ErrorCode.RuleViolated,
      extensions: { rule: 'evidence-required', clause: '000-十二', missing: ['contribution-certificate'] },
    });
    expect(e.detail).toContain('a pension transfer certificate');
    expect(transfers.rows.get(id)).toEqual(before);
    expect(transfers.update).not.toHaveBeenCalled();
    expect(transfers.steps).toHaveLength(steps);
    expect(kinds(outbox)).toEqual(['contact-letter-issued']);
  });

  it('the references are stored with their step, the request’s and the certificate’s', async () => {
    const { service, transfers, at } = setup();
    const id = await at('certified');
    expect(transfers.steps.filter((r) => r.transferId === id).map((r) => [r.step, r.evidence])).toEqual([
      ['request', [APPLICATION]],
      ['contact-letter', []],
      ['certificate', [CONTRIBUTION_CERTIFICATE]],
    ]);
    await service.remittance(id, { amountFen: PENSION_FEN, remittedOn: REQUESTED_ON, reference: 'PAY-1' }, outbound());
    expect(transfers.steps.at(-1)).toMatchObject({ step: 'remittance', evidence: [] });
  });

  it('a malformed reference is 422 validation-failed naming it (never a citizen ID number with spaces or personal data)', async () => {
    const { service, transfers } = setup();
    const e = await refusal(
      service.request(pensionRequest({ evidence: [{ kind: 'transfer-application', reference: '申请 001' }] }), inbound()),
    );
    expect(e).toMatchObject({ code: ErrorCode.ValidationFailed, extensions: { errors: [{ field: '/body/evidence/0/reference' }] } });
    expect(transfers.insert).not.toHaveBeenCalled();
  });

  it('a medical transfer needs none in the bundled catalogue; references sent are kept', async () => {
    const { transfers, at } = setup();
    const id = await at('certified', 'medical');
    expect(transfers.rows.get(id)?.state).toBe('certified');
    const ref: EvidenceRef = { kind: 'transfer-application', reference: 'YB-SQ-1' };
    const { service, transfers: stored } = setup();
    await service.request(medicalRequest({ evidence: [ref] }), inbound('medical'));
    expect(stored.steps[0].evidence).toEqual([ref]);
  });

  it('follows the catalogue version in force: a version listing medical evidence refuses a medical request without it', async () => {
    let inForce = loadServiceCatalogue();
    const { service, transfers } = setup(liveView(ServiceCatalogue.prototype, () => inForce));
    const first = await service.request(medicalRequest(), inbound('medical'));
    await service.cancellation(first.transferId, { reason: 'test' }, inbound('medical'));
    inForce = withMedicalEvidence();
    const e = await refusal(service.request(medicalRequest(), inbound('medical')));
    expect(e).toMatchObject({ code: ErrorCode.RuleViolated, extensions: { rule: 'evidence-required', missing: ['transfer-application'] } });
    expect(e.detail).toContain('a medical transfer request');
    expect(transfers.insert).toHaveBeenCalledTimes(1);
  });
});
