import type { EventDataByType } from '@tongban/contracts';
import { ProducedEventType } from '@tongban/messaging';
import { awaitedOf, StepClock, TransferRecord, TransferStep } from './transfer.types';

type SocialInsuranceEvent = Extract<ProducedEventType, `cn.gov.tongban.social-insurance.${string}`>;

export interface TransferEvent<T extends SocialInsuranceEvent = SocialInsuranceEvent> {
  type: T;
  data: EventDataByType[T];
  /** Default: both regions of the transfer. */
  recipients?: string[];
}

function base(t: TransferRecord): {
  transferId: string;
  subjectRef: string;
  insuranceType: TransferRecord['insuranceType'];
  inboundRegion: string;
  outboundRegion: string;
  state: TransferRecord['state'];
} {
  return {
    transferId: t.transferId,
    subjectRef: t.subjectRef,
    insuranceType: t.insuranceType,
    inboundRegion: t.inboundRegion,
    outboundRegion: t.outboundRegion,
    state: t.state,
  };
}

type V1State = Exclude<TransferRecord['state'], 'applied'>;

/** The common part of the v1 events, written only once the contact letter is out (never in state applied). */
function baseV1(t: TransferRecord): Omit<ReturnType<typeof base>, 'state'> & { state: V1State } {
  if (t.state === 'applied') throw new Error(`transfer ${t.transferId}: a v1 event cannot describe an application`);
  return { ...base(t), state: t.state };
}

/** The clock as the events carry it: the due date and whether it is provisional (past the official holiday schedule). */
function clockOf(t: TransferRecord): StepClock {
  if (!t.clock) throw new Error(`transfer ${t.transferId} has no running clock`);
  const { party, startedOn, workingDays, dueOn, provisional } = t.clock;
  return { party, startedOn, workingDays, dueOn, provisional };
}

/**
 * Who hears of a step: both regions, except while a pension application awaits the inbound review — the outbound
 * region learns of the transfer from its contact letter, not before.
 */
function recipientsAt(t: TransferRecord, step: TransferStep): string[] {
  return step === 'contact-letter' ? [t.inboundRegion] : [t.inboundRegion, t.outboundRegion];
}

/** Event payloads for agencies, built from the transfer after the change. No citizen ID, amounts in fen. */
export const transferEvents = {
  contactLetter: (t: TransferRecord): TransferEvent<'cn.gov.tongban.social-insurance.contact-letter-issued.v3'> => ({
    type: 'cn.gov.tongban.social-insurance.contact-letter-issued.v3',
    data: {
      ...base(t),
      hukouRegion: t.hukouRegion,
      appliedOn: t.appliedOn,
      issuedOn: t.contactLetterOn ?? clockOf(t).startedOn,
      inboundMonthsCount: t.inboundMonths.length,
      duplicateMonthsKept: t.duplicateMonthsKept,
      deadline: clockOf(t),
    },
  }),

  certificateReceived: (t: TransferRecord): TransferEvent<'cn.gov.tongban.social-insurance.certificate-received.v2'> => {
    const cert = t.certificate;
    const dup = t.duplicates;
    if (!cert || !dup) throw new Error('certificate-received needs a certificate');
    return {
      type: 'cn.gov.tongban.social-insurance.certificate-received.v2',
      data: {
        ...base(t),
        receivedOn: cert.receivedOn,
        monthsCount: cert.months.length,
        firstMonth: cert.months[0].month,
        lastMonth: cert.months[cert.months.length - 1].month,
        accountBalanceFen: cert.accountBalanceFen,
        duplicates: { months: dup.months, kept: dup.kept, refundBy: dup.refundBy, refundFen: dup.refundFen ?? null },
      },
    };
  },

  fundsComputed: (t: TransferRecord): TransferEvent<'cn.gov.tongban.social-insurance.funds-computed.v3'> => {
    const f = t.funds;
    if (!f) throw new Error('funds-computed needs funds');
    return {
      type: 'cn.gov.tongban.social-insurance.funds-computed.v3',
      data: {
        ...base(t),
        transferFen: f.transferFen,
        accountBalanceFen: f.accountBalanceFen,
        refundedShareFen: f.refundedShareFen ?? 0,
        duplicateMonthsKept: t.duplicateMonthsKept,
        pooledFen: f.pooledFen,
        years: f.years,
        refundedDuplicateMonths: t.duplicates?.months ?? [],
        policyVersion: f.policyVersion,
        collectionRegion: t.collectionRegion ? { region: t.collectionRegion.region, rule: t.collectionRegion.rule } : null,
        deadline: clockOf(t),
      },
    };
  },

  remitted: (t: TransferRecord): TransferEvent<'cn.gov.tongban.social-insurance.transfer-remitted.v2'> => {
    const r = t.remittance;
    if (!r) throw new Error('transfer-remitted needs a remittance');
    return { type: 'cn.gov.tongban.social-insurance.transfer-remitted.v2', data: { ...base(t), ...r, deadline: clockOf(t) } };
  },

  received: (t: TransferRecord): TransferEvent<'cn.gov.tongban.social-insurance.transfer-received.v1'> => {
    const r = t.receipt;
    if (!r) throw new Error('transfer-received needs a receipt');
    return { type: 'cn.gov.tongban.social-insurance.transfer-received.v1', data: { ...baseV1(t), ...r } };
  },

  completed: (t: TransferRecord, completedOn: string): TransferEvent<'cn.gov.tongban.social-insurance.transfer-completed.v1'> => ({
    type: 'cn.gov.tongban.social-insurance.transfer-completed.v1',
    data: { ...baseV1(t), transferFen: t.funds?.transferFen ?? 0, completedOn },
  }),

  refused: (t: TransferRecord): TransferEvent<'cn.gov.tongban.social-insurance.transfer-refused.v2'> => {
    const r = t.refusal;
    if (!r) throw new Error('transfer-refused needs a refusal');
    return {
      type: 'cn.gov.tongban.social-insurance.transfer-refused.v2',
      data: { ...base(t), step: r.step, refusedBy: r.region, reason: r.reason },
      recipients: recipientsAt(t, r.step),
    };
  },

  cancelled: (
    t: TransferRecord,
    step: NonNullable<ReturnType<typeof awaitedOf>>['step'],
    cancelledOn: string,
  ): TransferEvent<'cn.gov.tongban.social-insurance.transfer-cancelled.v2'> => ({
    type: 'cn.gov.tongban.social-insurance.transfer-cancelled.v2',
    data: { ...base(t), step, reason: t.cancellation?.reason ?? '', cancelledOn },
    recipients: recipientsAt(t, step),
  }),

  reminder: (
    t: TransferRecord,
    today: string,
    workingDaysLeft: number,
  ): TransferEvent<'cn.gov.tongban.social-insurance.deadline-reminder.v3'> => {
    const { step, awaitingRegion, dueOn } = awaiting(t);
    return {
      type: 'cn.gov.tongban.social-insurance.deadline-reminder.v3',
      data: { ...base(t), step, awaitingRegion, dueOn, dueOnProvisional: clockOf(t).provisional, workingDaysLeft, today },
      recipients: [awaitingRegion],
    };
  },

  overdue: (t: TransferRecord, overdueSince: string): TransferEvent<'cn.gov.tongban.social-insurance.deadline-overdue.v3'> => {
    const { step, awaitingRegion, dueOn } = awaiting(t);
    return {
      type: 'cn.gov.tongban.social-insurance.deadline-overdue.v3',
      data: { ...base(t), step, awaitingRegion, dueOn, dueOnProvisional: clockOf(t).provisional, overdueSince },
      recipients: recipientsAt(t, step),
    };
  },

  /**
   * A provisional due date counted again (`t` after the recompute): moved, or standing and now official. Told to
   * the regions that heard of the step, as its overdue event.
   */
  deadlineChanged: (
    t: TransferRecord,
    previousDueOn: string,
    overdueWithdrawn: boolean,
    recomputedOn: string,
  ): TransferEvent<'cn.gov.tongban.social-insurance.deadline-changed.v1'> => {
    const { step, awaitingRegion, dueOn } = awaiting(t);
    const { startedOn, workingDays, provisional } = clockOf(t);
    return {
      type: 'cn.gov.tongban.social-insurance.deadline-changed.v1',
      data: {
        ...base(t),
        step,
        awaitingRegion,
        startedOn,
        workingDays,
        previousDueOn,
        dueOn,
        provisional,
        overdueWithdrawn,
        recomputedOn,
      },
      recipients: recipientsAt(t, step),
    };
  },
};

export function awaiting(t: TransferRecord): {
  step: NonNullable<ReturnType<typeof awaitedOf>>['step'];
  awaitingRegion: string;
  dueOn: string;
} {
  const a = awaitedOf(t.state);
  const dueOn = t.clock?.dueOn;
  if (!a || !dueOn) throw new Error(`transfer ${t.transferId} awaits nothing with a due date`);
  return { step: a.step, awaitingRegion: a.party === 'outbound' ? t.outboundRegion : t.inboundRegion, dueOn };
}
