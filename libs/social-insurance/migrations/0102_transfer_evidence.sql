-- The evidence a transfer step's request referenced (统一证明材料要求, seed 000 （十二）): [{kind, reference}],
-- as the catalogue version in force required it (e.g. the written application for a pension request,
-- the 参保缴费凭证 for its certificate). Steps recorded before carried none.
ALTER TABLE transfer_steps ADD COLUMN evidence jsonb NOT NULL DEFAULT '[]'::jsonb
  CONSTRAINT transfer_steps_evidence_array CHECK (jsonb_typeof(evidence) = 'array');
