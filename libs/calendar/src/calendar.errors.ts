import type { CalendarCoverage } from './working-day.calendar';

/** A date string that is not a real calendar date in `YYYY-MM-DD` form. */
export class InvalidCalendarDateError extends RangeError {
  constructor(readonly value: unknown) {
    super(`not a calendar date in YYYY-MM-DD form: ${JSON.stringify(value)}`);
    this.name = 'InvalidCalendarDateError';
  }
}

/**
 * The calendar does not answer for this date: before the holiday dataset's first year (whose holiday rules
 * differed from today's) or after LATEST_DATE. Past the dataset the provisional calendar answers instead, so
 * clocks started today never meet this; it is a server-side failure, not a client error.
 */
export class CalendarCoverageError extends Error {
  constructor(
    readonly date: string,
    readonly coverage: CalendarCoverage,
  ) {
    super(
      `the working-day calendar does not cover ${date}: it answers for ${coverage.firstDate}..${coverage.provisionalThrough} ` +
        `(the official schedule of npm chinese-days to ${coverage.lastDate}, the statutory holidays after it)`,
    );
    this.name = 'CalendarCoverageError';
  }
}
