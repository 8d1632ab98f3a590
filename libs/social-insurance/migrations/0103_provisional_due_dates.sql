-- Every open transfer has a due date. Past the official holiday schedule the date is computed on the
-- provisional calendar (statutory holidays only) and flagged, so the recompute job can find it once a newer
-- schedule covers it. Rows left without a date by the old code get a Monday–Friday estimate here, flagged
-- provisional: the job recomputes it on the calendar at its first run.
ALTER TABLE transfers ADD COLUMN due_on_provisional boolean NOT NULL DEFAULT false;

UPDATE transfers t SET due_on = est.due_on, due_on_provisional = true
  FROM (
    SELECT transfer_id,
           (SELECT max(d)::date FROM (
              SELECT d FROM generate_series(clock_started_on + 1, clock_started_on + clock_working_days * 2 + 7, interval '1 day') AS d
               WHERE extract(isodow FROM d) < 6 ORDER BY d LIMIT clock_working_days) AS weekdays) AS due_on
      FROM transfers WHERE clock_party IS NOT NULL AND due_on IS NULL
  ) est
 WHERE t.transfer_id = est.transfer_id;

ALTER TABLE transfers ADD CONSTRAINT transfers_clock_has_due_date CHECK (clock_party IS NULL OR due_on IS NOT NULL);
ALTER TABLE transfers ADD CONSTRAINT transfers_provisional_needs_clock CHECK (NOT due_on_provisional OR clock_party IS NOT NULL);

-- The clock job walks open transfers by (due_on, seq); the recompute job walks the provisional ones by seq.
DROP INDEX transfers_open_due;
CREATE INDEX transfers_open_due ON transfers (due_on, seq) WHERE state IN ('applied', 'requested', 'certified', 'remitted');
CREATE INDEX transfers_provisional_due ON transfers (seq) WHERE due_on_provisional;

-- A notice is raised once per clock, kind and due date: when a provisional due date is recomputed, the
-- reminder and the overdue item follow the new date.
ALTER TABLE clock_notices DROP CONSTRAINT clock_notices_pkey;
ALTER TABLE clock_notices ADD PRIMARY KEY (transfer_id, clock_party, clock_started_on, kind, due_on);
