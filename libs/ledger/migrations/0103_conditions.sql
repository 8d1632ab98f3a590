-- Services conditioned on years of residence or insurance, or on points (一城一策; seed 003 十, seed 000 八).

-- The next day on which a time threshold alone (years of residence or insurance reaching their
-- anniversary) changes where one of the person's services belongs: the daily job reconciles the person
-- on that day and stores the next one. Null when no such threshold lies ahead.
ALTER TABLE subjects ADD COLUMN conditions_review_on date;
CREATE INDEX subjects_conditions_review ON subjects (conditions_review_on) WHERE conditions_review_on IS NOT NULL;
-- People already living in a city are looked at once by the job (thresholds crossed before this
-- migration were never re-checked); the job then keeps the date.
UPDATE subjects SET conditions_review_on = current_date WHERE residence_city IS NOT NULL;

-- Points allotments: the residence city's decision that the person meets its points condition for a
-- service (积分入学, 积分入住 …). Points are never inferred by the ledger; only such a decision meets a
-- points condition, and the handoff it causes cites it. One decision per person, service and city.
CREATE TABLE points_allotments (
  allotment_id  uuid PRIMARY KEY,
  subject_ref   text NOT NULL REFERENCES subjects (subject_ref),
  service_code  text NOT NULL,
  region        char(6) NOT NULL CHECK (region ~ '^[0-9]{4}00$' AND region !~ '0000$'),
  points        numeric(8, 2) NOT NULL CHECK (points >= 0),
  decision_ref  text NOT NULL CHECK (length(decision_ref) BETWEEN 1 AND 100),
  decided_on    date NOT NULL,
  recorded_by   text NOT NULL,
  recorded_at   timestamptz NOT NULL DEFAULT now(),
  request_id    text,
  CONSTRAINT points_allotments_one_per_city UNIQUE (subject_ref, service_code, region)
);

