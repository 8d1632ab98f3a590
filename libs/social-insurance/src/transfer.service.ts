import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { addMonths, assertDateWithin, ChinaClock } from '@tongban/calendar';
import { assertEvidence, EvidenceRef, requiredTransferEvidence, ServiceCatalogue, TransferEvidenceStep } from '@tongban/catalogue';
import { Database, PgError, pgConstraint, pgErrorCode } from '@tongban/database';
import { DomainError, ErrorCode } from '@tongban/errors';
import { Actor, actorLabel, parseCitizenId, regionActingAs, SubjectRefs } from '@tongban/identity';
import { OutboxWriter } from '@tongban/messaging';
import { assertRegionCode } from '@tongban/regions';
import { assessCertificate, validateInboundMonths } from './transfer.certificate';
import { TransferDeadlines } from './transfer.deadlines';
import { TransferEvent, transferEvents } from './transfer.events';
import { HukouRegionSource, hukouRegionFor } from './transfer.hukou';
import { TransferRepository } from './transfer.repository';
import {
  awaitedOf,
  CancellationCommand,
  CertificateCommand,
  ClockParty,
  ContactLetterCommand,
  InsuranceType,
  ReceiptCommand,
  RefusalCommand,
  RemittanceCommand,
  RequestTransferCommand,
  SOCIAL_INSURANCE_SCHEMA,
  SOCIAL_INSURANCE_SOURCE,
  StepName,
  Transfer,
  TransferRecord,
  TRANSFER_AGENCY,
  TransferState,
  toView,
} from './transfer.types';

const field = (f: string, message: string): DomainError =>
  new DomainError(ErrorCode.ValidationFailed, `${f} ${message}`, { field: f, errors: [{ field: f, message }] });

/**
 * The transfer workflow (社保关系转移接续): the person applies to the inbound region, which (pension) reviews the
 * application and issues the contact letter, or (medical) issues it on accepting the application; the outbound
 * region certifies and remits, the inbound region confirms receipt. Each step checks who acts (from the
 * credential) and in which state, and writes the change, its history row and its events in one transaction.
 */
@Injectable()
export class TransferService {
  constructor(
    private readonly db: Database,
    private readonly transfers: TransferRepository,
    private readonly outbox: OutboxWriter,
    private readonly subjects: SubjectRefs,
    private readonly deadlines: TransferDeadlines,
    private readonly clock: ChinaClock,
    private readonly hukou: HukouRegionSource,
    private readonly catalogue: ServiceCatalogue,
  ) {}

  /**
   * The application, recorded by the inbound region. A pension application awaits the inbound review (its own
   * 15 working days from `appliedOn`, 国办发〔2009〕66号 Art. 8(2)); a medical one is the contact letter at once
   * (医保办发〔2021〕43号: the outbound region's 10 working days run from the accepted application). It references
   * the evidence the catalogue in force requires for the step `request` (000-十二).
   */
  async request(cmd: RequestTransferCommand, actor: Actor): Promise<Transfer> {
    const inbound = regionActingAs(actor, TRANSFER_AGENCY[cmd.insuranceType], `requesting a ${cmd.insuranceType} transfer`);
    const today = this.clock.today();
    const pension = cmd.insuranceType === 'pension';
    assertRegionCode(cmd.outboundRegion, '/body/outboundRegion');
    if (cmd.outboundRegion === inbound) throw field('/body/outboundRegion', 'must differ from the calling (inbound) region');
    if (cmd.hukouRegion !== undefined) {
      if (!pension) throw field('/body/hukouRegion', 'applies to pension transfers only (the collection place, 国办发〔2009〕66号 Art. 6)');
      assertRegionCode(cmd.hukouRegion, '/body/hukouRegion');
    }
    const appliedOn = cmd.appliedOn ?? today;
    assertDateWithin(
      '/body/appliedOn',
      appliedOn,
      { notBefore: addMonths(today, -12), notAfter: today },
      'an application is recorded once received, within 12 months',
    );
    const inboundMonths = cmd.inboundMonths ?? [];
    validateInboundMonths(inboundMonths, today);
    let subjectRef: string;
    try {
      subjectRef = this.subjects.ref(parseCitizenId(cmd.citizenId, { now: this.clock.now() }));
    } catch (error) {
      if (error instanceof DomainError && error.code === ErrorCode.InvalidCitizenId)
        throw new DomainError(ErrorCode.InvalidCitizenId, error.detail, {
          reason: String(error.extensions.reason),
          field: '/body/citizenId',
        });
      throw error;
    }
    const evidence = this.evidence(cmd.insuranceType, 'request', cmd.evidence, `a ${cmd.insuranceType} transfer request`);
    const hukouRegion = pension ? hukouRegionFor(await this.hukou.hukouRegionOf(subjectRef), cmd.hukouRegion) : null;
    const draft: TransferRecord = {
      transferId: randomUUID(),
      subjectRef,
      insuranceType: cmd.insuranceType,
      inboundRegion: inbound,
      outboundRegion: cmd.outboundRegion,
      hukouRegion,
      state: pension ? 'applied' : 'requested',
      clock: this.deadlines.start(cmd.insuranceType, pension ? 'inbound' : 'outbound', appliedOn),
      overdueSince: null,
      appliedOn,
      contactLetterOn: pension ? null : appliedOn,
      duplicateMonthsKept: cmd.duplicateMonthsKept ?? 'inbound',
      inboundMonths,
      certificate: null,
      duplicates: null,
      funds: null,
      collectionRegion: null,
      remittance: null,
      receipt: null,
      refusal: null,
      cancellation: null,
    };
    try {
      return await this.db.tx(async () => {
        const t = await this.transfers.insert(draft, actor);
        await this.transfers.recordStep(
          t.transferId,
          'request',
          null,
          t.state,
          this.who(actor),
          { appliedOn: t.appliedOn, duplicateMonthsKept: t.duplicateMonthsKept, deadline: t.clock },
          evidence,
        );
        // a pension application concerns the inbound region alone until its contact letter
        if (!pension) await this.emit(t, actor, [transferEvents.contactLetter(t)]);
        return toView(t);
      });
    } catch (error) {
      if (pgErrorCode(error) === PgError.UniqueViolation && pgConstraint(error) === 'transfers_one_open_per_subject') {
        throw new DomainError(
          ErrorCode.Conflict,
          `the person already has an open ${cmd.insuranceType} transfer; it must complete, be refused or be cancelled first`,
          {
            rule: 'one-open-transfer-per-person-and-insurance',
          },
        );
      }
      throw error;
    }
  }

  /**
   * The inbound region reviewed the pension application and issues the contact letter (同意接收函); the outbound
   * region's 15 working days start today. A refusal instead is `refusal` with the written reasons.
   */
  contactLetter(transferId: string, cmd: ContactLetterCommand, actor: Actor): Promise<Transfer> {
    return this.step(transferId, actor, 'contact-letter', 'inbound', ['applied'], async (t, today) => {
      const next = await this.save(
        {
          ...t,
          state: 'requested',
          hukouRegion: (await this.hukou.hukouRegionOf(t.subjectRef)) ?? t.hukouRegion,
          contactLetterOn: today,
          duplicateMonthsKept: cmd.duplicateMonthsKept ?? t.duplicateMonthsKept,
          clock: this.deadlines.start(t.insuranceType, 'outbound', today),
          overdueSince: null,
        },
        actor,
      );
      return {
        next,
        events: [transferEvents.contactLetter(next)],
        detail: { duplicateMonthsKept: next.duplicateMonthsKept },
        clockMoved: true,
      };
    });
  }

  /** The outbound region's contribution certificate, referencing the evidence the catalogue requires: duplicates resolved, funds computed. */
  certificate(transferId: string, cmd: CertificateCommand, actor: Actor): Promise<Transfer> {
    return this.step(transferId, actor, 'certificate', 'outbound', ['requested'], async (t, today) => {
      // the collection place is advised on the hukou region the ledger records now
      const hukouRegion = t.insuranceType === 'pension' ? ((await this.hukou.hukouRegionOf(t.subjectRef)) ?? t.hukouRegion) : t.hukouRegion;
      const a = assessCertificate({ ...t, hukouRegion }, cmd, today, this.deadlines.policy);
      const evidence = this.evidence(t.insuranceType, 'certificate', cmd.evidence, `a ${t.insuranceType} transfer certificate`);
      const next = await this.save({ ...t, hukouRegion, state: 'certified', ...a }, actor);
      return {
        next,
        events: [transferEvents.certificateReceived(next), transferEvents.fundsComputed(next)],
        detail: {
          transferFen: a.funds.transferFen,
          duplicateMonths: a.duplicates.months,
          duplicateMonthsKept: a.duplicates.kept,
          refundFen: a.duplicates.refundFen ?? null,
        },
        evidence,
      };
    });
  }

  remittance(transferId: string, cmd: RemittanceCommand, actor: Actor): Promise<Transfer> {
    return this.step(transferId, actor, 'remittance', 'outbound', ['certified'], async (t, today) => {
      const due = t.funds?.transferFen ?? 0;
      if (cmd.amountFen !== due) throw rule('/body/amountFen', `must equal the computed transfer amount ${due} fen`);
      const certifiedOn = t.certificate?.receivedOn ?? today;
      assertDateWithin(
        '/body/remittedOn',
        cmd.remittedOn,
        { notBefore: certifiedOn, notAfter: today },
        'funds are remitted once certified, and recorded once sent',
      );
      const next = await this.save(
        {
          ...t,
          state: 'remitted',
          remittance: { amountFen: cmd.amountFen, remittedOn: cmd.remittedOn, reference: cmd.reference },
          clock: this.deadlines.start(t.insuranceType, 'inbound', today),
          overdueSince: null,
        },
        actor,
      );
      return {
        next,
        events: [transferEvents.remitted(next)],
        detail: { amountFen: cmd.amountFen, reference: cmd.reference },
        clockMoved: true,
      };
    });
  }

  receipt(transferId: string, cmd: ReceiptCommand, actor: Actor): Promise<Transfer> {
    return this.step(transferId, actor, 'receipt', 'inbound', ['remitted'], async (t, today) => {
      const remitted = t.remittance?.amountFen ?? 0;
      if (cmd.amountFen !== remitted)
        throw rule('/body/amountFen', `must equal the remitted amount ${remitted} fen; refuse the transfer if the funds differ`);
      const remittedOn = t.remittance?.remittedOn ?? today;
      assertDateWithin(
        '/body/receivedOn',
        cmd.receivedOn,
        { notBefore: remittedOn, notAfter: today },
        'funds arrive once remitted, and are recorded once arrived',
      );
      const next = await this.save(
        { ...t, state: 'completed', receipt: { amountFen: cmd.amountFen, receivedOn: cmd.receivedOn }, clock: null, overdueSince: null },
        actor,
      );
      return {
        next,
        events: [transferEvents.received(next), transferEvents.completed(next, today)],
        detail: { amountFen: cmd.amountFen },
        clockMoved: true,
      };
    });
  }

  /** Refusal by the region whose step it is, at any step (at the contact letter: the inbound review's written reasons). */
  refusal(transferId: string, cmd: RefusalCommand, actor: Actor): Promise<Transfer> {
    return this.step(transferId, actor, 'refusal', 'awaited', ['applied', 'requested', 'certified', 'remitted'], async (t) => {
      const awaited = awaitedOf(t.state);
      if (!awaited) throw new Error('unreachable: refusal of a closed transfer');
      const refusal = { step: awaited.step, region: this.regionOf(actor), reason: cmd.reason };
      const next = await this.save({ ...t, state: 'refused', refusal, clock: null, overdueSince: null }, actor);
      return { next, events: [transferEvents.refused(next)], detail: { step: awaited.step, reason: cmd.reason }, clockMoved: true };
    });
  }

  /** Cancellation by the requesting (inbound) region, before the funds are remitted. */
  cancellation(transferId: string, cmd: CancellationCommand, actor: Actor): Promise<Transfer> {
    return this.step(transferId, actor, 'cancellation', 'inbound', ['applied', 'requested', 'certified'], async (t, today) => {
      const awaited = awaitedOf(t.state);
      if (!awaited) throw new Error('unreachable: cancellation of a closed transfer');
      const next = await this.save(
        { ...t, state: 'cancelled', cancellation: { reason: cmd.reason }, clock: null, overdueSince: null },
        actor,
      );
      return { next, events: [transferEvents.cancelled(next, awaited.step, today)], detail: { reason: cmd.reason }, clockMoved: true };
    });
  }

  private async step(
    transferId: string,
    actor: Actor,
    name: StepName,
    party: ClockParty | 'awaited',
    allowed: readonly TransferState[],
    apply: (
      t: TransferRecord,
      today: string,
    ) => Promise<{
      next: TransferRecord;
      events: TransferEvent[];
      detail: Record<string, unknown>;
      clockMoved?: boolean;
      evidence?: readonly EvidenceRef[];
    }>,
  ): Promise<Transfer> {
    const region = this.regionOf(actor);
    return this.db.tx(async () => {
      const t = await this.transfers.lock(transferId);
      if (!t || (t.inboundRegion !== region && t.outboundRegion !== region)) throw new DomainError(ErrorCode.NotFound, 'no such transfer');
      const mustBe = party === 'awaited' ? awaitedOf(t.state)?.party : party;
      if (mustBe !== undefined && region !== (mustBe === 'outbound' ? t.outboundRegion : t.inboundRegion)) {
        throw new DomainError(
          ErrorCode.Forbidden,
          `the ${name} is for the ${mustBe} region ${mustBe === 'outbound' ? t.outboundRegion : t.inboundRegion} to submit`,
        );
      }
      regionActingAs(actor, TRANSFER_AGENCY[t.insuranceType], `a step of a ${t.insuranceType} transfer`);
      if (!allowed.includes(t.state)) {
        throw new DomainError(ErrorCode.InvalidTransition, `a ${name} is not possible while the transfer is ${t.state}`, {
          state: t.state,
          allowedStates: [...allowed],
        });
      }
      const { next, events, detail, clockMoved, evidence } = await apply(t, this.clock.today());
      if (clockMoved) await this.transfers.resolveNotices(t.transferId);
      await this.transfers.recordStep(
        t.transferId,
        name,
        t.state,
        next.state,
        this.who(actor),
        { ...detail, ...(clockMoved ? { deadline: next.clock } : {}) },
        evidence,
      );
      await this.emit(next, actor, events);
      return toView(next);
    });
  }

  /**
   * The references a step's request carries, once they cover every evidence kind the catalogue version in force
   * lists for the step (统一证明材料要求, 000-十二): refused with 422 evidence-required before any change otherwise.
   */
  private evidence(
    type: InsuranceType,
    step: TransferEvidenceStep,
    given: readonly EvidenceRef[] | undefined,
    what: string,
  ): EvidenceRef[] {
    const evidence = [...(given ?? [])];
    assertEvidence(requiredTransferEvidence(this.catalogue, type, step), evidence, what);
    return evidence;
  }

  private save(t: TransferRecord, actor: Actor): Promise<TransferRecord> {
    return this.transfers.update(t, actorLabel(actor));
  }

  private async emit(t: TransferRecord, actor: Actor, events: TransferEvent[]): Promise<void> {
    for (const e of events) {
      await this.outbox.append(SOCIAL_INSURANCE_SCHEMA, {
        type: e.type,
        subject: t.subjectRef,
        source: `${actor.region ?? 'tongban'}/${SOCIAL_INSURANCE_SOURCE}`,
        recipients: e.recipients ?? [t.inboundRegion, t.outboundRegion],
        actor: actorLabel(actor),
        requestId: actor.requestId,
        data: e.data,
      });
    }
  }

  private regionOf(actor: Actor): string {
    if (actor.region === null) throw new DomainError(ErrorCode.Forbidden, 'transfer steps are taken by a region');
    return actor.region;
  }

  private who(actor: Actor): { region: string | null; label: string; requestId?: string } {
    return { region: actor.region, label: actorLabel(actor), requestId: actor.requestId };
  }
}

function rule(f: string, message: string): DomainError {
  return new DomainError(ErrorCode.RuleViolated, `${f} ${message}`, { field: f });
}
