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
