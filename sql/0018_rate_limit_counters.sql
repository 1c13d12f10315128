-- Failed-attempt counters of the sign-in and password-check limits, shared by every app process
-- on the database (in memory they held per process, so N processes allowed N times the limit).
-- The key is the SHA-256 of the limit's name and whose attempts they are, so the table holds no
-- address or email that a stranger typed.
CREATE TABLE rate_limit_counters (
  key_hash text PRIMARY KEY CHECK (key_hash ~ '^[0-9a-f]{64}$'),
  hits integer NOT NULL CHECK (hits >= 0),
  reset_at timestamptz NOT NULL
);
CREATE INDEX rate_limit_counters_reset_idx ON rate_limit_counters (reset_at);
