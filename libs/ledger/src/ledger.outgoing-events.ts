import type { EventDataByType } from '@tongban/contracts';
import { ProducedEventType } from '@tongban/messaging';
import { FactChange, Handoff } from './ledger.types';

type LedgerEventType = Extract<ProducedEventType, `cn.gov.tongban.ledger.${string}`>;

export interface LedgerEvent<T extends LedgerEventType = LedgerEventType> {
  type: T;
  data: EventDataByType[T];
  recipients: string[];
}

/** Which handoff, whose, of what, between whom, and where it stands: every handoff event carries these. */
const handoffIdentity = (h: Handoff): Pick<Handoff, 'handoffId' | 'subjectRef' | 'serviceCode' | 'fromRegion' | 'toRegion' | 'status'> => ({
  handoffId: h.handoffId,
  subjectRef: h.subjectRef,
  serviceCode: h.serviceCode,
  fromRegion: h.fromRegion,
  toRegion: h.toRegion,
  status: h.status,
});

/** The fields every handoff event carries, but the deadline-changed one (which has no reason). */
export const handoffData = (h: Handoff): ReturnType<typeof handoffIdentity> & Pick<Handoff, 'reason' | 'deadline'> => ({
  ...handoffIdentity(h),
  reason: h.reason.slice(0, 500),
  deadline: h.deadline,
});

/** The fields every fact-change event carries. */
export const factChangeData = (
  c: FactChange,
): Pick<
  FactChange,
  'changeId' | 'subjectRef' | 'kind' | 'branch' | 'fromRegion' | 'toRegion' | 'effectiveOn' | 'status' | 'objectionDeadline'
> => ({
  changeId: c.changeId,
  subjectRef: c.subjectRef,
  kind: c.kind,
  branch: c.branch,
  fromRegion: c.fromRegion,
  toRegion: c.toRegion,
  effectiveOn: c.effectiveOn,
  status: c.status,
  objectionDeadline: c.objectionDeadline,
});

/**
 * A provisional deadline counted again (the record after the recompute): moved, or standing and now official.
 * Told to whoever heard of the deadline: both regions of a handoff; the releasing region only of a fact change
 * (as its fact-change-stated: the stating region is not told who releases before the change is definitive).
 */
export const deadlineChangedEvents = {
  handoff: (
    h: Handoff,
    previousDeadline: string,
    recomputedOn: string,
  ): LedgerEvent<'cn.gov.tongban.ledger.handoff-deadline-changed.v1'> => {
    if (h.status !== 'proposed') throw new Error(`handoff ${h.handoffId} is ${h.status}: only unanswered proposals are recomputed`);
    return {
      type: 'cn.gov.tongban.ledger.handoff-deadline-changed.v1',
      data: {
        ...handoffIdentity(h),
        status: h.status,
        previousDeadline,
        deadline: h.deadline,
        deadlineProvisional: h.deadlineProvisional,
        recomputedOn,
      },
      recipients: [h.fromRegion, h.toRegion],
    };
  },

  factChange: (
    c: FactChange,
    previousObjectionDeadline: string,
    recomputedOn: string,
  ): LedgerEvent<'cn.gov.tongban.ledger.fact-change-deadline-changed.v1'> => {
    if (c.status !== 'provisional') throw new Error(`fact change ${c.changeId} is ${c.status}: only open windows are recomputed`);
    const { objectionDeadline, ...rest } = factChangeData(c);
    return {
      type: 'cn.gov.tongban.ledger.fact-change-deadline-changed.v1',
      data: {
        ...rest,
        status: c.status,
        previousObjectionDeadline,
        objectionDeadline,
        objectionDeadlineProvisional: c.objectionDeadlineProvisional,
        recomputedOn,
      },
      recipients: [c.fromRegion],
    };
  },
};

export type CaseStep = EventDataByType['cn.gov.tongban.ledger.handoff-case-updated.v1']['step'];

const OPEN: readonly string[] = ['proposed', 'disputed'];

/** A case proposed: its handoffs (one cause, one person, the same two regions, one schedule). */
export const caseProposedEvent = (
  c: { caseId: string; reason: string; proposedOn: string },
  hs: readonly Handoff[],
): LedgerEvent<'cn.gov.tongban.ledger.handoff-case-proposed.v1'> => {
  const [first] = hs;
  if (!first) throw new Error(`case ${c.caseId} has no handoff`);
  return {
    type: 'cn.gov.tongban.ledger.handoff-case-proposed.v1',
    data: {
      caseId: c.caseId,
      subjectRef: first.subjectRef,
      fromRegion: first.fromRegion,
      toRegion: first.toRegion,
      reason: c.reason.slice(0, 500),
      proposedOn: c.proposedOn,
      deadline: first.deadline,
      deadlineProvisional: first.deadlineProvisional,
      effectiveBy: first.effectiveBy,
      services: [...hs]
        .sort((a, b) => a.serviceCode.localeCompare(b.serviceCode))
        .map((h) => ({ handoffId: h.handoffId, serviceCode: h.serviceCode, reason: h.reason.slice(0, 500) })),
    },
    recipients: [first.fromRegion, first.toRegion],
  };
};

/**
 * One step of a case for the handoffs it concerns (`changed`, as they are after it), with the case's
 * services still awaiting an answer (`ofCase`: every handoff of the case, after the step).
 */
export const caseUpdatedEvent = (
  step: CaseStep,
  changed: readonly Handoff[],
  ofCase: readonly Handoff[],
  extra: { byOperator?: boolean; previousDeadline?: string; escalatedAt?: string } = {},
): LedgerEvent<'cn.gov.tongban.ledger.handoff-case-updated.v1'> => {
  const [first] = changed;
  if (!first) throw new Error(`a ${step} step concerns at least one handoff`);
  const open = ofCase.filter((h) => OPEN.includes(h.status));
  const schedule = open[0] ?? first;
  return {
    type: 'cn.gov.tongban.ledger.handoff-case-updated.v1',
    data: {
      caseId: first.caseId,
      subjectRef: first.subjectRef,
      fromRegion: first.fromRegion,
      toRegion: first.toRegion,
      step,
      byOperator: extra.byOperator ?? false,
      services: [...changed]
        .sort((a, b) => a.serviceCode.localeCompare(b.serviceCode))
        .map((h) => ({
          handoffId: h.handoffId,
          serviceCode: h.serviceCode,
          status: h.status,
          ...(h.effectiveAt ? { effectiveAt: h.effectiveAt } : {}),
          ...(h.answerReason ? { answerReason: h.answerReason.slice(0, 500) } : {}),
        })),
      open: open.map((h) => h.serviceCode).sort(),
      deadline: schedule.deadline,
      deadlineProvisional: schedule.deadlineProvisional,
      ...(extra.previousDeadline ? { previousDeadline: extra.previousDeadline } : {}),
      ...(extra.escalatedAt ? { escalatedAt: extra.escalatedAt } : {}),
    },
    recipients: [first.fromRegion, first.toRegion],
  };
};
