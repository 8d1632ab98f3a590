-- Dead letters of every consumer group, for the operators' queue and replay.
CREATE TABLE dead_letters (
  id            bigserial PRIMARY KEY,
  consumer      text NOT NULL,
  topic         text NOT NULL,
  partition     int NOT NULL,
  "offset"      bigint NOT NULL,
  message_key   text,
  headers       jsonb NOT NULL,
  value         text,
  event_id      text,
  event_type    text,
  error_code    text NOT NULL,
  error_detail  text NOT NULL,
  attempts      int NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  replayed_at   timestamptz,
  replayed_by   text,
  UNIQUE (consumer, topic, partition, "offset")
);
CREATE INDEX dead_letters_open ON dead_letters (created_at) WHERE replayed_at IS NULL;
