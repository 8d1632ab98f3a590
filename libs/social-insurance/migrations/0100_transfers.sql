-- Social-insurance transfers (社保关系转移接续) between an outbound and an inbound region. The person is
-- known only by subject_ref; the citizen ID number is never stored. Money is integer fen (bigint).
CREATE TABLE transfers (
  transfer_id      uuid PRIMARY KEY,
  seq              bigserial NOT NULL UNIQUE, -- paging cursor of the queue views
  subject_ref      text NOT NULL,
  insurance_type   text NOT NULL CHECK (insurance_type IN ('pension', 'medical')),
  inbound_region   char(6) NOT NULL,
  outbound_region  char(6) NOT NULL,
  hukou_region     char(6),
  state            text NOT NULL CHECK (state IN ('requested', 'certified', 'remitted', 'completed', 'refused', 'cancelled')),
  -- the statutory clock of the current step: the party whose turn it is, from when, how many working
  -- days, and the due date (NULL while the official holiday schedule does not reach it yet)
  clock_party      text CHECK (clock_party IN ('outbound', 'inbound')),
  clock_started_on date,
  clock_working_days int CHECK (clock_working_days > 0),
  due_on           date,
  overdue_since    date,
  inbound_months   text[] NOT NULL DEFAULT '{}',
  certificate      jsonb,
  duplicates       jsonb,
  funds            jsonb,
  transfer_fen     bigint CHECK (transfer_fen >= 0),
  collection_region jsonb,
  remittance       jsonb,
  receipt          jsonb,
  refusal          jsonb,
  cancellation     jsonb,
  created_by       text NOT NULL,
  request_id       text,
  updated_by       text NOT NULL,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  CHECK (inbound_region <> outbound_region),
  -- an open transfer always runs a clock; a closed one never does
  CHECK ((state IN ('requested', 'certified', 'remitted')) = (clock_party IS NOT NULL AND clock_started_on IS NOT NULL AND clock_working_days IS NOT NULL)),
  CHECK (state NOT IN ('certified', 'remitted', 'completed') OR (certificate IS NOT NULL AND funds IS NOT NULL AND transfer_fen IS NOT NULL)),
  CHECK (state NOT IN ('remitted', 'completed') OR remittance IS NOT NULL),
  CHECK (state <> 'completed' OR receipt IS NOT NULL),
  CHECK (state <> 'refused' OR refusal IS NOT NULL),
  CHECK (state <> 'cancelled' OR cancellation IS NOT NULL)
);
-- Only one open transfer per person and insurance type.
CREATE UNIQUE INDEX transfers_one_open_per_subject ON transfers (subject_ref, insurance_type)
  WHERE state IN ('requested', 'certified', 'remitted');
CREATE INDEX transfers_inbound ON transfers (inbound_region, seq);
CREATE INDEX transfers_outbound ON transfers (outbound_region, seq);
CREATE INDEX transfers_open_due ON transfers (due_on) WHERE state IN ('requested', 'certified', 'remitted');

-- Every step of every transfer, with the acting credential (or the clock): the history operators read.
CREATE TABLE transfer_steps (
  id           bigserial PRIMARY KEY,
  transfer_id  uuid NOT NULL REFERENCES transfers (transfer_id),
  step         text NOT NULL CHECK (step IN ('request', 'certificate', 'remittance', 'receipt', 'refusal', 'cancellation', 'reminder', 'overdue', 'deadline')),
  from_state   text,
  to_state     text NOT NULL,
  region       char(6),
  actor        text NOT NULL,
  request_id   text,
  detail       jsonb NOT NULL DEFAULT '{}',
  occurred_at  timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX transfer_steps_by_transfer ON transfer_steps (transfer_id, id);

-- Clock notices: at most one reminder and one overdue item per step clock (transfer, party, start). Open
-- overdue notices are the operators' queue items; they are resolved when the step is taken.
CREATE TABLE clock_notices (
  transfer_id      uuid NOT NULL REFERENCES transfers (transfer_id),
  clock_party      text NOT NULL CHECK (clock_party IN ('outbound', 'inbound')),
  clock_started_on date NOT NULL,
  kind             text NOT NULL CHECK (kind IN ('reminder', 'overdue')),
  step             text NOT NULL CHECK (step IN ('certificate', 'remittance', 'receipt')),
  awaiting_region  char(6) NOT NULL,
  due_on           date NOT NULL,
  raised_on        date NOT NULL,
  resolved_at      timestamptz,
  created_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (transfer_id, clock_party, clock_started_on, kind)
);
CREATE INDEX clock_notices_open_overdue ON clock_notices (created_at) WHERE kind = 'overdue' AND resolved_at IS NULL;
