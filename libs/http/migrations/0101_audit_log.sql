-- Tamper-evident audit log. Each state-changing request appends a row in the transaction of its
-- effect; the chainer then links rows in chain_pos order, hash = sha256(prev_hash || entry), so any
-- later edit or deletion breaks the chain at the first altered row. Payloads are stored as hashes only.
CREATE TABLE audit_log (
  id            bigserial PRIMARY KEY,
  occurred_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
  actor         text NOT NULL,
  role          text NOT NULL,
  region        char(6),
  request_id    text,
  action        text NOT NULL,
  resource      text NOT NULL,
  status        int NOT NULL,
  payload_hash  text NOT NULL,
  chain_pos     bigint UNIQUE,
  prev_hash     text,
  hash          text
);
CREATE INDEX audit_log_unchained ON audit_log (id) WHERE chain_pos IS NULL;
CREATE INDEX audit_log_resource ON audit_log (resource, id);
