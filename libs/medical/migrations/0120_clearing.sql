-- Monthly clearing (清算) between the insured and the treatment province: one statement per
-- (month, insured province, treatment province), one line per settlement.
CREATE TABLE statements (
  statement_id           uuid PRIMARY KEY,
  month                  char(7) NOT NULL CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  insured_province       char(6) NOT NULL CHECK (insured_province ~ '^[0-9]{2}0000$'),
  treatment_province     char(6) NOT NULL CHECK (treatment_province ~ '^[0-9]{2}0000$'),
  status                 text NOT NULL DEFAULT 'issued' CHECK (status IN ('issued', 'confirmed')),
  issued_at              timestamptz NOT NULL DEFAULT now(),
  insured_confirmed_at   timestamptz,
  insured_confirmed_by   text,
  treatment_confirmed_at timestamptz,
  treatment_confirmed_by text,
  UNIQUE (month, insured_province, treatment_province),
  CHECK (insured_province <> treatment_province),
  CHECK ((status = 'confirmed') = (insured_confirmed_at IS NOT NULL AND treatment_confirmed_at IS NOT NULL))
);

-- A line is either the ORIGINAL entry of a settlement (at most one ever: nothing is counted in two
-- cycles) or a CORRECTION carrying a disputed line into a later cycle (at most one per disputed
-- line, of the same settlement, and only of a line that is and stays disputed — the composite
-- foreign key pins its status).
CREATE TABLE statement_lines (
  line_id            uuid PRIMARY KEY,
  statement_id       uuid NOT NULL REFERENCES statements (statement_id),
  line_no            int NOT NULL CHECK (line_no > 0),
  kind               text NOT NULL CHECK (kind IN ('original', 'correction')),
  treatment_region   char(6) NOT NULL,
  settlement_id      text NOT NULL,
  total_fen          bigint NOT NULL CHECK (total_fen >= 0),
  fund_paid_fen      bigint NOT NULL CHECK (fund_paid_fen >= 0),
  self_paid_fen      bigint NOT NULL CHECK (self_paid_fen >= 0),
  corrects_line_id   uuid UNIQUE,
  corrects_status    text CHECK (corrects_status = 'disputed'),
  status             text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'disputed')),
  disputed_side      text CHECK (disputed_side IN ('insured', 'treatment')),
  dispute_reason     text,
  disputed_by        text,
  disputed_at        timestamptz,
  UNIQUE (statement_id, line_no),
  UNIQUE (line_id, status, treatment_region, settlement_id),
  FOREIGN KEY (treatment_region, settlement_id) REFERENCES settlements (treatment_region, settlement_id),
  FOREIGN KEY (corrects_line_id, corrects_status, treatment_region, settlement_id)
    REFERENCES statement_lines (line_id, status, treatment_region, settlement_id),
  CHECK (fund_paid_fen + self_paid_fen = total_fen),
  CHECK ((kind = 'original') = (corrects_line_id IS NULL)),
  CHECK ((corrects_line_id IS NULL) = (corrects_status IS NULL)),
  CHECK ((status = 'disputed') = (dispute_reason IS NOT NULL AND disputed_side IS NOT NULL AND disputed_at IS NOT NULL))
);
CREATE UNIQUE INDEX statement_lines_one_original_per_settlement ON statement_lines (treatment_region, settlement_id) WHERE kind = 'original';
CREATE INDEX statement_lines_statement ON statement_lines (statement_id, line_no);
