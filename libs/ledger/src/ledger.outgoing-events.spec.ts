import { EventValidator, isProduced } from '@tongban/messaging';
import { caseProposedEvent, caseUpdatedEvent, deadlineChangedEvents, LedgerEvent } from './ledger.outgoing-events';
import { FactChange, Handoff } from './ledger.types';

const NANCHANG = '360100';
const GUANGZHOU = '440100';
const REF = 's1_Qm9hcmRpbmdQYXNzLXN1YmplY3RSZWYx';
const validator = new EventValidator();

const checked = <E extends LedgerEvent>(e: E): E => {
  expect(isProduced(e.type)).toBe(true);
  expect(() => validator.validate(e.type, e.data)).not.toThrow();
  return e;
};

// Proposed Fri 2026-12-18: 10 working days end past the official schedule (chinese-days to 2026-12-28).
const handoff = (over: Partial<Handoff> = {}): Handoff => ({
  handoffId: '0c9b1f9e-6a51-4d6e-b4a4-2f7d0f3b6a11',
  caseId: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
  subjectRef: REF,
  serviceCode: 'veterans.preferential-care',
  fromRegion: NANCHANG,
  toRegion: GUANGZHOU,
  status: 'proposed',
  reason: 'hukou moved',
  proposedAt: '2026-12-18T02:00:00.000Z',
  remindOn: '2026-12-29',
  deadline: '2027-01-04',
  deadlineProvisional: false,
  remindedAt: null,
  escalatedAt: null,
  answeredAt: null,
  effectiveAt: null,
  answerReason: null,
  effectiveBy: '2027-03-20',
  decidedByOperator: false,
  ...over,
});

const change = (over: Partial<FactChange> = {}): FactChange => ({
  changeId: '0b3f5c1e-4d7a-4c2e-9a51-2f6e8d9c1a77',
  subjectRef: REF,
  kind: 'hukou-move',
  branch: null,
  fromRegion: NANCHANG,
  toRegion: GUANGZHOU,
  effectiveOn: '2026-11-20',
  status: 'provisional',
  statedAt: '2026-12-18T02:00:00.000Z',
  objectionDeadline: '2027-01-11',
  objectionDeadlineProvisional: false,
  objectionReason: null,
  decision: null,
  decidedAt: null,
  note: null,
  ...over,
});

describe('ledger deadline-changed events (issue 15, item 7)', () => {
  it('handoff-deadline-changed.v1: previous and new deadline, to both regions', () => {
    const e = checked(deadlineChangedEvents.handoff(handoff(), '2027-01-01', '2026-12-22'));
    expect(e).toEqual({
      type: 'cn.gov.tongban.ledger.handoff-deadline-changed.v1',
      data: {
        handoffId: '0c9b1f9e-6a51-4d6e-b4a4-2f7d0f3b6a11',
        subjectRef: REF,
        serviceCode: 'veterans.preferential-care',
        fromRegion: NANCHANG,
        toRegion: GUANGZHOU,
        status: 'proposed',
        previousDeadline: '2027-01-01',
        deadline: '2027-01-04',
        deadlineProvisional: false,
        recomputedOn: '2026-12-22',
      },
      recipients: [NANCHANG, GUANGZHOU],
    });
    checked(deadlineChangedEvents.handoff(handoff({ deadlineProvisional: true }), '2027-01-04', '2026-12-22'));
  });

  it('fact-change-deadline-changed.v1: to the releasing region only, as fact-change-stated', () => {
    const e = checked(deadlineChangedEvents.factChange(change({ objectionDeadlineProvisional: true }), '2027-01-08', '2026-12-22'));
    expect(e.recipients).toEqual([NANCHANG]);
    expect(e.data).toMatchObject({
      changeId: '0b3f5c1e-4d7a-4c2e-9a51-2f6e8d9c1a77',
      kind: 'hukou-move',
      branch: null,
      status: 'provisional',
      previousObjectionDeadline: '2027-01-08',
      objectionDeadline: '2027-01-11',
      objectionDeadlineProvisional: true,
    });
  });

  it('only open deadlines are announced', () => {
    expect(() => deadlineChangedEvents.handoff(handoff({ status: 'accepted' }), '2027-01-01', '2026-12-22')).toThrow(/accepted/);
    expect(() => deadlineChangedEvents.factChange(change({ status: 'disputed' }), '2027-01-08', '2026-12-22')).toThrow(/disputed/);
  });
});

describe('handoff case events (one move, one case)', () => {
  const school = handoff({ handoffId: '7c9e6679-7425-40de-944b-e07fc1f90ae7', serviceCode: 'edu.compulsory' });
  const care = handoff();

  it('a case proposed lists its services in code order, with the shared schedule, to both regions', () => {
    const e = checked(
      caseProposedEvent({ caseId: care.caseId, reason: 'residence permit issued by 440100', proposedOn: '2026-12-18' }, [care, school]),
    );
    expect(e.recipients).toEqual([NANCHANG, GUANGZHOU]);
    expect(e.data).toMatchObject({
      caseId: care.caseId,
      deadline: '2027-01-04',
      effectiveBy: '2027-03-20',
      services: [
        { handoffId: school.handoffId, serviceCode: 'edu.compulsory', reason: 'hukou moved' },
        { handoffId: care.handoffId, serviceCode: 'veterans.preferential-care', reason: 'hukou moved' },
      ],
    });
  });

  it('a step names the services it concerns and those still open; accepted services carry their effective instant', () => {
    const accepted = { ...school, status: 'accepted' as const, effectiveAt: '2027-01-01T00:00:00+08:00' };
    const e = checked(caseUpdatedEvent('accepted', [accepted], [accepted, care]));
    expect(e.data).toMatchObject({
      step: 'accepted',
      byOperator: false,
      services: [{ serviceCode: 'edu.compulsory', status: 'accepted', effectiveAt: '2027-01-01T00:00:00+08:00' }],
      open: ['veterans.preferential-care'],
    });
    const rejected = { ...care, status: 'rejected' as const, answerReason: 'not resident' };
    const closing = checked(caseUpdatedEvent('rejected', [rejected], [accepted, rejected], { byOperator: true }));
    expect(closing.data).toMatchObject({ open: [], byOperator: true, services: [{ status: 'rejected', answerReason: 'not resident' }] });
  });

  it('a deadline-changed step says which date it replaces; an escalation when', () => {
    const moved = checked(caseUpdatedEvent('deadline-changed', [care], [care], { previousDeadline: '2027-01-01' }));
    expect(moved.data).toMatchObject({ previousDeadline: '2027-01-01', deadline: '2027-01-04' });
    const escalated = checked(caseUpdatedEvent('escalated', [care], [care], { escalatedAt: '2027-01-05T16:00:00.000Z' }));
    expect(escalated.data).toMatchObject({ escalatedAt: '2027-01-05T16:00:00.000Z' });
    expect(escalated.data).not.toHaveProperty('previousDeadline');
  });
});
