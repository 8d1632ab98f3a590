-- Residence permits (居住证) as registered by the issuing city's system. The person is known here
-- only by the pseudonymous subject_ref; the citizen ID number is not stored.
CREATE TABLE permits (
  permit_id        uuid PRIMARY KEY,
  permit_number    text NOT NULL,
  subject_ref      text NOT NULL,
  hukou_region     char(6) NOT NULL,
  residence_city   char(6) NOT NULL,
  basis            text NOT NULL CHECK (basis IN ('employment', 'housing', 'study')),
  residence_since  date NOT NULL,
  issued_on        date NOT NULL,
  valid_until      date NOT NULL,
  status           text NOT NULL CHECK (status IN ('active', 'cancelled')),
  created_by       text NOT NULL,
  request_id       text,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  CHECK (valid_until > issued_on),
  CHECK (issued_on >= residence_since + interval '6 months'),
  UNIQUE (residence_city, permit_number)
);
-- One active permit per person, whichever city issued it.
CREATE UNIQUE INDEX permits_one_active_per_subject ON permits (subject_ref) WHERE status = 'active';
