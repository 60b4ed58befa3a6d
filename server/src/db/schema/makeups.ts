import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { encryptedText } from '../pii';
import { oneOf, tstz } from './columns';
import { accounts } from './accounts';
import { annualPlans } from './plans';

// 补考申请. The SQL is server/migrations/0023_makeup_requests.sql.

export const MAKEUP_REQUEST_STATUSES = ['pending', 'granted', 'refused'] as const;

export const makeupRequests = pgTable(
  'makeup_requests',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    planYear: integer('plan_year')
      .notNull()
      .references(() => annualPlans.year),
    roundNo: integer('round_no').notNull(),
    reason: text('reason').notNull(),
    /** Encrypted at rest (db/pii.ts). */
    phone: encryptedText('phone_enc').notNull(),
    status: text('status', { enum: MAKEUP_REQUEST_STATUSES }).notNull().default('pending'),
    createdAt: tstz('created_at').notNull(),
    decidedAt: tstz('decided_at'),
    decidedBy: integer('decided_by').references(() => accounts.id),
    decisionReason: text('decision_reason'),
    grantedRoundNo: integer('granted_round_no'),
  },
  (t) => [
    check('makeup_requests_round_no_check', sql`${t.roundNo} > 0`),
    check('makeup_requests_status_check', oneOf(t.status, MAKEUP_REQUEST_STATUSES)),
    check(
      'makeup_requests_decided',
      sql`${t.status} = 'pending' OR (${t.decidedAt} IS NOT NULL AND ${t.decidedBy} IS NOT NULL)`,
    ),
    check('makeup_requests_refusal_reason', sql`${t.status} <> 'refused' OR ${t.decisionReason} IS NOT NULL`),
    check('makeup_requests_granted_round', sql`${t.status} <> 'granted' OR ${t.grantedRoundNo} IS NOT NULL`),
    uniqueIndex('makeup_requests_one_open')
      .on(t.accountId)
      .where(sql`${t.status} = 'pending'`),
    index('makeup_requests_status_idx').on(t.status, t.createdAt),
    index('makeup_requests_account_idx').on(t.accountId, t.planYear),
  ],
);
