import { char, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { tstz } from './columns';

/** 主管部门 / 行业主管部门 (kind industry) and 人社局 (kind hr). */
export const authorities = pgTable('authorities', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  name: text('name').notNull(),
  kind: text('kind', { enum: ['industry', 'hr'] }).notNull(),
  regionCode: char('region_code', { length: 6 }).notNull(),
  industryCode: text('industry_code'),
  createdAt: tstz('created_at').notNull(),
});

/** 人事（劳动）关系所在单位 */
export const units = pgTable('units', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  name: text('name').notNull(),
  creditCode: char('credit_code', { length: 18 }).notNull(),
  regionCode: char('region_code', { length: 6 }).notNull(),
  industryCode: text('industry_code'),
  supervisingAuthorityId: integer('supervising_authority_id'),
  unitType: text('unit_type').notNull(),
  createdAt: tstz('created_at').notNull(),
  updatedAt: tstz('updated_at').notNull(),
});

/** 单位部门 */
export const departments = pgTable('departments', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  unitId: integer('unit_id').notNull(),
  parentId: integer('parent_id'),
  name: text('name').notNull(),
  createdAt: tstz('created_at').notNull(),
});
