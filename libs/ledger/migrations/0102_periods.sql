-- Period-true ledger: a claim belongs to the region that held the service at the start of the period
-- it concerns (or at its reference date), and the database ties every claim to that interval.

-- The instant whose holder owns the claim (start of the period, or of the reference date, in China) and
-- the end of the period (exclusive). Claims made before this migration were judged at their instant.
ALTER TABLE provision_claims ADD COLUMN held_at timestamptz, ADD COLUMN period_end timestamptz;
UPDATE provision_claims SET held_at = claimed_at, period_end = claimed_at + interval '1 microsecond';
ALTER TABLE provision_claims ALTER COLUMN held_at SET NOT NULL, ALTER COLUMN period_end SET NOT NULL,
  ADD CONSTRAINT provision_claims_period CHECK (period_end > held_at),
  -- a held service's claim names its interval; a place-based one (a bill, an emergency) names none
  ADD CONSTRAINT provision_claims_held_has_interval CHECK ((basis IN ('treatment', 'emergency')) = (responsibility_id IS NULL));

-- The claim's region, person and service are the interval's (a composite foreign key: no code path can
-- name one region's interval for another region's claim) ...
ALTER TABLE responsibilities ADD CONSTRAINT responsibilities_claim_target UNIQUE (responsibility_id, subject_ref, service_code, region);
ALTER TABLE provision_claims ADD CONSTRAINT provision_claims_interval
  FOREIGN KEY (responsibility_id, subject_ref, service_code, region) REFERENCES responsibilities (responsibility_id, subject_ref, service_code, region);

-- ... and that interval held the service at the claim's period start. Checked on the claim (with the
-- interval row share-locked, so a handoff closing it waits) and on the interval (closing it before a
-- claim's period start is refused), so neither order of two concurrent transactions can break it.
CREATE FUNCTION provision_claims_held() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
DECLARE
  holds boolean;
BEGIN
  IF NEW.responsibility_id IS NULL THEN
    RETURN NEW;
  END IF;
  SELECT during @> NEW.held_at INTO holds FROM responsibilities WHERE responsibility_id = NEW.responsibility_id FOR SHARE;
  IF holds IS NOT TRUE THEN
    RAISE EXCEPTION 'claim of % for period % by % does not lie in the interval that held the service at the period start', NEW.service_code, NEW.period_key, NEW.region
      USING ERRCODE = '23514', CONSTRAINT = 'provision_claims_held_at_period_start';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER provision_claims_held BEFORE INSERT OR UPDATE ON provision_claims
  FOR EACH ROW EXECUTE FUNCTION provision_claims_held();

CREATE FUNCTION responsibilities_keep_claims() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM provision_claims c WHERE c.responsibility_id = NEW.responsibility_id AND NOT NEW.during @> c.held_at) THEN
    RAISE EXCEPTION 'interval % would end before the period start of a claim it holds', NEW.responsibility_id
      USING ERRCODE = '23514', CONSTRAINT = 'provision_claims_held_at_period_start';
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER responsibilities_keep_claims AFTER UPDATE ON responsibilities
  FOR EACH ROW EXECUTE FUNCTION responsibilities_keep_claims();
CREATE INDEX provision_claims_interval ON provision_claims (responsibility_id) WHERE responsibility_id IS NOT NULL;

-- An accept takes effect within the proposal's window; operators' decisions are recorded as such.
ALTER TABLE handoffs ADD COLUMN effective_by date;
UPDATE handoffs SET effective_by = proposed_on + 92;
ALTER TABLE handoffs ALTER COLUMN effective_by SET NOT NULL, ADD COLUMN decided_by_operator boolean NOT NULL DEFAULT false;
-- The periodic re-evaluation looks for rejected proposals whose facts still call for the handoff.
ALTER TABLE handoffs ADD COLUMN reevaluated_at timestamptz;
CREATE INDEX handoffs_rejected ON handoffs (answered_at) WHERE status = 'rejected' AND reevaluated_at IS NULL;

-- Permit events apply in the order the residence domain wrote them: an older (replayed) one changes nothing.
ALTER TABLE subjects ADD COLUMN permit_event_at timestamptz;

-- Entitlements record who opened them and why (a first claim, or the responsible region directly).
ALTER TABLE entitlements ADD COLUMN opened_reason text NOT NULL DEFAULT 'first claim';

-- Claims reference subjects: validate the foreign key added NOT VALID by 0101 when no older claim is orphaned.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM provision_claims c WHERE NOT EXISTS (SELECT 1 FROM subjects s WHERE s.subject_ref = c.subject_ref)) THEN
    ALTER TABLE provision_claims VALIDATE CONSTRAINT provision_claims_subject;
  END IF;
END $$;
