-- Deadlines past the official holiday schedule are counted on the statutory holidays and flagged
-- provisional, so the ledger's recompute job finds them once a newer schedule covers them (while they still
-- matter: a proposal not yet answered, a fact change still in its objection window).
ALTER TABLE handoffs ADD COLUMN deadline_provisional boolean NOT NULL DEFAULT false;
ALTER TABLE fact_changes ADD COLUMN objection_deadline_provisional boolean NOT NULL DEFAULT false;

-- Rows stored before: past the installed dataset's end (chinese-days 1.5.7: 2026-12-28) their dates were
-- counted Monday–Friday (a handoff of 2026-12-18 was due on New Year's Day 2027). Flagged, so the job
-- counts them again on the calendar.
UPDATE handoffs SET deadline_provisional = true WHERE status = 'proposed' AND deadline > DATE '2026-12-28';
UPDATE fact_changes SET objection_deadline_provisional = true WHERE status = 'provisional' AND objection_deadline > DATE '2026-12-28';

CREATE INDEX handoffs_provisional_deadline ON handoffs (handoff_id) WHERE deadline_provisional AND status = 'proposed';
CREATE INDEX fact_changes_provisional_deadline ON fact_changes (change_id) WHERE objection_deadline_provisional AND status = 'provisional';
