-- Permit lifecycle (居住证暂行条例 第十四条, 第十五条): yearly endorsement (签注), suspension of the
-- permit's functions when an endorsement is missed, renewal and cancellation. The residence years a
-- city counts run from count_from: residence_since at issue, the date of a late endorsement after a
-- lapse (the count restarts, 第十四条).
ALTER TABLE permits DROP CONSTRAINT permits_status_check;
ALTER TABLE permits ADD CONSTRAINT permits_status_check CHECK (status IN ('active', 'suspended', 'cancelled'));

ALTER TABLE permits
  ADD COLUMN count_from           date,
  ADD COLUMN endorsement_due      date,
  ADD COLUMN last_endorsed_on     date,
  ADD COLUMN suspended_on         date,
  ADD COLUMN cancelled_on         date,
  ADD COLUMN cancellation_reason  text,
  ADD COLUMN updated_by           text;

UPDATE permits SET count_from = residence_since, endorsement_due = (issued_on + interval '1 year')::date
  WHERE count_from IS NULL;

ALTER TABLE permits
  ALTER COLUMN count_from SET NOT NULL,
  ALTER COLUMN endorsement_due SET NOT NULL,
  ADD CONSTRAINT permits_count_from_check CHECK (count_from >= residence_since),
  ADD CONSTRAINT permits_suspended_check CHECK (status <> 'suspended' OR suspended_on IS NOT NULL),
  ADD CONSTRAINT permits_cancelled_check CHECK ((status = 'cancelled') = (cancelled_on IS NOT NULL AND cancellation_reason IS NOT NULL)),
  ADD CONSTRAINT permits_cancelled_on_check CHECK (cancelled_on IS NULL OR cancelled_on >= residence_since);

-- A person holds at most one permit that is not cancelled: a suspended permit is still held (its
-- functions resume on a late endorsement), so it blocks a second city as an active one does.
DROP INDEX permits_one_active_per_subject;
CREATE UNIQUE INDEX permits_one_held_per_subject ON permits (subject_ref) WHERE status <> 'cancelled';
CREATE INDEX permits_by_subject ON permits (subject_ref, residence_since);
CREATE INDEX permits_endorsement_due ON permits (endorsement_due) WHERE status = 'active';

-- One row per endorsement; at most one endorsement per due date of a permit.
CREATE TABLE endorsements (
  permit_id     uuid NOT NULL REFERENCES permits (permit_id),
  due_on        date NOT NULL,
  endorsed_on   date NOT NULL,
  late          boolean NOT NULL,
  lapsed_on     date,
  created_by    text NOT NULL,
  request_id    text,
  created_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (permit_id, due_on),
  CHECK (late = (lapsed_on IS NOT NULL)),
  CHECK (late OR endorsed_on <= due_on)
);
