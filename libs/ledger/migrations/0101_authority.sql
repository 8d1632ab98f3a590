-- Authority: facts have authors, insured regions are kept per insurance branch, and who is related
-- to a person is one definition shared by every check that decides who may learn about them.

-- The insured region of each social-insurance branch (a retiree's pension may be paid in one region
-- while employee medical insurance stays in another). Replaces subjects.insured_region.
CREATE TABLE insurance_relations (
  subject_ref  text NOT NULL REFERENCES subjects (subject_ref),
  branch       text NOT NULL CHECK (branch IN ('pension', 'medical', 'unemployment', 'work-injury', 'occupational-injury')),
  region       char(6) NOT NULL,
  since        date NOT NULL,
  updated_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (subject_ref, branch)
);
INSERT INTO insurance_relations (subject_ref, branch, region, since)
  SELECT s.subject_ref, b.branch, s.insured_region, COALESCE(s.insured_since, s.registered_at::date)
    FROM subjects s CROSS JOIN unnest(ARRAY['pension', 'medical', 'unemployment', 'work-injury', 'occupational-injury']) AS b(branch)
   WHERE s.insured_region IS NOT NULL;
ALTER TABLE subjects DROP COLUMN insured_region, DROP COLUMN insured_since;

-- Facts stated by one region that take responsibility from another (a hukou move, an insured-region
-- change): provisional until the releasing region consents or lets the objection window pass (as
-- EESSI's provisional determination and objection), disputed on objection until operators decide.
CREATE TABLE fact_changes (
  change_id           uuid PRIMARY KEY,
  subject_ref         text NOT NULL REFERENCES subjects (subject_ref),
  kind                text NOT NULL CHECK (kind IN ('hukou-move', 'insured-region')),
  branch              text CHECK (branch IN ('pension', 'medical', 'unemployment', 'work-injury', 'occupational-injury')),
  from_region         char(6) NOT NULL,
  to_region           char(6) NOT NULL,
  effective_on        date NOT NULL,
  status              text NOT NULL CHECK (status IN ('provisional', 'disputed', 'definitive', 'rejected', 'superseded')),
  stated_by           text NOT NULL,
  stated_at           timestamptz NOT NULL DEFAULT now(),
  request_id          text,
  objection_deadline  date NOT NULL,
  objection_reason    text,
  objected_by         text,
  objected_at         timestamptz,
  decision            text CHECK (decision IN ('consent', 'objection-window', 'operator', 'uncontested', 'superseded')),
  decided_by          text,
  decided_at          timestamptz,
  note                text,
  CHECK ((kind = 'insured-region') = (branch IS NOT NULL)),
  -- only a first insured region equal to the hukou region is uncontested; otherwise someone releases
  CHECK ((from_region = to_region) = (decision IS NOT DISTINCT FROM 'uncontested')),
  CHECK ((status IN ('provisional', 'disputed')) = (decided_at IS NULL)),
  CHECK ((status = 'disputed') <= (objected_at IS NOT NULL))
);
-- One open change per person and fact: a second statement waits for the first to end.
CREATE UNIQUE INDEX fact_changes_one_open ON fact_changes (subject_ref, kind, COALESCE(branch, '')) WHERE status IN ('provisional', 'disputed');
CREATE INDEX fact_changes_window ON fact_changes (objection_deadline) WHERE status = 'provisional';
CREATE INDEX fact_changes_subject ON fact_changes (subject_ref);

-- The regions related to a person, who alone may learn about them (a 409 naming another region, a
-- reconciliation overlap naming who else provided, the person's responsibilities): the hukou region,
-- the residence city, the insured region of each branch, the current and agreed holders, and the
-- parties to open handoffs. A region that has only stated a fact change is not related until the
-- change is definitive: stating one (with an ID number) must not open the person's file.
CREATE VIEW subject_regions AS
  SELECT subject_ref, hukou_region AS region FROM subjects
  UNION ALL SELECT subject_ref, residence_city FROM subjects WHERE residence_city IS NOT NULL
  UNION ALL SELECT subject_ref, region FROM insurance_relations
  UNION ALL SELECT subject_ref, region FROM responsibilities WHERE upper_inf(during) OR during @> now()
  UNION ALL SELECT subject_ref, from_region FROM handoffs WHERE status IN ('proposed', 'disputed')
  UNION ALL SELECT subject_ref, to_region FROM handoffs WHERE status IN ('proposed', 'disputed');

-- A claim is about a person the ledger knows. (Rows written before this migration are not re-checked.)
ALTER TABLE provision_claims ADD CONSTRAINT provision_claims_subject FOREIGN KEY (subject_ref) REFERENCES subjects (subject_ref) NOT VALID;

-- A reconciliation belongs to the agency that uploaded it, not to every agency of its region.
ALTER TABLE reconciliations ADD COLUMN agency text;
