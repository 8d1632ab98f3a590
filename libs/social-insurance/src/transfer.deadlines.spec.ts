import { WorkingDayCalendar } from '@tongban/calendar';
import { calendarThrough, datasetWithSimulated2027 } from '../../../test/harness/holiday-datasets';
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
      provisional: false,
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

  describe('past the official schedule (dataset cut after 2026): a provisional due date, never none', () => {
    const cut = new TransferDeadlines(calendarThrough(2026));

    it('around 2027-01-01: 15 working days from Sun 2026-12-20 skip New Year and end Mon 2027-01-11', () => {
      // Dec 21–25 (5), Mon 28 (6), 29–31 (9), Jan 1 元旦, Jan 4–8 (14), Mon Jan 11 (15).
      expect(cut.start('pension', 'outbound', '2026-12-20')).toEqual({
        party: 'outbound',
        startedOn: '2026-12-20',
        workingDays: 15,
        dueOn: '2027-01-11',
        provisional: true,
      });
      expect(cut.workingDaysLeft('2026-12-20', '2027-01-05')).toBe(11);
      expect(cut.workingDaysLeft('2026-10-20', '2026-10-23')).toBe(3);
      expect(cut.start('medical', 'inbound', '2026-12-14')).toMatchObject({ dueOn: '2026-12-21', provisional: false });
    });

    it('Spring Festival 2027: medical inbound 5 working days from Wed Feb 3 = Tue Feb 16', () => {
      // Thu Feb 4 (1), Feb 5–10 off (除夕 to 初三, two weekend days given back), Thu 11, Fri 12 (3), Mon 15, Tue 16 (5).
      expect(cut.start('medical', 'inbound', '2027-02-03')).toMatchObject({ dueOn: '2027-02-16', provisional: true });
    });

    it('National Day 2027: pension 15 working days from Tue Sep 28 = Fri Oct 22', () => {
      expect(cut.start('pension', 'outbound', '2027-09-28')).toMatchObject({ dueOn: '2027-10-22', provisional: true });
    });

    it('counted again on a newer dataset, the same clock takes the official date', () => {
      const clock = cut.start('pension', 'outbound', '2027-09-28');
      const newer = new TransferDeadlines(new WorkingDayCalendar(datasetWithSimulated2027()));
      expect(newer.count(clock)).toEqual({ ...clock, dueOn: '2027-10-25', provisional: false });
    });
  });
});
