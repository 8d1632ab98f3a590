-- The operators' filters and search (libs/ops): the dead letters of 0002 with no catalogue service
-- and the id of the event they carry (when it could be decoded) as the id they are found by.
CREATE OR REPLACE VIEW operator_queue AS
  SELECT 'dead-letters'::text AS queue, 'dead-letter'::text AS kind, d.id::text AS id,
         coalesce(d.event_type, '(undecodable message)') || ' · ' || d.error_code AS title,
         d.message_key AS subject_ref, ARRAY[]::text[] AS regions, d.consumer AS status, d.created_at AS waiting_since,
         NULL::date AS started_on, NULL::date AS due_on, NULL::int AS statutory_working_days, NULL::date AS overdue_from,
         false AS escalated, false AS due_on_provisional,
         NULL::text AS service_code, array_remove(ARRAY[d.event_id], NULL) AS refs
    FROM dead_letters d WHERE d.replayed_at IS NULL;
