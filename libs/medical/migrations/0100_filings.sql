-- Medical filings (异地就医备案) registered by the insured region. The person is known only by the
-- pseudonymous subject_ref. Validity is a closed range of days [valid_from, valid_to]; a long-term
-- filing may be open-ended (valid_to NULL).
CREATE TABLE filings (
  filing_id            uuid PRIMARY KEY,
  subject_ref          text NOT NULL,
  insured_region       char(6) NOT NULL,
  treatment_region     char(6) NOT NULL,
  category             text NOT NULL CHECK (category IN (
                         'resettled-retiree', 'long-term-resident', 'posted-worker',
                         'referral', 'emergency', 'other-temporary')),
  term                 text GENERATED ALWAYS AS (
                         CASE WHEN category IN ('resettled-retiree', 'long-term-resident', 'posted-worker') THEN 'long-term' ELSE 'temporary' END
                       ) STORED,
  valid_from           date NOT NULL,
  valid_to             date,
  validity             daterange GENERATED ALWAYS AS (daterange(valid_from, valid_to, '[]')) STORED,
  status               text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'cancelled')),
  registered_at        timestamptz NOT NULL DEFAULT now(),
  registered_by        text NOT NULL,
  request_id           text,
  cancelled_at         timestamptz,
  cancelled_by         text,
  cancellation_reason  text,
  CHECK (valid_to IS NULL OR valid_to >= valid_from),
  -- temporary treatment always ends; only a long-term stay may be open-ended
  CHECK (term = 'long-term' OR valid_to IS NOT NULL),
  CHECK (substr(insured_region, 1, 2) <> substr(treatment_region, 1, 2)),
  CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL)),
  -- At most one active long-term filing per person at any day, whichever regions registered them.
  CONSTRAINT filings_one_active_long_term EXCLUDE USING gist (subject_ref WITH =, validity WITH &&)
    WHERE (status = 'active' AND term = 'long-term')
);
CREATE INDEX filings_subject ON filings (subject_ref) WHERE status = 'active';
