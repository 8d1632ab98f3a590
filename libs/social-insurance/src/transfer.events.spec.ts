import { EventValidator, isProduced } from '@tongban/messaging';
import { awaitedOf, StepClock, TransferRecord } from './transfer.types';
import { TransferEvent, transferEvents } from './transfer.events';

const INBOUND = '440100';
const OUTBOUND = '360100';
const validator = new EventValidator();

/** Valid against its contract, of a version still produced. */
const checked = <E extends TransferEvent>(e: E): E => {
  expect(isProduced(e.type)).toBe(true);
  expect(() => validator.validate(e.type, e.data)).not.toThrow();
  return e;
};

// Pension, contact letter on Mon 2026-12-21: 15 working days end past the official schedule (chinese-days to 2026-12-28).
const PROVISIONAL: StepClock = { party: 'outbound', startedOn: '2026-12-21', workingDays: 15, dueOn: '2027-01-12', provisional: true };

const transfer = (over: Partial<TransferRecord> = {}): TransferRecord => ({
  transferId: '7c1e2b9a-4d0f-4a8e-9b3c-2f6d5e8a1c47',
  subjectRef: 's1_Qm9hcmRpbmdQYXNzLXN1YmplY3RSZWYx',
  insuranceType: 'pension',
  inboundRegion: INBOUND,
  outboundRegion: OUTBOUND,
  hukouRegion: OUTBOUND,
  state: 'requested',
  clock: PROVISIONAL,
  overdueSince: null,
  appliedOn: '2026-12-14',
  contactLetterOn: '2026-12-21',
  duplicateMonthsKept: 'inbound',
  inboundMonths: [],
  certificate: null,
  duplicates: null,
  funds: null,
  collectionRegion: null,
  remittance: null,
  receipt: null,
  refusal: null,
  cancellation: null,
  ...over,
});

describe('transfer events carry whether a due date is provisional (issue 15, item 7)', () => {
  it('contact-letter-issued.v3: the deadline with its provisional flag, to both regions', () => {
    const e = checked(transferEvents.contactLetter(transfer()));
    expect(e.type).toBe('cn.gov.tongban.social-insurance.contact-letter-issued.v3');
    expect(e.data).toMatchObject({ deadline: PROVISIONAL, issuedOn: '2026-12-21' });
    expect(e.recipients).toBeUndefined(); // both regions
    const official = checked(
      transferEvents.contactLetter(transfer({ clock: { ...PROVISIONAL, dueOn: '2027-01-13', provisional: false } })),
    );
    expect(official.data).toMatchObject({ deadline: { dueOn: '2027-01-13', provisional: false } });
  });

  it('funds-computed.v3 and transfer-remitted.v2 carry the running clock with its flag', () => {
    const funds = {
      transferFen: 100,
      accountBalanceFen: 100,
      refundedShareFen: 0,
      pooledFen: 0,
      years: [],
      policyVersion: 2,
      creditedContributionMonths: 0,
    } as unknown as TransferRecord['funds'];
    const f = checked(transferEvents.fundsComputed(transfer({ state: 'certified', funds })));
    expect(f.type).toBe('cn.gov.tongban.social-insurance.funds-computed.v3');
    expect(f.data.deadline).toEqual(PROVISIONAL);
    const inbound: StepClock = { party: 'inbound', startedOn: '2026-12-22', workingDays: 15, dueOn: '2027-01-13', provisional: true };
    const r = checked(
      transferEvents.remitted(
        transfer({ state: 'remitted', funds, clock: inbound, remittance: { amountFen: 100, remittedOn: '2026-12-22', reference: 'NC-1' } }),
      ),
    );
    expect(r.type).toBe('cn.gov.tongban.social-insurance.transfer-remitted.v2');
    expect(r.data.deadline).toEqual(inbound);
  });

  it('deadline-reminder.v3 to the awaited region and deadline-overdue.v3 to both carry dueOnProvisional', () => {
    const reminder = checked(transferEvents.reminder(transfer(), '2027-01-07', 3));
    expect(reminder).toMatchObject({
      type: 'cn.gov.tongban.social-insurance.deadline-reminder.v3',
      data: { step: 'certificate', awaitingRegion: OUTBOUND, dueOn: '2027-01-12', dueOnProvisional: true },
      recipients: [OUTBOUND],
    });
    const overdue = checked(transferEvents.overdue(transfer({ clock: { ...PROVISIONAL, provisional: false } }), '2027-01-13'));
    expect(overdue).toMatchObject({
      type: 'cn.gov.tongban.social-insurance.deadline-overdue.v3',
      data: { dueOn: '2027-01-12', dueOnProvisional: false, overdueSince: '2027-01-13' },
      recipients: [INBOUND, OUTBOUND],
    });
  });

  it('deadline-changed.v1: the previous and the new date, official or not, and whether an overdue flag was withdrawn', () => {
    const official = transfer({ clock: { ...PROVISIONAL, dueOn: '2027-01-13', provisional: false } });
    const e = checked(transferEvents.deadlineChanged(official, '2027-01-12', true, '2027-01-13'));
    expect(e).toEqual({
      type: 'cn.gov.tongban.social-insurance.deadline-changed.v1',
      data: {
        transferId: official.transferId,
        subjectRef: official.subjectRef,
        insuranceType: 'pension',
        inboundRegion: INBOUND,
        outboundRegion: OUTBOUND,
        state: 'requested',
        step: 'certificate',
        awaitingRegion: OUTBOUND,
        startedOn: '2026-12-21',
        workingDays: 15,
        previousDueOn: '2027-01-12',
        dueOn: '2027-01-13',
        provisional: false,
        overdueWithdrawn: true,
        recomputedOn: '2027-01-13',
      },
      recipients: [INBOUND, OUTBOUND],
    });
    // the same date, still provisional after a calendar change, is a valid announcement too
    checked(transferEvents.deadlineChanged(transfer(), '2027-01-11', false, '2026-12-22'));
  });

  it('a pension application: deadline-changed of the review goes to the inbound region only, as its other step events', () => {
    const review: StepClock = { party: 'inbound', startedOn: '2026-12-21', workingDays: 15, dueOn: '2027-01-12', provisional: false };
    const applied = transfer({ state: 'applied', contactLetterOn: null, clock: review });
    expect(awaitedOf(applied.state)?.step).toBe('contact-letter');
    const e = checked(transferEvents.deadlineChanged(applied, '2027-01-12', false, '2026-12-22'));
    expect(e.recipients).toEqual([INBOUND]);
    expect(e.data).toMatchObject({ step: 'contact-letter', awaitingRegion: INBOUND, state: 'applied' });
    expect(transferEvents.overdue(applied, '2027-01-13').recipients).toEqual([INBOUND]);
  });
});
