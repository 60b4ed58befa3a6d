import { sql } from 'drizzle-orm';
import { boolean, char, check, date, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { oneOf, tstz } from './columns';
import { authorities } from './org';
import { regions } from './reference';

// 继续教育基地. The SQL is server/migrations/0001_foundation.sql, extended by 0029_training_filings.sql.

export const BASE_STATUSES = ['active', 'suspended'] as const;

/**
 * 继续教育基地 (attachment 3 of the notice, then managed by the operator). Level: national (国家级) when
 * `national`, regional (自治区级) when it has a regional batch, 双基地 when both (`dual`).
 */
export const trainingBases = pgTable(
  'training_bases',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    name: text('name').notNull().unique('training_bases_name_key'),
    phone: text('phone').notNull(),
    national: boolean('national').notNull(),
    regionalBatch: text('regional_batch'),
    dual: boolean('dual').notNull().default(false),
    cityCode: char('city_code', { length: 6 })
      .notNull()
      .references(() => regions.code),
    status: text('status', { enum: BASE_STATUSES }).notNull().default('active'),
    validFrom: date('valid_from', { mode: 'string' }),
    validTo: date('valid_to', { mode: 'string' }),
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    address: text('address'),
    supervisingAuthorityId: integer('supervising_authority_id').references(() => authorities.id),
    suspendedReason: text('suspended_reason'),
    updatedAt: tstz('updated_at'),
  },
  (t) => [
    check('training_bases_status_check', oneOf(t.status, BASE_STATUSES)),
    check('training_bases_level_check', sql`${t.national} OR ${t.regionalBatch} IS NOT NULL`),
    check('training_bases_dual_check', sql`${t.dual} = (${t.national} AND ${t.regionalBatch} IS NOT NULL)`),
    check(
      'training_bases_valid_period_check',
      sql`${t.validFrom} IS NULL OR ${t.validTo} IS NULL OR ${t.validFrom} <= ${t.validTo}`,
    ),
  ],
);
