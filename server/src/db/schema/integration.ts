import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { hoursColumn, oneOf, tstz } from './columns';
import { accounts } from './accounts';
import { encryptedText } from '../pii';

/** 行业学时对接: an industry system's API client (a machine account of kind 'integration'). */
export const integrationClients = pgTable(
  'integration_clients',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    accountId: integer('account_id')
      .notNull()
      .unique('integration_clients_account_id_key')
      .references(() => accounts.id),
    name: text('name').notNull(),
    industryCodes: text('industry_codes')
      .array()
      .notNull()
      .default(sql`'{}'`),
    unitIds: integer('unit_ids')
      .array()
      .notNull()
      .default(sql`'{}'`),
    rateLimitPerMinute: integer('rate_limit_per_minute').notNull().default(120),
    enabled: boolean('enabled').notNull().default(true),
    lastCallAt: tstz('last_call_at'),
    lastCallEndpoint: text('last_call_endpoint'),
    createdAt: tstz('created_at').notNull(),
    updatedAt: tstz('updated_at').notNull(),
  },
  (t) => [check('integration_clients_rate_limit_per_minute_check', sql`${t.rateLimitPerMinute} > 0`)],
);

/**
 * Signing keys. An HMAC secret must be readable to verify a signature, so it cannot be hashed: it is
 * stored encrypted at rest (AES-256-GCM under PII_KEY, db/pii.ts). expiresAt null = the current key.
 */
export const integrationKeys = pgTable(
  'integration_keys',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    clientId: integer('client_id')
      .notNull()
      .references(() => integrationClients.id, { onDelete: 'cascade' }),
    keyId: text('key_id').notNull().unique('integration_keys_key_id_key'),
    secret: encryptedText('secret_enc').notNull(),
    createdAt: tstz('created_at').notNull(),
    expiresAt: tstz('expires_at'),
  },
  (t) => [index('integration_keys_client_idx').on(t.clientId)],
);

export const integrationNonces = pgTable(
  'integration_nonces',
  {
    keyId: text('key_id').notNull(),
    nonce: text('nonce').notNull(),
    expiresAt: tstz('expires_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.keyId, t.nonce] }), index('integration_nonces_expires_idx').on(t.expiresAt)],
);

export const integrationIdempotency = pgTable(
  'integration_idempotency',
  {
    clientId: integer('client_id')
      .notNull()
      .references(() => integrationClients.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    fingerprint: text('fingerprint').notNull(),
    statusCode: integer('status_code'),
    response: jsonb('response'),
    createdAt: tstz('created_at').notNull(),
    expiresAt: tstz('expires_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.clientId, t.key] }), index('integration_idempotency_expires_idx').on(t.expiresAt)],
);

export const INTEGRATION_CHANGE_KINDS = ['record.created', 'record.updated', 'record.deleted'] as const;

export const integrationChanges = pgTable(
  'integration_changes',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    clientId: integer('client_id')
      .notNull()
      .references(() => integrationClients.id, { onDelete: 'cascade' }),
    at: tstz('at').notNull(),
    kind: text('kind', { enum: INTEGRATION_CHANGE_KINDS }).notNull(),
    externalId: text('external_id').notNull(),
    recordId: bigint('record_id', { mode: 'number' }),
    accountId: integer('account_id').notNull(),
    year: integer('year').notNull(),
    hours: hoursColumn('hours'),
  },
  (t) => [
    check('integration_changes_kind_check', oneOf(t.kind, INTEGRATION_CHANGE_KINDS)),
    index('integration_changes_client_idx').on(t.clientId, t.id),
  ],
);

/** A client's webhook endpoint (Standard Webhooks): URL, event types, and its whsec_ secret, encrypted at rest. */
export const integrationWebhooks = pgTable('integration_webhooks', {
  clientId: integer('client_id')
    .primaryKey()
    .references(() => integrationClients.id, { onDelete: 'cascade' }),
  url: text('url').notNull(),
  eventTypes: text('event_types').array().notNull(),
  secret: encryptedText('secret_enc').notNull(),
  /** The secret before the last rotation, still signing (beside the new one) until previous_secret_until. */
  previousSecret: encryptedText('previous_secret_enc'),
  previousSecretUntil: tstz('previous_secret_until'),
  enabled: boolean('enabled').notNull().default(true),
  createdAt: tstz('created_at').notNull(),
  updatedAt: tstz('updated_at').notNull(),
});

export const WEBHOOK_MESSAGE_STATES = ['pending', 'delivered', 'failed'] as const;

/** The webhook outbox: one message per event and client, written in the transaction of the change. */
export const integrationWebhookMessages = pgTable(
  'integration_webhook_messages',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    messageId: text('message_id').notNull().unique('integration_webhook_messages_message_id_key'),
    clientId: integer('client_id')
      .notNull()
      .references(() => integrationClients.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    /** The exact JSON body sent on every attempt (it names the person: encrypted at rest). */
    body: encryptedText('body_enc').notNull(),
    createdAt: tstz('created_at').notNull(),
    state: text('state', { enum: WEBHOOK_MESSAGE_STATES }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: tstz('next_attempt_at'),
    lockedUntil: tstz('locked_until'),
    deliveredAt: tstz('delivered_at'),
    lastStatus: integer('last_status'),
    lastError: text('last_error'),
    manualPending: boolean('manual_pending').notNull().default(false),
  },
  (t) => [
    check('integration_webhook_messages_state_check', oneOf(t.state, WEBHOOK_MESSAGE_STATES)),
    index('integration_webhook_messages_due_idx')
      .on(t.nextAttemptAt)
      .where(sql`${t.state} = 'pending'`),
    index('integration_webhook_messages_client_idx').on(t.clientId, t.id),
  ],
);

/** Every delivery attempt of a webhook message. */
export const integrationWebhookAttempts = pgTable(
  'integration_webhook_attempts',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    messageId: bigint('message_id', { mode: 'number' })
      .notNull()
      .references(() => integrationWebhookMessages.id, { onDelete: 'cascade' }),
    at: tstz('at').notNull(),
    url: text('url').notNull(),
    status: integer('status'),
    error: text('error'),
    durationMs: integer('duration_ms').notNull(),
    manual: boolean('manual').notNull().default(false),
  },
  (t) => [index('integration_webhook_attempts_message_idx').on(t.messageId, t.id)],
);
