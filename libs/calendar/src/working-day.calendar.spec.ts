import fc from 'fast-check';
import { CalendarCoverageError, InvalidCalendarDateError } from './calendar.errors';
import { fromEpochDay, toEpochDay } from './iso-date.util';
import { WorkingDayCalendar } from './working-day.calendar';
import { buildWorkingDayTable } from './working-day.dataset';
import { calendarThrough, datasetWithSimulated2027 } from '../../../test/harness/holiday-datasets';

describe('WorkingDayCalendar', () => {
  const calendar = new WorkingDayCalendar();

  describe('official schedule with make-up working days (调休)', () => {
    it('National Day 2025: Oct 1–8 off; Sun Sept 28 and Sat Oct 11 are working days', () => {
      expect(calendar.isWorkingDay('2025-09-28')).toBe(true); // Sunday, make-up
      expect(calendar.isWorkingDay('2025-10-11')).toBe(true); // Saturday, make-up
      for (let d = 1; d <= 8; d++) expect(calendar.isWorkingDay(`2025-10-0${d}`)).toBe(false);
      expect(calendar.isWorkingDay('2025-10-09')).toBe(true); // Thursday after the break
      expect(calendar.isWorkingDay('2025-10-12')).toBe(false); // ordinary Sunday
      expect(calendar.isWorkingDay('2025-10-18')).toBe(false); // ordinary Saturday
      expect(calendar.dayInfo('2025-10-11')).toEqual({
        date: '2025-10-11',
        working: true,
        kind: 'make-up-workday',
        holiday: '国庆节',
        provisional: false,
      });
      expect(calendar.dayInfo('2025-10-03')).toMatchObject({ working: false, kind: 'public-holiday' });
      expect(calendar.dayInfo('2025-10-14')).toEqual({ date: '2025-10-14', working: true, kind: 'workday', provisional: false });
    });

    it('a make-up Saturday counts toward a deadline', () => {
      // Fri 2025-10-10 + 1 working day: Sat Oct 11 is a make-up working day.
      expect(calendar.addWorkingDays('2025-10-10', 1)).toBe('2025-10-11');
      // Fri 2026-02-27 + 1: Sat Feb 28 2026 is a make-up working day (Spring Festival).
      expect(calendar.addWorkingDays('2026-02-27', 1)).toBe('2026-02-28');
      // An ordinary Saturday does not: Fri 2025-10-17 + 1 = Mon Oct 20.
      expect(calendar.addWorkingDays('2025-10-17', 1)).toBe('2025-10-20');
    });

    it('15 working days from Fri 2025-09-26 across the National Day golden week = Thu 2025-10-23', () => {
      // Receipt day Fri Sept 26 does not count; counting starts Sat Sept 27.
      //   Sat 09-27  weekend              –
      //   Sun 09-28  make-up working day   1
      //   Mon 09-29                        2
      //   Tue 09-30                        3
      //   Wed 10-01 … Wed 10-08  holiday   –
      //   Thu 10-09                        4
      //   Fri 10-10                        5
      //   Sat 10-11  make-up working day   6
      //   Sun 10-12  weekend               –
      //   Mon 10-13 … Fri 10-17            7 8 9 10 11
      //   Sat 10-18, Sun 10-19 weekend     –
      //   Mon 10-20, Tue 10-21, Wed 10-22  12 13 14
      //   Thu 10-23                        15  ← deadline
      // (Plain Mon–Fri arithmetic would give Fri 10-17, eight days too early.)
      expect(calendar.addWorkingDays('2025-09-26', 15)).toBe('2025-10-23');
      expect(calendar.workingDaysBetween('2025-09-26', '2025-10-23')).toBe(15);
    });

    it('Spring Festival 2026: 10 working days from Thu 2026-02-12 = Wed 2026-03-04', () => {
      // 2026 schedule (国办发明电〔2025〕7号): Feb 15 (Sun)–Feb 23 (Mon) off; Sat Feb 14 and Sat Feb 28 worked.
      //   Fri 02-13                        1
      //   Sat 02-14  make-up working day   2
      //   Sun 02-15 … Mon 02-23  holiday   –
      //   Tue 02-24 … Fri 02-27            3 4 5 6
      //   Sat 02-28  make-up working day   7
      //   Sun 03-01  weekend               –
      //   Mon 03-02, Tue 03-03, Wed 03-04  8 9 10  ← deadline
      expect(calendar.addWorkingDays('2026-02-12', 10)).toBe('2026-03-04');
      expect(calendar.isWorkingDay('2026-02-14')).toBe(true);
      expect(calendar.isWorkingDay('2026-02-23')).toBe(false); // a Monday inside the break
    });

    it('the day of receipt never counts, even when it is itself a working day', () => {
      expect(calendar.addWorkingDays('2025-10-13', 1)).toBe('2025-10-14');
      // Receipt on a holiday: counting starts the next day; first working day after Oct 5 is Oct 9.
      expect(calendar.addWorkingDays('2025-10-05', 1)).toBe('2025-10-09');
      expect(calendar.addWorkingDays('2025-10-13', 0)).toBe('2025-10-13');
    });

    it('workingDaysBetween counts (from, to] and is antisymmetric', () => {
      expect(calendar.workingDaysBetween('2025-10-01', '2025-10-01')).toBe(0);
      expect(calendar.workingDaysBetween('2025-09-30', '2025-10-08')).toBe(0); // whole holiday
      expect(calendar.workingDaysBetween('2025-09-30', '2025-10-09')).toBe(1);
      expect(calendar.workingDaysBetween('2025-10-09', '2025-09-30')).toBe(-1);
    });
  });

  describe('past the official schedule: the statutory holidays, provisional (dataset cut after 2026)', () => {
    const cal = calendarThrough(2026);

    it('2027-01-01: New Year is skipped; a handoff proposed 2026-12-18 is due Mon 2027-01-04, provisionally', () => {
      expect(cal.coverage().lastDate).toBe('2026-12-28');
      expect(cal.dayInfo('2027-01-01')).toEqual({
        date: '2027-01-01',
        working: false,
        kind: 'public-holiday',
        holiday: '元旦',
        provisional: true,
      });
      // Dec 21–25 (5), Mon Dec 28 (6, official), Dec 29–31 (9, provisional working days), Jan 1 holiday, Mon Jan 4 (10).
      expect(cal.deadline('2026-12-18', 10)).toEqual({ date: '2027-01-04', provisional: true });
      expect(cal.deadline('2026-12-14', 10)).toEqual({ date: '2026-12-28', provisional: false });
      expect(cal.workingDaysBetween('2026-12-28', '2027-01-04')).toBe(4);
    });

    it('Spring Festival 2027: 除夕 Fri Feb 5 to 初三 Mon Feb 8 off, the weekend two given back Tue 9 and Wed 10', () => {
      for (const d of ['05', '06', '07', '08', '09', '10']) expect(cal.isWorkingDay(`2027-02-${d}`)).toBe(false);
      expect(cal.dayInfo('2027-02-09')).toMatchObject({ kind: 'public-holiday', holiday: '春节', provisional: true });
      expect(cal.isWorkingDay('2027-02-11')).toBe(true);
      expect(cal.addWorkingDays('2027-02-04', 1)).toBe('2027-02-11');
      // From Mon Feb 1: 2, 3, 4 (3), Feb 5–10 off, 11, 12 (5), 15–19 (10), 22–26 (15).
      expect(cal.deadline('2027-02-01', 15)).toEqual({ date: '2027-02-26', provisional: true });
    });

    it('National Day 2027: Fri Oct 1 to Sun Oct 3, given back Mon 4 and Tue 5; Mid-Autumn Wed Sep 15', () => {
      for (const d of ['01', '02', '03', '04', '05']) expect(cal.isWorkingDay(`2027-10-${d}`)).toBe(false);
      expect(cal.isWorkingDay('2027-10-06')).toBe(true);
      expect(cal.isWorkingDay('2027-09-15')).toBe(false);
      // From Tue Sep 28: 29, 30 (2), Oct 1–5 off, 6, 7, 8 (5), 11–15 (10), 18–22 (15).
      expect(cal.addWorkingDays('2027-09-28', 15)).toBe('2027-10-22');
      // No make-up working days are guessed: the Saturdays around the holiday stay days off.
      expect(cal.isWorkingDay('2027-09-25')).toBe(false);
      expect(cal.isWorkingDay('2027-10-09')).toBe(false);
    });

    it('a newer dataset replaces the provisional days with the official ones', () => {
      const newer = new WorkingDayCalendar(datasetWithSimulated2027());
      expect(newer.coverage().lastDate).toBe('2027-12-28');
      expect(newer.deadline('2027-09-28', 15)).toEqual({ date: '2027-10-25', provisional: false });
      expect(newer.dayInfo('2027-10-09')).toMatchObject({ working: true, kind: 'make-up-workday', provisional: false });
      expect(newer.isProvisional('2027-12-29')).toBe(true);
    });
  });

  describe('coverage', () => {
    it('reports the years of the installed dataset', () => {
      const c = calendar.coverage();
      expect(c.firstYear).toBeLessThanOrEqual(2004);
      expect(c.lastYear).toBeGreaterThanOrEqual(2026);
      expect(c.firstDate).toBe(`${c.firstYear}-01-01`);
      expect(c.lastDate).toBe(`${c.lastYear}-12-28`);
    });

    it('answers past the dataset with the provisional calendar, and throws only outside it', () => {
      const { firstYear, lastYear, lastDate, provisionalThrough } = calendar.coverage();
      expect(provisionalThrough).toBe('2199-12-31');
      expect(calendar.isProvisional(lastDate)).toBe(false);
      // The last days of December depend on the next year's New Year arrangement, not yet published.
      expect(calendar.isProvisional(`${lastYear}-12-29`)).toBe(true);
      expect(calendar.dayInfo(`${lastYear + 1}-01-01`)).toMatchObject({ working: false, holiday: '元旦', provisional: true });
      expect(() => calendar.isWorkingDay(`${firstYear - 1}-06-02`)).toThrow(CalendarCoverageError);
      expect(() => calendar.isWorkingDay('2200-01-01')).toThrow(/does not cover 2200-01-01/);
      expect(() => calendar.addWorkingDays('2199-12-20', 15)).toThrow(CalendarCoverageError);
      expect(calendar.isWorkingDay('2199-12-31')).toBe(true); // a Tuesday
    });

    it('rejects malformed dates and counts', () => {
      for (const bad of ['2025-02-29', '2025-2-3', '2025-13-01', '20250301', '', '2025-10-01T00:00:00Z']) {
        expect(() => calendar.isWorkingDay(bad)).toThrow(InvalidCalendarDateError);
      }
      expect(() => calendar.addWorkingDays('2025-10-01', -1)).toThrow(RangeError);
      expect(() => calendar.addWorkingDays('2025-10-01', 1.5)).toThrow(RangeError);
    });
  });

  describe('dataset', () => {
    it('rejects a dataset with a gap in its years or contradictory days', () => {
      expect(() => buildWorkingDayTable({ holidays: { '2024-01-01': 'x,元旦,1', '2026-01-01': 'x,元旦,1' }, workdays: {} })).toThrow(
        /not contiguous/,
      );
      expect(() => buildWorkingDayTable({ holidays: { '2024-01-01': 'x,元旦,1' }, workdays: { '2024-01-01': 'x,元旦,1' } })).toThrow(
        /both/,
      );
      expect(() => buildWorkingDayTable({ holidays: { 'not-a-date': 'x' }, workdays: {} })).toThrow(/bad entry/);
    });

    it('agrees with chinese-days isWorkday() on every covered day (TZ=Asia/Shanghai)', () => {
      const savedTz = process.env.TZ;
      process.env.TZ = 'Asia/Shanghai';
      try {
        let isWorkday: ((d: string) => boolean) | undefined;
        jest.isolateModules(() => {
          // Loaded afresh so that the package builds its tables under the time zone set above.
          // eslint-disable-next-line @typescript-eslint/no-require-imports
          isWorkday = (require('chinese-days') as { isWorkday: (d: string) => boolean }).isWorkday;
        });
        const { firstDate, lastDate } = calendar.coverage();
        const mismatches: string[] = [];
        for (let day = toEpochDay(firstDate); day <= toEpochDay(lastDate); day++) {
          const iso = fromEpochDay(day);
          if (isWorkday!(iso) !== calendar.isWorkingDay(iso)) mismatches.push(iso);
        }
        expect(mismatches).toEqual([]);
      } finally {
        if (savedTz === undefined) delete process.env.TZ;
        else process.env.TZ = savedTz;
      }
    });

    it('does not depend on the process time zone', () => {
      const savedTz = process.env.TZ;
      try {
        for (const tz of ['America/Los_Angeles', 'Pacific/Kiritimati', 'UTC']) {
          process.env.TZ = tz;
          expect(calendar.isWorkingDay('2025-10-13')).toBe(true); // Monday
          expect(calendar.isWorkingDay('2025-10-08')).toBe(false);
          expect(calendar.addWorkingDays('2025-09-26', 15)).toBe('2025-10-23');
          const table = buildWorkingDayTable({ holidays: { '2025-10-01': 'x,国庆节,3' }, workdays: {} });
          expect(table.kinds[toEpochDay('2025-10-01') - table.firstDay]).toBe('public-holiday');
          expect(table.kinds[toEpochDay('2025-10-13') - table.firstDay]).toBe('workday');
        }
      } finally {
        if (savedTz === undefined) delete process.env.TZ;
        else process.env.TZ = savedTz;
      }
    });
  });

  describe('properties', () => {
    const { firstDate, lastDate } = calendar.coverage();
    const first = toEpochDay(firstDate);
    // Leave room before the end of coverage for 200 working days (under 300 calendar days).
    const last = toEpochDay(lastDate) - 400;
    const date = fc.integer({ min: first, max: last }).map(fromEpochDay);
    const n = fc.integer({ min: 1, max: 100 });

    it('addWorkingDays(d, n) is a working day after d, strictly increasing in n, inverted by workingDaysBetween', () => {
      fc.assert(
        fc.property(date, n, (d, k) => {
          const deadline = calendar.addWorkingDays(d, k);
          expect(deadline > d).toBe(true);
          expect(calendar.isWorkingDay(deadline)).toBe(true);
          expect(calendar.addWorkingDays(d, k + 1) > deadline).toBe(true);
          expect(calendar.workingDaysBetween(d, deadline)).toBe(k);
          // Nothing skipped: the day before the deadline has exactly k - 1 working days after d.
          const dayBefore = fromEpochDay(toEpochDay(deadline) - 1);
          expect(calendar.workingDaysBetween(d, dayBefore)).toBe(k - 1);
        }),
        { numRuns: 500 },
      );
    });

    it('across the end of the official schedule: still inverse and increasing, provisional exactly past it', () => {
      const cut = calendarThrough(2026);
      const around = fc.integer({ min: toEpochDay('2026-06-01'), max: toEpochDay('2040-12-31') }).map(fromEpochDay);
      fc.assert(
        fc.property(around, n, (d, k) => {
          const { date, provisional } = cut.deadline(d, k);
          expect(cut.isWorkingDay(date)).toBe(true);
          expect(cut.workingDaysBetween(d, date)).toBe(k);
          expect(cut.addWorkingDays(d, k + 1) > date).toBe(true);
          expect(provisional).toBe(date > '2026-12-28');
        }),
        { numRuns: 300 },
      );
    });

    it('addWorkingDays composes: (d + a) + b = d + (a + b)', () => {
      fc.assert(
        fc.property(date, n, n, (d, a, b) => {
          expect(calendar.addWorkingDays(calendar.addWorkingDays(d, a), b)).toBe(calendar.addWorkingDays(d, a + b));
        }),
      );
    });
  });
});
