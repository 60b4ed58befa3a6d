-- Login throttling without a hard lock (a lock let anyone shut an account out by typing wrong
-- passwords): failures per typed username make its login need an image captcha after 3, and failures
-- per client address make that address wait, exponentially, from its 5th.
ALTER TABLE login_failures DROP COLUMN locked_until;

CREATE TABLE login_address_failures (
  address text PRIMARY KEY,
  failures integer NOT NULL DEFAULT 0,
  -- The next attempt from this address is refused until then (429 with Retry-After).
  delayed_until timestamptz,
  -- Whether the latest attempt came during a delay and was refused (read back by that attempt).
  refused boolean NOT NULL DEFAULT false,
  updated_at timestamptz NOT NULL
);
CREATE INDEX login_address_failures_updated_idx ON login_address_failures (updated_at);

-- Image captchas: only a hash of the answer is kept; each is answered once, within its 2 minutes.
CREATE TABLE captchas (
  id text PRIMARY KEY,
  answer_hash text NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);
CREATE INDEX captchas_expires_idx ON captchas (expires_at);
