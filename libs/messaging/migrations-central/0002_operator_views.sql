-- The dead letters waiting for an operator, in the shape of every operator queue (libs/ops composes
-- it; see libs/ledger/migrations/0190_operator_views.sql). A dead letter's page is read through
-- DeadLetterService, which scrubs the original message.
CREATE VIEW operator_queue AS
  SELECT 'dead-letters'::text AS queue, 'dead-letter'::text AS kind, d.id::text AS id,
         coalesce(d.event_type, '(undecodable message)') || ' · ' || d.error_code AS title,
         d.message_key AS subject_ref, ARRAY[]::text[] AS regions, d.consumer AS status, d.created_at AS waiting_since,
         NULL::date AS started_on, NULL::date AS due_on, NULL::int AS statutory_working_days, NULL::date AS overdue_from,
         false AS escalated, false AS due_on_provisional
    FROM dead_letters d WHERE d.replayed_at IS NULL;
