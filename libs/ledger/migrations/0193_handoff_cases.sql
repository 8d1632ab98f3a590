-- One move, one case: the handoffs one cause proposes for one person from one region to another form a
-- case, told and answered as a whole (or per service). A handoff stays the unit of responsibility (its
-- interval, its answer); the case is what regions and operators see of a move.
CREATE TABLE handoff_cases (
  subject_ref     text NOT NULL REFERENCES subjects (subject_ref),
  case_id         uuid NOT NULL,
  from_region     char(6) NOT NULL,
  to_region       char(6) NOT NULL CHECK (to_region <> from_region),
  reason          text NOT NULL,
  cause_event_id  uuid,
  proposed_at     timestamptz NOT NULL DEFAULT now(),
  proposed_on     date NOT NULL,
  PRIMARY KEY (subject_ref, case_id)
) PARTITION BY HASH (subject_ref);
DO $$
BEGIN
  FOR i IN 0..15 LOOP
    EXECUTE format('CREATE TABLE %I PARTITION OF handoff_cases FOR VALUES WITH (MODULUS 16, REMAINDER %s)', 'handoff_cases_p' || lpad(i::text, 2, '0'), i);
  END LOOP;
END $$;
-- a case is addressed by its id alone (/v1/handoff-cases/{id}); each partition finds it by index
CREATE INDEX handoff_cases_id ON handoff_cases (case_id);

-- Handoffs proposed before: one case per person, regions and causing event (a handoff without a
-- recorded cause is a case of its own).
ALTER TABLE handoffs ADD COLUMN case_id uuid;
CREATE TEMP TABLE handoff_case_backfill ON COMMIT DROP AS
  SELECT subject_ref, from_region, to_region, coalesce(cause_event_id::text, handoff_id::text) AS grouping,
         gen_random_uuid() AS case_id, min(reason) AS reason, (array_agg(cause_event_id))[1] AS cause_event_id,
         min(proposed_at) AS proposed_at, min(proposed_on) AS proposed_on
    FROM handoffs GROUP BY 1, 2, 3, 4;
INSERT INTO handoff_cases (subject_ref, case_id, from_region, to_region, reason, cause_event_id, proposed_at, proposed_on)
  SELECT subject_ref, case_id, from_region, to_region, reason, cause_event_id, proposed_at, proposed_on FROM handoff_case_backfill;
UPDATE handoffs h SET case_id = b.case_id FROM handoff_case_backfill b
 WHERE b.subject_ref = h.subject_ref AND b.from_region = h.from_region AND b.to_region = h.to_region
   AND b.grouping = coalesce(h.cause_event_id::text, h.handoff_id::text);

-- the case's regions are its handoffs' (a composite key: no handoff joins another person's or regions' case)
ALTER TABLE handoff_cases ADD CONSTRAINT handoff_cases_parties UNIQUE (subject_ref, case_id, from_region, to_region);
ALTER TABLE handoffs ALTER COLUMN case_id SET NOT NULL,
  ADD CONSTRAINT handoffs_case FOREIGN KEY (subject_ref, case_id, from_region, to_region)
    REFERENCES handoff_cases (subject_ref, case_id, from_region, to_region);
CREATE INDEX handoffs_case ON handoffs (subject_ref, case_id);
