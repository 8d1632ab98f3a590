/** SQL expression rendering a timestamptz as an ISO 8601 UTC string with microseconds (no precision lost). */
export const iso = (column: string): string => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** SQL expression rendering a date as YYYY-MM-DD. */
export const day = (column: string): string => `to_char(${column}, 'YYYY-MM-DD')`;
