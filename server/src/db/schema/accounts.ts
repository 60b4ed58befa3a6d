import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  char,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  unique,
  uniqueIndex,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { oneOf, tstz } from './columns';
import { encryptedText } from '../pii';
import { authorities, departments, units } from './org';
import { trainingBases } from './bases';

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
export const GENDERS = ['male', 'female'] as const;
export const AUDIT_RESULTS = ['ok', 'denied', 'failed'] as const;

export const accounts = pgTable(
  'accounts',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    kind: text('kind', { enum: ACCOUNT_KINDS }).notNull(),
    realm: text('realm', { enum: REALMS }).notNull(),
    username: text('username').notNull(),
    passwordHash: text('password_hash').notNull(),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    loginEnabled: boolean('login_enabled').notNull().default(true),
    name: text('name').notNull(),
    /** Encrypted at rest (db/pii.ts); found by idNumberHmac. */
    idNumber: encryptedText('id_number_enc'),
    idNumberHmac: text('id_number_hmac'),
    gender: text('gender', { enum: GENDERS }),
    birthDate: date('birth_date', { mode: 'string' }),
    phone: encryptedText('phone_enc'),
    /** Keyed hash of the phone number for exact look-ups (人员查询); written with it (db/pii.ts phoneColumns). */
    phoneHmac: text('phone_hmac'),
    email: text('email'),
    unitId: integer('unit_id').references(() => units.id),
    departmentId: integer('department_id').references(() => departments.id),
    authorityId: integer('authority_id').references(() => authorities.id),
    baseId: integer('base_id').references(() => trainingBases.id),
    profileCompletedAt: tstz('profile_completed_at'),
    passwordChangedAt: tstz('password_changed_at'),
    /** An initial or temporary password stops working then unless changed; null = chosen by the owner. */
    passwordExpiresAt: tstz('password_expires_at'),
    /** 新注册: self-registered (or self-moved) into the unit and not yet confirmed by it. */
    pendingConfirmation: boolean('pending_confirmation').notNull().default(false),
    lastLoginAt: tstz('last_login_at'),
    /** 合并账号: the account this one was merged into (it is disabled); null again after 撤销合并. */
    mergedIntoId: integer('merged_into_id').references((): AnyPgColumn => accounts.id),
    createdAt: tstz('created_at').notNull(),
    updatedAt: tstz('updated_at').notNull(),
    /** Plaintext from before migration 0015; emptied by the start-up step, never written. */
    legacyIdNumber: char('id_number', { length: 18 }),
    legacyPhone: text('phone'),
  },
  (t) => [
    check('accounts_kind_check', oneOf(t.kind, ACCOUNT_KINDS)),
    check('accounts_realm_check', oneOf(t.realm, REALMS)),
    check('accounts_gender_check', oneOf(t.gender, GENDERS)),
    unique('accounts_realm_username').on(t.realm, t.username),
    check('accounts_merged_into_check', sql`${t.mergedIntoId} IS NULL OR ${t.mergedIntoId} <> ${t.id}`),
    uniqueIndex('accounts_professional_id_number_hmac')
      .on(t.idNumberHmac)
      .where(sql`${t.kind} = 'professional'`),
    index('accounts_id_number_hmac_idx').on(t.idNumberHmac),
    index('accounts_phone_hmac_idx').on(t.phoneHmac),
    index('accounts_phone_unhashed_idx')
      .on(t.id)
      .where(sql`${t.phone} IS NOT NULL AND ${t.phoneHmac} IS NULL`),
    index('accounts_unit_dept_idx').on(t.unitId, t.departmentId),
    index('accounts_unit_kind_idx').on(t.unitId, t.kind, t.departmentId),
    index('accounts_name_idx').on(t.name.op('text_pattern_ops')),
    index('accounts_professional_name_idx')
      .on(t.name, t.id)
      .where(sql`${t.kind} = 'professional'`),
    index('accounts_pii_plaintext_idx')
      .on(t.id)
      .where(sql`${t.legacyIdNumber} IS NOT NULL OR ${t.legacyPhone} IS NOT NULL`),
  ],
);

/** 合并账号 (人员查询): what moved from the merged account to the kept one, for 撤销合并. */
export const accountMerges = pgTable(
  'account_merges',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    keptId: integer('kept_id')
      .notNull()
      .references(() => accounts.id),
    mergedId: integer('merged_id')
      .notNull()
      .references(() => accounts.id),
    reason: text('reason').notNull(),
    moved: jsonb('moved').$type<Record<string, unknown>>().notNull(),
    mergedLoginEnabled: boolean('merged_login_enabled').notNull(),
    mergedAt: tstz('merged_at').notNull(),
    mergedBy: integer('merged_by')
      .notNull()
      .references(() => accounts.id),
    undoUntil: tstz('undo_until').notNull(),
    undoneAt: tstz('undone_at'),
    undoneBy: integer('undone_by').references(() => accounts.id),
    undoReason: text('undo_reason'),
  },
  (t) => [
    check('account_merges_two_accounts', sql`${t.keptId} <> ${t.mergedId}`),
    check(
      'account_merges_undone',
      sql`(${t.undoneAt} IS NULL) = (${t.undoneBy} IS NULL) AND (${t.undoneAt} IS NULL) = (${t.undoReason} IS NULL)`,
    ),
    uniqueIndex('account_merges_one_active')
      .on(t.mergedId)
      .where(sql`${t.undoneAt} IS NULL`),
    index('account_merges_kept_idx').on(t.keptId),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: tstz('created_at').notNull(),
    lastSeenAt: tstz('last_seen_at').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_account_idx').on(t.accountId), index('sessions_last_seen_idx').on(t.lastSeenAt)],
);

export const loginFailures = pgTable('login_failures', {
  usernameKey: text('username_key').primaryKey(),
  failures: integer('failures').notNull().default(0),
  updatedAt: tstz('updated_at').notNull(),
});

export const loginAddressFailures = pgTable(
  'login_address_failures',
  {
    address: text('address').primaryKey(),
    failures: integer('failures').notNull().default(0),
    delayedUntil: tstz('delayed_until'),
    refused: boolean('refused').notNull().default(false),
    /** Logins from this address whose password is being checked (login-throttle.ts). */
    inFlight: integer('in_flight').notNull().default(0),
    updatedAt: tstz('updated_at').notNull(),
  },
  (t) => [index('login_address_failures_updated_idx').on(t.updatedAt)],
);

export const captchas = pgTable(
  'captchas',
  {
    id: text('id').primaryKey(),
    answerHash: text('answer_hash').notNull(),
    createdAt: tstz('created_at').notNull(),
    expiresAt: tstz('expires_at').notNull(),
    usedAt: tstz('used_at'),
  },
  (t) => [index('captchas_expires_idx').on(t.expiresAt)],
);

/**
 * The audit log. Its chain columns (chain_seq, prev_hash, hash; migration 0012) are set by a database
 * trigger on insert and read only by modules/audit/verify-chain.ts, so they are not mapped here.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: tstz('at').notNull(),
    actorAccountId: integer('actor_account_id'),
    actorName: text('actor_name'),
    actorKind: text('actor_kind'),
    action: text('action').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    result: text('result', { enum: AUDIT_RESULTS }).notNull(),
    ip: text('ip'),
    detail: jsonb('detail').$type<Record<string, unknown>>(),
  },
  (t) => [
    check('audit_log_result_check', oneOf(t.result, AUDIT_RESULTS)),
    index('audit_log_at_idx').on(t.at.desc().nullsFirst()),
    index('audit_log_action_idx').on(t.action, t.at.desc().nullsFirst()),
    index('audit_log_actor_idx').on(t.actorAccountId, t.at.desc().nullsFirst()),
    index('audit_log_target_idx').on(t.targetType, t.targetId),
    // chain_seq is not mapped (above): the index names it in SQL.
    uniqueIndex('audit_log_chain_seq_idx').on(sql`chain_seq`),
  ],
);
