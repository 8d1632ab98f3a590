-- Outbox: events written in the same transaction as the state change they describe; the relay
-- publishes them in seq order and stamps published_at. Published rows stay as the event history.
CREATE TABLE outbox (
  seq          bigserial PRIMARY KEY,
  event_id     uuid NOT NULL UNIQUE,
  event_type   text NOT NULL,
  subject      text NOT NULL,
  source       text NOT NULL,
  recipients   text[] NOT NULL DEFAULT '{}',
  payload      jsonb NOT NULL,
  traceparent  text,
  actor        text,
  request_id   text,
  occurred_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
  published_at timestamptz
);
CREATE INDEX outbox_unpublished ON outbox (seq) WHERE published_at IS NULL;
CREATE INDEX outbox_subject ON outbox (subject, seq);

-- Inbox: one row per (consumer group, event id), inserted in the transaction of the effect.
CREATE TABLE inbox (
  consumer     text NOT NULL,
  event_id     text NOT NULL,
  event_type   text NOT NULL,
  source_topic text NOT NULL,
  source_partition int NOT NULL,
  source_offset bigint NOT NULL,
  processed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (consumer, event_id)
);
