import { WorkingDayCalendar } from '@tongban/calendar';
import { TransferDeadlines } from './transfer.deadlines';

describe('TransferDeadlines (statutory clocks on the official holiday schedule)', () => {
  const deadlines = new TransferDeadlines(new WorkingDayCalendar());

  it('pension: 15 working days across the 2026 National Day golden week and its make-up Saturday', () => {
    // From Mon 2026-09-28: 29, 30 (2), holiday 10-01..07, Thu 08, Fri 09, Sat 10 (make-up) (5), 12..16 (10), 19..23 (15).
    expect(deadlines.start('pension', 'outbound', '2026-09-28')).toEqual({
      party: 'outbound',
      startedOn: '2026-09-28',
      workingDays: 15,
      dueOn: '2026-10-23',
    });
    expect(deadlines.start('pension', 'inbound', '2026-09-28').dueOn).toBe('2026-10-23');
  });

  it('medical: outbound 10 and inbound 5 working days (2021 interim measures)', () => {
    expect(deadlines.start('medical', 'outbound', '2026-09-28').dueOn).toBe('2026-10-16');
    // From Wed 2026-09-30: Thu 08, Fri 09, Sat 10 (make-up), Mon 12, Tue 13.
    expect(deadlines.start('medical', 'inbound', '2026-09-30')).toMatchObject({ workingDays: 5, dueOn: '2026-10-13' });
  });

  it('National Day 2025 (with the Mid-Autumn day): 15 working days from Fri 2025-09-26', () => {
    // Sat 09-28 is a make-up day (1), Mon 29 (2), Tue 30 (3), holiday 10-01..08, Thu 09, Fri 10, Sat 11 make-up (6), 13..17 (11), 20..23 (15).
    expect(deadlines.start('pension', 'outbound', '2025-09-26').dueOn).toBe('2025-10-23');
  });

  it('leaves the due date open (null) when the holiday schedule does not reach it, instead of guessing', () => {
    expect(deadlines.start('pension', 'outbound', '2026-12-20')).toEqual({
      party: 'outbound',
      startedOn: '2026-12-20',
      workingDays: 15,
      dueOn: null,
    });
    expect(deadlines.workingDaysLeft('2026-12-20', '2027-01-05')).toBeUndefined();
    expect(deadlines.workingDaysLeft('2026-10-20', '2026-10-23')).toBe(3);
  });
});
