-- Operators' decisions on queue items (resolve a discrepancy, escalate or close a dispute). The
-- domains' own tables are never written by the console; a decided item leaves (resolve, close) or is
-- marked (escalate) in the operators' queues. Every decision is also in gateway.audit_log.
CREATE TABLE item_decisions (
  decision_id  bigserial PRIMARY KEY,
  kind         text NOT NULL,
  item_id      text NOT NULL,
  action       text NOT NULL CHECK (action IN ('resolve', 'escalate', 'close')),
  note         text NOT NULL CHECK (length(note) BETWEEN 1 AND 2000),
  decided_by   text NOT NULL,
  request_id   text,
  decided_at   timestamptz NOT NULL DEFAULT clock_timestamp()
);
-- An item is settled (resolved or closed) at most once, and escalated at most once: concurrent
-- operators clicking the same button get one decision and one refusal.
CREATE UNIQUE INDEX item_decisions_one_final ON item_decisions (kind, item_id) WHERE action IN ('resolve', 'close');
CREATE UNIQUE INDEX item_decisions_one_escalation ON item_decisions (kind, item_id) WHERE action = 'escalate';
CREATE INDEX item_decisions_item ON item_decisions (kind, item_id, decision_id);
