-- Per-IP request counters of the rate limiter, shared by every app process.
CREATE TABLE rate_limits (
  key text PRIMARY KEY,
  window_start timestamptz NOT NULL,
  hits integer NOT NULL
);
CREATE INDEX rate_limits_window_idx ON rate_limits (window_start);
