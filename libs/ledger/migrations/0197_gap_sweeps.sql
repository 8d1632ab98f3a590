-- The gap job re-derived every due period of every entitled person each minute: at national scale a
-- pass that can never finish. A period that falls due (its end plus the grace) is now swept over every
-- entitled person once, from a kept cursor, so an interrupted sweep resumes where it stopped.
-- Not a person table: one row per service and period (a reference table on a distributed engine).
CREATE TABLE gap_sweeps (
  service_code  text NOT NULL,
  period_key    text NOT NULL,
  -- people up to and including this subject_ref have been checked
  after_subject text NOT NULL DEFAULT '',
  started_at    timestamptz NOT NULL DEFAULT now(),
  completed_at  timestamptz,
  PRIMARY KEY (service_code, period_key)
);

-- The only other way a gap appears is an entitlement opened, or moved back, into periods already swept
-- (a first claim, a region opening one for earlier months). Such an entitlement is checked on its own:
-- gaps_checked_since is its first period when the job last checked it, so one opened (NULL) or moved
-- back since is found through the partial index below.
ALTER TABLE entitlements ADD COLUMN gaps_checked_since date;
-- Existing entitlements need no check of their own: no period is swept yet, so the first sweeps cover them.
UPDATE entitlements SET gaps_checked_since = since_period;
CREATE INDEX entitlements_gaps_unchecked ON entitlements (subject_ref)
  WHERE gaps_checked_since IS NULL OR since_period < gaps_checked_since;
