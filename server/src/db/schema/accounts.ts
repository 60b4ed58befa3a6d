import { bigint, boolean, char, date, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { tstz } from './columns';
import { encryptedText } from '../pii';

export const ACCOUNT_KINDS = [
  'professional',
  'unit_account',
  'unit_admin',
  'authority',
  'hr_bureau',
  'base',
  'operator',
  'integration',
] as const;
export const REALMS = ['person', 'unit', 'authority', 'machine'] as const;

export const accounts = pgTable('accounts', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  kind: text('kind', { enum: ACCOUNT_KINDS }).notNull(),
  realm: text('realm', { enum: REALMS }).notNull(),
  username: text('username').notNull(),
  passwordHash: text('password_hash').notNull(),
  mustChangePassword: boolean('must_change_password').notNull(),
  loginEnabled: boolean('login_enabled').notNull(),
  name: text('name').notNull(),
  /** Encrypted at rest (db/pii.ts); found by idNumberHmac. */
  idNumber: encryptedText('id_number_enc'),
  idNumberHmac: text('id_number_hmac'),
  gender: text('gender', { enum: ['male', 'female'] }),
  birthDate: date('birth_date', { mode: 'string' }),
  phone: encryptedText('phone_enc'),
  email: text('email'),
  unitId: integer('unit_id'),
  departmentId: integer('department_id'),
  authorityId: integer('authority_id'),
  baseId: integer('base_id'),
  profileCompletedAt: tstz('profile_completed_at'),
  passwordChangedAt: tstz('password_changed_at'),
  /** An initial or temporary password stops working then unless changed; null = chosen by the owner. */
  passwordExpiresAt: tstz('password_expires_at'),
  /** 新注册: self-registered (or self-moved) into the unit and not yet confirmed by it. */
  pendingConfirmation: boolean('pending_confirmation').notNull().default(false),
  lastLoginAt: tstz('last_login_at'),
  createdAt: tstz('created_at').notNull(),
  updatedAt: tstz('updated_at').notNull(),
  /** Plaintext from before migration 0015; emptied by the start-up step, never written. */
  legacyIdNumber: char('id_number', { length: 18 }),
  legacyPhone: text('phone'),
});

export const sessions = pgTable('sessions', {
  id: text('id').primaryKey(),
  accountId: integer('account_id').notNull(),
  csrfToken: text('csrf_token').notNull(),
  createdAt: tstz('created_at').notNull(),
  lastSeenAt: tstz('last_seen_at').notNull(),
  ip: text('ip'),
  userAgent: text('user_agent'),
});

export const loginFailures = pgTable('login_failures', {
  usernameKey: text('username_key').primaryKey(),
  failures: integer('failures').notNull(),
  updatedAt: tstz('updated_at').notNull(),
});

export const loginAddressFailures = pgTable('login_address_failures', {
  address: text('address').primaryKey(),
  failures: integer('failures').notNull(),
  delayedUntil: tstz('delayed_until'),
  refused: boolean('refused').notNull(),
  updatedAt: tstz('updated_at').notNull(),
});

export const captchas = pgTable('captchas', {
  id: text('id').primaryKey(),
  answerHash: text('answer_hash').notNull(),
  createdAt: tstz('created_at').notNull(),
  expiresAt: tstz('expires_at').notNull(),
  usedAt: tstz('used_at'),
});

/**
 * The audit log. Its chain columns (chain_seq, prev_hash, hash; migration 0012) are set by a database
 * trigger on insert and read only by modules/audit/verify-chain.ts, so they are not mapped here.
 */
export const auditLog = pgTable('audit_log', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  at: tstz('at').notNull(),
  actorAccountId: integer('actor_account_id'),
  actorName: text('actor_name'),
  actorKind: text('actor_kind'),
  action: text('action').notNull(),
  targetType: text('target_type'),
  targetId: text('target_id'),
  result: text('result', { enum: ['ok', 'denied', 'failed'] }).notNull(),
  ip: text('ip'),
  detail: jsonb('detail').$type<Record<string, unknown>>(),
});
