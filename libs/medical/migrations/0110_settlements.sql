-- Direct settlements (直接结算) recorded by the treatment region's systems, once per
-- (treatment region, settlement id). Amounts in integer fen; the fund-paid and self-paid parts make
-- up the total exactly. clearing_month is the month (China time) the settlement was recorded in:
-- a late settlement is cleared in the cycle of its recording, not of its discharge.
CREATE TABLE settlements (
  treatment_region     char(6) NOT NULL,
  settlement_id        text NOT NULL,
  subject_ref          text NOT NULL,
  insured_region       char(6) NOT NULL,
  insured_province     char(6) NOT NULL,
  treatment_province   char(6) NOT NULL,
  hospital_code        text NOT NULL,
  admission_type       text NOT NULL CHECK (admission_type IN ('planned', 'emergency')),
  filing_id            uuid REFERENCES filings (filing_id),
  admission_date       date NOT NULL,
  discharge_date       date NOT NULL,
  total_fen            bigint NOT NULL CHECK (total_fen >= 0),
  fund_paid_fen        bigint NOT NULL CHECK (fund_paid_fen >= 0),
  self_paid_fen        bigint NOT NULL CHECK (self_paid_fen >= 0),
  claim_id             uuid,
  recorded_at          timestamptz NOT NULL DEFAULT now(),
  clearing_month       char(7) NOT NULL DEFAULT to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM'),
  recorded_by          text NOT NULL,
  request_id           text,
  PRIMARY KEY (treatment_region, settlement_id),
  CHECK (fund_paid_fen + self_paid_fen = total_fen),
  CHECK (discharge_date >= admission_date),
  -- a planned admission is settled directly only under a filing; an emergency counts as filed
  CHECK (admission_type = 'emergency' OR filing_id IS NOT NULL),
  CHECK (insured_province = substr(insured_region, 1, 2) || '0000'),
  CHECK (treatment_province = substr(treatment_region, 1, 2) || '0000'),
  CHECK (insured_province <> treatment_province)
);
CREATE INDEX settlements_clearing ON settlements (clearing_month, insured_province, treatment_province);
CREATE INDEX settlements_subject ON settlements (subject_ref);
