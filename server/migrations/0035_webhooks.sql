-- 行业学时对接 webhooks (Standard Webhooks): a client's endpoint, the outbox of events written in the same
-- transaction as the change, and the log of every delivery attempt.

-- One endpoint per client: its URL, the event types it wants, its signing secret (whsec_…, encrypted at rest
-- under PII_KEY like the API keys: the sender needs it back to sign).
CREATE TABLE integration_webhooks (
  client_id integer PRIMARY KEY REFERENCES integration_clients(id) ON DELETE CASCADE,
  url text NOT NULL,
  event_types text[] NOT NULL,
  secret_enc text NOT NULL,
  enabled boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);

-- The outbox: one row per event and client, inserted by the transaction that made the change, sent by the
-- worker. A worker claims due rows with FOR UPDATE SKIP LOCKED and leases them (locked_until) while it sends,
-- so no message is ever in flight twice.
CREATE TABLE integration_webhook_messages (
  id bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
  message_id text NOT NULL UNIQUE,
  client_id integer NOT NULL REFERENCES integration_clients(id) ON DELETE CASCADE,
  type text NOT NULL,
  -- The exact JSON body sent on every attempt (it names the person by ID number: encrypted at rest).
  body_enc text NOT NULL,
  created_at timestamptz NOT NULL,
  state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz,
  locked_until timestamptz,
  delivered_at timestamptz,
  last_status integer,
  last_error text,
  -- 重新发送 asked for by a person: the next attempt is logged as manual, and the message is pending again.
  manual_pending boolean NOT NULL DEFAULT false
);
CREATE INDEX integration_webhook_messages_due_idx ON integration_webhook_messages (next_attempt_at) WHERE state = 'pending';
CREATE INDEX integration_webhook_messages_client_idx ON integration_webhook_messages (client_id, id);

-- Every attempt: when, where, the answer (status or network error), how long, and whether a person asked for it.
CREATE TABLE integration_webhook_attempts (
  id bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
  message_id bigint NOT NULL REFERENCES integration_webhook_messages(id) ON DELETE CASCADE,
  at timestamptz NOT NULL,
  url text NOT NULL,
  status integer,
  error text,
  duration_ms integer NOT NULL,
  manual boolean NOT NULL DEFAULT false
);
CREATE INDEX integration_webhook_attempts_message_idx ON integration_webhook_attempts (message_id, id);
