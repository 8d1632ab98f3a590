import { addDays, CalendarCoverageError, WorkingDayCalendar } from '@tongban/calendar';

/**
 * n working days after `start` on the official calendar. Beyond the calendar's published years the
 * holiday schedule is not known yet; Monday–Friday are counted then, so a deadline is never refused.
 */
export function addWorkingDays(calendar: WorkingDayCalendar, start: string, n: number): string {
  try {
    return calendar.addWorkingDays(start, n);
  } catch (error) {
    if (!(error instanceof CalendarCoverageError)) throw error;
    let date = start;
    for (let left = n; left > 0;) {
      date = addDays(date, 1);
      const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
      if (weekday !== 0 && weekday !== 6) left -= 1;
    }
    return date;
  }
}
