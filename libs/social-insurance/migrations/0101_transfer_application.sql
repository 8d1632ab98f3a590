-- A pension transfer starts with the person's application to the inbound region, which reviews it within
-- its own 15 working days before issuing the contact letter (国办发〔2009〕66号 Art. 8): state 'applied',
-- awaited step 'contact-letter' (the inbound region's clock). Which side keeps duplicate contribution months
-- is a property of each transfer, agreed by the inbound region with the person.
ALTER TABLE transfers
  ADD COLUMN applied_on date,
  ADD COLUMN contact_letter_on date,
  ADD COLUMN duplicate_months_kept text NOT NULL DEFAULT 'inbound' CHECK (duplicate_months_kept IN ('inbound', 'outbound'));

-- Transfers recorded before: the request was both the application and the contact letter.
UPDATE transfers SET applied_on = (created_at AT TIME ZONE 'Asia/Shanghai')::date,
                     contact_letter_on = (created_at AT TIME ZONE 'Asia/Shanghai')::date;
ALTER TABLE transfers ALTER COLUMN applied_on SET NOT NULL;

-- The open states now include 'applied': the state check, the clock check and the partial indexes follow.
DO $$
DECLARE c record;
BEGIN
  FOR c IN SELECT conname FROM pg_constraint
            WHERE conrelid = 'transfers'::regclass AND contype = 'c'
              AND (pg_get_constraintdef(oid) LIKE '%clock_party IS NOT NULL%' OR pg_get_constraintdef(oid) LIKE '%''requested''::text, ''certified''::text, ''remitted''::text, ''completed''%')
  LOOP
    EXECUTE format('ALTER TABLE transfers DROP CONSTRAINT %I', c.conname);
  END LOOP;
END $$;
ALTER TABLE transfers
  ADD CONSTRAINT transfers_state_check CHECK (state IN ('applied', 'requested', 'certified', 'remitted', 'completed', 'refused', 'cancelled')),
  ADD CONSTRAINT transfers_open_clock_check CHECK (
    (state IN ('applied', 'requested', 'certified', 'remitted')) = (clock_party IS NOT NULL AND clock_started_on IS NOT NULL AND clock_working_days IS NOT NULL)),
  -- only a pension application awaits the inbound review; the contact letter is issued on leaving it
  ADD CONSTRAINT transfers_applied_check CHECK (state <> 'applied' OR (insurance_type = 'pension' AND clock_party = 'inbound' AND contact_letter_on IS NULL)),
  ADD CONSTRAINT transfers_contact_letter_check CHECK (state NOT IN ('requested', 'certified', 'remitted', 'completed') OR contact_letter_on IS NOT NULL),
  ADD CONSTRAINT transfers_applied_on_check CHECK (contact_letter_on IS NULL OR contact_letter_on >= applied_on);

DROP INDEX transfers_one_open_per_subject;
CREATE UNIQUE INDEX transfers_one_open_per_subject ON transfers (subject_ref, insurance_type)
  WHERE state IN ('applied', 'requested', 'certified', 'remitted');
DROP INDEX transfers_open_due;
CREATE INDEX transfers_open_due ON transfers (due_on) WHERE state IN ('applied', 'requested', 'certified', 'remitted');

-- The step history and the clock notices know the new step.
DO $$
DECLARE c record;
BEGIN
  FOR c IN SELECT conrelid::regclass::text AS tbl, conname FROM pg_constraint
            WHERE conrelid IN ('transfer_steps'::regclass, 'clock_notices'::regclass) AND contype = 'c'
              AND pg_get_constraintdef(oid) LIKE '%step%''certificate''%'
  LOOP
    EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', c.tbl, c.conname);
  END LOOP;
END $$;
ALTER TABLE transfer_steps ADD CONSTRAINT transfer_steps_step_check
  CHECK (step IN ('request', 'contact-letter', 'certificate', 'remittance', 'receipt', 'refusal', 'cancellation', 'reminder', 'overdue', 'deadline'));
ALTER TABLE clock_notices ADD CONSTRAINT clock_notices_step_check
  CHECK (step IN ('contact-letter', 'certificate', 'remittance', 'receipt'));
