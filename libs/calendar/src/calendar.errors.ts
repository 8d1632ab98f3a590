import type { CalendarCoverage } from './working-day.calendar';

/** A date string that is not a real calendar date in `YYYY-MM-DD` form. */
export class InvalidCalendarDateError extends RangeError {
  constructor(readonly value: unknown) {
    super(`not a calendar date in YYYY-MM-DD form: ${JSON.stringify(value)}`);
    this.name = 'InvalidCalendarDateError';
  }
}

/**
 * The official holiday schedule is not known for this date. Raised instead of silently falling back to
 * Monday–Friday arithmetic, which would be wrong around every holiday and make-up working day. The fix is
 * operational (update the `chinese-days` package once the State Council publishes the next schedule),
 * so this is a server-side failure, not a client error.
 */
export class CalendarCoverageError extends Error {
  constructor(
    readonly date: string,
    readonly coverage: CalendarCoverage,
  ) {
    super(
      `the official holiday schedule does not cover ${date}: the dataset (npm chinese-days) covers ` +
        `${coverage.firstDate}..${coverage.lastDate}; update the chinese-days package`,
    );
    this.name = 'CalendarCoverageError';
  }
}
