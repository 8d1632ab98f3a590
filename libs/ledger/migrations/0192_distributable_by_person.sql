-- Distributable by person. Every row about a person carries subject_ref, and every person table is
-- hash-partitioned by it: one person's subjects, responsibilities, handoffs, claims, entitlements, gaps,
-- insurance relations, fact changes, points allotments and reconciliation lines land in the same
-- partition number, and every primary key, unique and exclusion constraint (and every foreign key
-- between person tables) includes subject_ref. That is what a distributed engine needs to keep each of
-- these rules on one node (Citus: `create_distributed_table(..., 'subject_ref', colocate_with => ...)`),
-- and the local partitions keep each index a sixteenth of the table. The rules are asserted over the
-- catalog by test/integration/ledger.distribution.test.ts, so a later migration cannot break them.
--
-- Not person tables: the outbox and inbox (messaging; ordered by their own sequence), the catalogue
-- services and passes (small, the same for everyone: reference tables), and reconciliations (one row
-- per uploaded file, referenced by its lines: a reference table).
--
-- Needs PostgreSQL 17 or later (exclusion constraints on partitioned tables).

-- The views and the operator function read these tables: kept as they are defined now, dropped, and
-- created again over the partitioned tables at the end.
CREATE TEMP TABLE person_dependents ON COMMIT DROP AS
  SELECT 1 AS ord, 'CREATE VIEW subject_regions AS ' || pg_get_viewdef('subject_regions'::regclass) AS ddl
  UNION ALL SELECT 2, 'CREATE VIEW operator_queue AS ' || pg_get_viewdef('operator_queue'::regclass)
  UNION ALL SELECT 3, pg_get_functiondef('operator_item(text, text)'::regprocedure);
DROP FUNCTION operator_item(text, text);
DROP VIEW operator_queue;
DROP VIEW subject_regions;

-- Each person table is created again (same columns, defaults, NOT NULL and CHECK constraints) as a hash-
-- partitioned table, filled from the old one, which is then dropped. Keys, indexes and triggers are
-- added after the copy: the rows were checked when they were written.
ALTER SEQUENCE responsibilities_responsibility_id_seq OWNED BY NONE;
DO $$
DECLARE
  t text;
  i int;
BEGIN
  FOREACH t IN ARRAY ARRAY['subjects', 'responsibilities', 'handoffs', 'provision_claims', 'entitlements', 'gaps',
                           'insurance_relations', 'fact_changes', 'points_allotments', 'reconciliation_records', 'reconciliation_items'] LOOP
    EXECUTE format('ALTER TABLE %I RENAME TO %I', t, t || '_unpartitioned');
    EXECUTE format('CREATE TABLE %I (LIKE %I INCLUDING DEFAULTS INCLUDING CONSTRAINTS) PARTITION BY HASH (subject_ref)', t, t || '_unpartitioned');
    FOR i IN 0..15 LOOP
      EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES WITH (MODULUS 16, REMAINDER %s)', t || '_p' || lpad(i::text, 2, '0'), t, i);
    END LOOP;
    EXECUTE format('INSERT INTO %I SELECT * FROM %I', t, t || '_unpartitioned');
  END LOOP;
  FOREACH t IN ARRAY ARRAY['provision_claims', 'responsibilities', 'handoffs', 'entitlements', 'gaps', 'insurance_relations',
                           'fact_changes', 'points_allotments', 'reconciliation_records', 'reconciliation_items', 'subjects'] LOOP
    EXECUTE format('DROP TABLE %I', t || '_unpartitioned');
  END LOOP;
END $$;
ALTER SEQUENCE responsibilities_responsibility_id_seq OWNED BY responsibilities.responsibility_id;

ALTER TABLE subjects ADD PRIMARY KEY (subject_ref);
CREATE INDEX subjects_conditions_review ON subjects (conditions_review_on) WHERE conditions_review_on IS NOT NULL;

ALTER TABLE responsibilities
  ADD PRIMARY KEY (subject_ref, responsibility_id),
  ADD CONSTRAINT responsibilities_claim_target UNIQUE (subject_ref, responsibility_id, service_code, region),
  ADD CONSTRAINT responsibilities_no_overlap EXCLUDE USING gist (subject_ref WITH =, service_code WITH =, during WITH &&),
  ADD FOREIGN KEY (subject_ref) REFERENCES subjects (subject_ref);
CREATE INDEX responsibilities_current ON responsibilities (subject_ref, service_code) WHERE upper_inf(during);
CREATE INDEX responsibilities_region ON responsibilities (region) WHERE upper_inf(during);

ALTER TABLE handoffs ADD PRIMARY KEY (subject_ref, handoff_id), ADD FOREIGN KEY (subject_ref) REFERENCES subjects (subject_ref);
-- a handoff is addressed by its id alone (/v1/handoffs/{id}); each partition finds it by index
CREATE INDEX handoffs_id ON handoffs (handoff_id);
CREATE UNIQUE INDEX handoffs_one_open ON handoffs (subject_ref, service_code) WHERE status IN ('proposed', 'disputed');
CREATE INDEX handoffs_open_deadline ON handoffs (remind_on, deadline) WHERE status = 'proposed';
CREATE INDEX handoffs_rejected ON handoffs (answered_at) WHERE status = 'rejected' AND reevaluated_at IS NULL;
CREATE INDEX handoffs_provisional_deadline ON handoffs (handoff_id) WHERE deadline_provisional AND status = 'proposed';

ALTER TABLE provision_claims
  ADD PRIMARY KEY (subject_ref, claim_id),
  ADD CONSTRAINT provision_claims_one_per_period UNIQUE (subject_ref, service_code, period_key),
  ADD CONSTRAINT provision_claims_subject FOREIGN KEY (subject_ref) REFERENCES subjects (subject_ref),
  ADD CONSTRAINT provision_claims_interval FOREIGN KEY (subject_ref, responsibility_id, service_code, region)
    REFERENCES responsibilities (subject_ref, responsibility_id, service_code, region);
CREATE INDEX provision_claims_region ON provision_claims (region, service_code, period_key);
CREATE INDEX provision_claims_interval ON provision_claims (subject_ref, responsibility_id) WHERE responsibility_id IS NOT NULL;

ALTER TABLE entitlements ADD PRIMARY KEY (subject_ref, service_code);

ALTER TABLE gaps ADD PRIMARY KEY (subject_ref, gap_id), ADD CONSTRAINT gaps_one_per_period UNIQUE (subject_ref, service_code, period_key);
CREATE INDEX gaps_id ON gaps (gap_id);
CREATE INDEX gaps_open ON gaps (detected_at, gap_id) WHERE resolved_at IS NULL;

ALTER TABLE insurance_relations ADD PRIMARY KEY (subject_ref, branch), ADD FOREIGN KEY (subject_ref) REFERENCES subjects (subject_ref);

ALTER TABLE fact_changes ADD PRIMARY KEY (subject_ref, change_id), ADD FOREIGN KEY (subject_ref) REFERENCES subjects (subject_ref);
CREATE INDEX fact_changes_id ON fact_changes (change_id);
CREATE UNIQUE INDEX fact_changes_one_open ON fact_changes (subject_ref, kind, COALESCE(branch, '')) WHERE status IN ('provisional', 'disputed');
CREATE INDEX fact_changes_window ON fact_changes (objection_deadline) WHERE status = 'provisional';
CREATE INDEX fact_changes_provisional_deadline ON fact_changes (change_id) WHERE objection_deadline_provisional AND status = 'provisional';

ALTER TABLE points_allotments
  ADD PRIMARY KEY (subject_ref, allotment_id),
  ADD CONSTRAINT points_allotments_one_per_city UNIQUE (subject_ref, service_code, region),
  ADD FOREIGN KEY (subject_ref) REFERENCES subjects (subject_ref);

-- A reconciliation's lines and findings sit with the person they are about, so comparing them with
-- the ledger joins partition to partition; they are read back by reconciliation through an index.
ALTER TABLE reconciliation_records
  ADD PRIMARY KEY (subject_ref, reconciliation_id, line_no),
  ADD FOREIGN KEY (reconciliation_id) REFERENCES reconciliations (reconciliation_id);
CREATE INDEX reconciliation_records_lines ON reconciliation_records (reconciliation_id, line_no);
CREATE INDEX reconciliation_records_key ON reconciliation_records (subject_ref, service_code, period_key);
ALTER TABLE reconciliation_items
  ADD PRIMARY KEY (subject_ref, reconciliation_id, item_no),
  ADD FOREIGN KEY (reconciliation_id) REFERENCES reconciliations (reconciliation_id);
CREATE INDEX reconciliation_items_items ON reconciliation_items (reconciliation_id, item_no);

-- The interval checks of 0102 look rows up by the person as well as the interval, so each stays in one
-- partition (and on one node).
CREATE OR REPLACE FUNCTION provision_claims_held() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
DECLARE
  holds boolean;
BEGIN
  IF NEW.responsibility_id IS NULL THEN
    RETURN NEW;
  END IF;
  SELECT during @> NEW.held_at INTO holds FROM responsibilities
   WHERE subject_ref = NEW.subject_ref AND responsibility_id = NEW.responsibility_id FOR SHARE;
  IF holds IS NOT TRUE THEN
    RAISE EXCEPTION 'claim of % for period % by % does not lie in the interval that held the service at the period start', NEW.service_code, NEW.period_key, NEW.region
      USING ERRCODE = '23514', CONSTRAINT = 'provision_claims_held_at_period_start';
  END IF;
  RETURN NEW;
END $$;

CREATE OR REPLACE FUNCTION responsibilities_keep_claims() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM provision_claims c WHERE c.subject_ref = NEW.subject_ref AND c.responsibility_id = NEW.responsibility_id
                AND NOT NEW.during @> c.held_at) THEN
    RAISE EXCEPTION 'interval % would end before the period start of a claim it holds', NEW.responsibility_id
      USING ERRCODE = '23514', CONSTRAINT = 'provision_claims_held_at_period_start';
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER responsibilities_immutable BEFORE UPDATE OR DELETE ON responsibilities
  FOR EACH ROW EXECUTE FUNCTION responsibilities_immutable();
CREATE CONSTRAINT TRIGGER responsibilities_contiguous AFTER INSERT OR UPDATE ON responsibilities
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION responsibilities_contiguous();
CREATE TRIGGER responsibilities_keep_claims AFTER UPDATE ON responsibilities
  FOR EACH ROW EXECUTE FUNCTION responsibilities_keep_claims();
CREATE TRIGGER provision_claims_held BEFORE INSERT OR UPDATE ON provision_claims
  FOR EACH ROW EXECUTE FUNCTION provision_claims_held();

DO $$
DECLARE
  d record;
BEGIN
  FOR d IN SELECT ddl FROM person_dependents ORDER BY ord LOOP
    EXECUTE d.ddl;
  END LOOP;
END $$;
