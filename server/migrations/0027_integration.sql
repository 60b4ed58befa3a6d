-- 行业学时对接: industry systems push hour records through the signed integration API (/api/integration/v1).

-- An API client: one machine account (kind 'integration'), the industries and units it may write for.
CREATE TABLE integration_clients (
  id integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
  account_id integer NOT NULL UNIQUE REFERENCES accounts(id),
  name text NOT NULL,
  industry_codes text[] NOT NULL DEFAULT '{}',
  unit_ids integer[] NOT NULL DEFAULT '{}',
  rate_limit_per_minute integer NOT NULL DEFAULT 120 CHECK (rate_limit_per_minute > 0),
  enabled boolean NOT NULL DEFAULT true,
  last_call_at timestamptz,
  last_call_endpoint text,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);

-- Signing keys. The secret must be readable to verify an HMAC, so it is stored encrypted (AES-256-GCM under
-- PII_KEY, db/pii.ts), never in plain text. expires_at is null for the current key; a rotation gives the old
-- key an expiry (the overlap period) during which both are valid.
CREATE TABLE integration_keys (
  id integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
  client_id integer NOT NULL REFERENCES integration_clients(id) ON DELETE CASCADE,
  key_id text NOT NULL UNIQUE,
  secret_enc text NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz
);
CREATE INDEX integration_keys_client_idx ON integration_keys (client_id);

-- Nonces seen within the signature window: each is accepted once.
CREATE TABLE integration_nonces (
  key_id text NOT NULL,
  nonce text NOT NULL,
  expires_at timestamptz NOT NULL,
  PRIMARY KEY (key_id, nonce)
);
CREATE INDEX integration_nonces_expires_idx ON integration_nonces (expires_at);

-- Idempotency-Key: the first response, replayed for the same key and body (24 hours).
CREATE TABLE integration_idempotency (
  client_id integer NOT NULL REFERENCES integration_clients(id) ON DELETE CASCADE,
  key text NOT NULL,
  fingerprint text NOT NULL,
  status_code integer,
  response jsonb,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  PRIMARY KEY (client_id, key)
);
CREATE INDEX integration_idempotency_expires_idx ON integration_idempotency (expires_at);

-- What a client wrote (created, updated, deleted records), read back through the changes feed.
CREATE TABLE integration_changes (
  id bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
  client_id integer NOT NULL REFERENCES integration_clients(id) ON DELETE CASCADE,
  at timestamptz NOT NULL,
  kind text NOT NULL CHECK (kind IN ('record.created', 'record.updated', 'record.deleted')),
  external_id text NOT NULL,
  record_id bigint,
  account_id integer NOT NULL,
  year integer NOT NULL,
  hours numeric(6,1)
);
CREATE INDEX integration_changes_client_idx ON integration_changes (client_id, id);

-- A record pushed by a client: its source and the client's own id (upsert key).
ALTER TABLE hour_records ADD COLUMN integration_client_id integer REFERENCES integration_clients(id);
ALTER TABLE hour_records ADD COLUMN external_id text;
ALTER TABLE hour_records ADD CONSTRAINT hour_records_check3 CHECK ((integration_client_id IS NULL) = (external_id IS NULL));
CREATE UNIQUE INDEX hour_records_external_idx ON hour_records (integration_client_id, external_id) WHERE integration_client_id IS NOT NULL;
