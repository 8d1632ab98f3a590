-- A key keeps the exact answer it was first given — a success or a refusal — as the text that was
-- sent and its content type, so a replay is byte-identical (jsonb re-orders keys and drops the
-- original spacing). Stored jsonb answers become their text; a JSON null meant "no body".
ALTER TABLE idempotency_keys ADD COLUMN response_type text, ADD COLUMN response_text text;
UPDATE idempotency_keys SET response_type = 'application/json', response_text = response_body::text
 WHERE response_body IS NOT NULL AND response_body <> 'null'::jsonb;
ALTER TABLE idempotency_keys DROP COLUMN response_body;
