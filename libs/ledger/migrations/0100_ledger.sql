-- The responsibility ledger. A person is known only by the pseudonymous subject_ref.

-- What the ledger knows about a person: the facts the responsible region is computed from.
CREATE TABLE subjects (
  subject_ref           text PRIMARY KEY,
  hukou_region          char(6) NOT NULL,
  residence_city        char(6),            -- city of the active residence permit, if any
  permit_id             uuid,
  residence_since       date,
  insured_region        char(6),            -- employment / insured region, once known
  insured_since         date,
  registered_at         timestamptz NOT NULL DEFAULT now(),
  registered_by         text NOT NULL,
  updated_at            timestamptz NOT NULL DEFAULT now(),
  CHECK ((residence_city IS NULL) = (permit_id IS NULL))
);

-- Intervals [from, to) of responsibility per (subject, service). Never overlapping (exclusion
-- constraint), never leaving a hole or an uncovered present (deferred trigger below), never deleted,
-- and only ever closed (immutability trigger below): the table is its own history.
CREATE TABLE responsibilities (
  responsibility_id  bigserial PRIMARY KEY,
  subject_ref        text NOT NULL REFERENCES subjects (subject_ref),
  service_code       text NOT NULL,
  region             char(6) NOT NULL,
  during             tstzrange NOT NULL,
  opened_by          text NOT NULL,
  opened_reason      text NOT NULL,
  opened_handoff_id  uuid,
  opened_event_id    uuid,
  closed_by          text,
  closed_reason      text,
  closed_handoff_id  uuid,
  CHECK (NOT isempty(during) AND NOT lower_inf(during) AND lower_inc(during) AND NOT upper_inc(during)),
  CONSTRAINT responsibilities_no_overlap EXCLUDE USING gist (subject_ref WITH =, service_code WITH =, during WITH &&)
);
CREATE INDEX responsibilities_current ON responsibilities (subject_ref, service_code) WHERE upper_inf(during);
CREATE INDEX responsibilities_region ON responsibilities (region) WHERE upper_inf(during);

-- History is append-only: an interval may only be closed once (its open end set), nothing else changes.
CREATE FUNCTION responsibilities_immutable() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'responsibility intervals are history and are never deleted' USING ERRCODE = '23514', CONSTRAINT = 'responsibilities_append_only';
  END IF;
  IF NOT upper_inf(OLD.during) OR NEW.subject_ref <> OLD.subject_ref OR NEW.service_code <> OLD.service_code
     OR NEW.region <> OLD.region OR lower(NEW.during) <> lower(OLD.during) OR NEW.opened_by <> OLD.opened_by THEN
    RAISE EXCEPTION 'a responsibility interval can only be closed, once' USING ERRCODE = '23514', CONSTRAINT = 'responsibilities_append_only';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER responsibilities_immutable BEFORE UPDATE OR DELETE ON responsibilities
  FOR EACH ROW EXECUTE FUNCTION responsibilities_immutable();

-- Never a gap while entitled: at commit, every (subject, service) touched has exactly one open-ended
-- interval and every closed interval is continued by another starting at the same instant. A handoff
-- that closed the old interval without opening the new one (or opened it later) cannot commit.
CREATE FUNCTION responsibilities_contiguous() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
DECLARE
  open_count int;
  holes int;
BEGIN
  SELECT count(*) INTO open_count FROM responsibilities
   WHERE subject_ref = NEW.subject_ref AND service_code = NEW.service_code AND upper_inf(during);
  SELECT count(*) INTO holes FROM responsibilities r
   WHERE r.subject_ref = NEW.subject_ref AND r.service_code = NEW.service_code AND NOT upper_inf(r.during)
     AND NOT EXISTS (SELECT 1 FROM responsibilities n WHERE n.subject_ref = r.subject_ref AND n.service_code = r.service_code
                      AND lower(n.during) = upper(r.during));
  IF open_count <> 1 OR holes <> 0 THEN
    RAISE EXCEPTION 'responsibility for % would have % open holder(s) and % hole(s)', NEW.service_code, open_count, holes
      USING ERRCODE = '23514', CONSTRAINT = 'responsibilities_contiguous';
  END IF;
  RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER responsibilities_contiguous AFTER INSERT OR UPDATE ON responsibilities
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION responsibilities_contiguous();

-- Handoff proposals: at most one open proposal per (subject, service).
CREATE TABLE handoffs (
  handoff_id        uuid PRIMARY KEY,
  subject_ref       text NOT NULL REFERENCES subjects (subject_ref),
  service_code      text NOT NULL,
  from_region       char(6) NOT NULL,
  to_region         char(6) NOT NULL CHECK (to_region <> from_region),
  status            text NOT NULL CHECK (status IN ('proposed', 'disputed', 'accepted', 'rejected', 'withdrawn')),
  reason            text NOT NULL,
  cause_event_id    uuid,
  proposed_at       timestamptz NOT NULL DEFAULT now(),
  proposed_on       date NOT NULL,
  remind_on         date NOT NULL,          -- a reminder goes out from this day while unanswered
  deadline          date NOT NULL,          -- the last day to answer; escalated to operators after it
  reminded_at       timestamptz,
  escalated_at      timestamptz,
  answered_at       timestamptz,
  answered_by       text,
  effective_at      timestamptz,
  answer_reason     text,
  CHECK ((status = 'accepted') = (effective_at IS NOT NULL))
);
CREATE UNIQUE INDEX handoffs_one_open ON handoffs (subject_ref, service_code) WHERE status IN ('proposed', 'disputed');
CREATE INDEX handoffs_open_deadline ON handoffs (remind_on, deadline) WHERE status = 'proposed';
CREATE INDEX handoffs_subject ON handoffs (subject_ref);

-- Provision claims: exactly one per (subject, service, period), whoever asks.
CREATE TABLE provision_claims (
  claim_id          uuid PRIMARY KEY,
  subject_ref       text NOT NULL,
  service_code      text NOT NULL,
  period_key        text NOT NULL,
  region            char(6) NOT NULL,
  basis             text NOT NULL,
  responsibility_id bigint REFERENCES responsibilities (responsibility_id),
  claimed_at        timestamptz NOT NULL DEFAULT now(),
  claimed_by        text NOT NULL,
  request_id        text,
  CONSTRAINT provision_claims_one_per_period UNIQUE (subject_ref, service_code, period_key)
);
CREATE INDEX provision_claims_region ON provision_claims (region, service_code, period_key);

-- Periodic entitlements: opened by the first claim of a service that needs a claim every period;
-- from then on a period closing without a claim is a gap.
CREATE TABLE entitlements (
  subject_ref   text NOT NULL,
  service_code  text NOT NULL,
  since_period  date NOT NULL,
  opened_by     text NOT NULL,
  opened_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (subject_ref, service_code)
);

-- Gaps found by the gap job: the operators' queue.
CREATE TABLE gaps (
  gap_id        uuid PRIMARY KEY,
  subject_ref   text NOT NULL,
  service_code  text NOT NULL,
  period_key    text NOT NULL,
  region        char(6) NOT NULL,
  period_end    date NOT NULL,
  detected_at   timestamptz NOT NULL DEFAULT now(),
  resolved_at   timestamptz,
  UNIQUE (subject_ref, service_code, period_key)
);
CREATE INDEX gaps_open ON gaps (detected_at, gap_id) WHERE resolved_at IS NULL;

-- Reconciliations (档案比对): uploaded records are staged, compared with SQL, and the findings kept.
CREATE TABLE reconciliations (
  reconciliation_id uuid PRIMARY KEY,
  region            char(6) NOT NULL,
  status            text NOT NULL CHECK (status IN ('completed')),
  record_count      bigint NOT NULL DEFAULT 0,
  overlap_count     bigint NOT NULL DEFAULT 0,
  gap_count         bigint NOT NULL DEFAULT 0,
  unknown_count     bigint NOT NULL DEFAULT 0,
  created_by        text NOT NULL,
  request_id        text,
  created_at        timestamptz NOT NULL DEFAULT now(),
  completed_at      timestamptz
);

CREATE TABLE reconciliation_records (
  reconciliation_id uuid NOT NULL REFERENCES reconciliations (reconciliation_id),
  line_no           bigint NOT NULL,
  region            char(6) NOT NULL,
  subject_ref       text NOT NULL,
  service_code      text NOT NULL,
  period_key        text NOT NULL,
  PRIMARY KEY (reconciliation_id, line_no)
);
CREATE INDEX reconciliation_records_key ON reconciliation_records (subject_ref, service_code, period_key);

CREATE TABLE reconciliation_items (
  reconciliation_id uuid NOT NULL REFERENCES reconciliations (reconciliation_id),
  item_no           bigint NOT NULL,
  kind              text NOT NULL CHECK (kind IN ('overlap', 'gap', 'unknown')),
  subject_ref       text NOT NULL,
  service_code      text NOT NULL,
  period_key        text NOT NULL,
  other_regions     text[] NOT NULL DEFAULT '{}',
  line_no           bigint,
  PRIMARY KEY (reconciliation_id, item_no)
);
