-- The contiguity check (0100) runs at commit for every interval a transaction wrote — 33 for a newly
-- known person — and was most of a registration's cost in the database. It looked the person's service
-- up twice (open holders, then holes); one lookup now counts both. Its inner lookup names the person by
-- NEW (a value fixed when the statement starts) rather than by the outer row: PostgreSQL then prunes
-- the other 15 partitions before running it, where a correlated reference made it set up all 16.
CREATE OR REPLACE FUNCTION responsibilities_contiguous() RETURNS trigger LANGUAGE plpgsql
  SET search_path FROM CURRENT SET plan_cache_mode = force_generic_plan AS $$
DECLARE
  open_count int;
  holes int;
BEGIN
  SELECT count(*) FILTER (WHERE upper_inf(r.during)),
         count(*) FILTER (WHERE NOT upper_inf(r.during)
                            AND NOT EXISTS (SELECT 1 FROM responsibilities n
                                             WHERE n.subject_ref = NEW.subject_ref AND n.service_code = NEW.service_code
                                               AND lower(n.during) = upper(r.during)))
    INTO open_count, holes
    FROM responsibilities r
   WHERE r.subject_ref = NEW.subject_ref AND r.service_code = NEW.service_code;
  IF open_count <> 1 OR holes <> 0 THEN
    RAISE EXCEPTION 'responsibility for % would have % open holder(s) and % hole(s)', NEW.service_code, open_count, holes
      USING ERRCODE = '23514', CONSTRAINT = 'responsibilities_contiguous';
  END IF;
  RETURN NULL;
END $$;

-- Checked at commit for every closing (UPDATE: the only change 0100 lets an interval have) and for a
-- closed interval inserted; an open-ended interval inserted needs no check of its own: a second open
-- holder would overlap it (responsibilities_no_overlap), and a hole can only come from a closing,
-- which is checked. A newly known person's 33 first intervals then queue no check at all.
DROP TRIGGER responsibilities_contiguous ON responsibilities;
CREATE CONSTRAINT TRIGGER responsibilities_contiguous AFTER UPDATE ON responsibilities
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION responsibilities_contiguous();
CREATE CONSTRAINT TRIGGER responsibilities_contiguous_closed AFTER INSERT ON responsibilities
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NOT upper_inf(NEW.during)) EXECUTE FUNCTION responsibilities_contiguous();

-- A handoff's person is its case's person (handoffs_case includes subject_ref, and a case references
-- its subject): the direct reference checked the same thing once more for each of a case's ~20 rows.
ALTER TABLE handoffs DROP CONSTRAINT handoffs_subject_ref_fkey;
