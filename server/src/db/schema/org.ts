import { UnitType } from '@ptce/contracts';
import { sql } from 'drizzle-orm';
import { char, check, index, integer, pgTable, text, uniqueIndex, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { oneOf, tstz } from './columns';
import { industries, regions } from './reference';

export const AUTHORITY_KINDS = ['industry', 'hr'] as const;

/** 主管部门 / 行业主管部门 (kind industry) and 人社局 (kind hr). */
export const authorities = pgTable(
  'authorities',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    name: text('name').notNull().unique('authorities_name_key'),
    kind: text('kind', { enum: AUTHORITY_KINDS }).notNull(),
    regionCode: char('region_code', { length: 6 })
      .notNull()
      .references(() => regions.code),
    industryCode: text('industry_code').references(() => industries.code),
    createdAt: tstz('created_at').notNull(),
  },
  (t) => [check('authorities_kind_check', oneOf(t.kind, AUTHORITY_KINDS))],
);

/** 人事（劳动）关系所在单位 */
export const units = pgTable(
  'units',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    name: text('name').notNull(),
    creditCode: char('credit_code', { length: 18 }).notNull().unique('units_credit_code_key'),
    regionCode: char('region_code', { length: 6 })
      .notNull()
      .references(() => regions.code),
    industryCode: text('industry_code').references(() => industries.code),
    supervisingAuthorityId: integer('supervising_authority_id').references(() => authorities.id),
    unitType: text('unit_type').notNull().default('enterprise'),
    createdAt: tstz('created_at').notNull(),
    updatedAt: tstz('updated_at').notNull(),
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    /** 停用: its 单位账号 and admins cannot log in; it leaves the unit pickers. Its people still log in. */
    disabledAt: tstz('disabled_at'),
    /** 已合并至: the unit its people, departments, admins and records moved to (a merged unit is disabled). */
    mergedIntoId: integer('merged_into_id').references((): AnyPgColumn => units.id),
  },
  (t) => [
    check('units_type_check', oneOf(t.unitType, UnitType.options)),
    check(
      'units_merged_disabled_check',
      sql`${t.mergedIntoId} IS NULL OR (${t.disabledAt} IS NOT NULL AND ${t.mergedIntoId} <> ${t.id})`,
    ),
    index('units_merged_into_idx')
      .on(t.mergedIntoId)
      .where(sql`${t.mergedIntoId} IS NOT NULL`),
    index('units_name_idx').on(t.name.op('text_pattern_ops')),
    index('units_region_idx').on(t.regionCode),
    index('units_authority_idx').on(t.supervisingAuthorityId),
    index('units_industry_idx').on(t.industryCode),
  ],
);

/** 单位部门 */
export const departments = pgTable(
  'departments',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    parentId: integer('parent_id').references((): AnyPgColumn => departments.id),
    name: text('name').notNull(),
    createdAt: tstz('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('departments_unique_name').on(t.unitId, sql`COALESCE(${t.parentId}, 0)`, t.name),
    index('departments_parent_idx').on(t.parentId),
  ],
);
