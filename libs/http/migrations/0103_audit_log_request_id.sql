-- The operators' item page finds the audit entries of the requests that wrote an item's events (a
-- creating POST is audited on the collection path, before the item had an id) by their request id.
-- An index only: entries and their hash chain are unchanged.
CREATE INDEX audit_log_request_id ON audit_log (request_id) WHERE request_id IS NOT NULL;
