-- Idempotency-Key records: scoped to the calling credential, kept at least 24 hours.
CREATE TABLE idempotency_keys (
  credential_id   text NOT NULL,
  idempotency_key text NOT NULL,
  request_hash    text NOT NULL,
  response_status int NOT NULL,
  response_body   jsonb,
  created_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (credential_id, idempotency_key)
);
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);
