-- The ledger follows the catalogue and city-policy versions in force (schema `catalogue`). When a
-- version pair comes into force, one pass over every person opens the holder intervals of services the
-- ledger has not held before (the hukou region, the default holder, as for a newly known person) and
-- proposes the handoffs the new versions call for. Passes are resumable (cursor) and idempotent.

-- Services whose holders the ledger has opened for everyone (a service first seen is backfilled once).
CREATE TABLE catalogue_services (
  service_code      text PRIMARY KEY,
  catalogue_version integer NOT NULL,
  known_since       timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE catalogue_passes (
  pass_key          text PRIMARY KEY,
  catalogue_version integer NOT NULL,
  policy_version    integer NOT NULL,
  -- services opened for existing people in this pass
  new_services      text[] NOT NULL,
  after_subject     text,
  people            integer NOT NULL DEFAULT 0,
  opened            integer NOT NULL DEFAULT 0,
  proposed          integer NOT NULL DEFAULT 0,
  started_at        timestamptz NOT NULL DEFAULT now(),
  finished_at       timestamptz
);

-- The evidence a claim referenced (统一证明材料要求, seed 000 （十二）): [{kind, reference}].
ALTER TABLE provision_claims ADD COLUMN evidence jsonb NOT NULL DEFAULT '[]'::jsonb
  CONSTRAINT provision_claims_evidence_array CHECK (jsonb_typeof(evidence) = 'array');
