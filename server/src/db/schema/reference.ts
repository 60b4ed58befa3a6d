import { char, check, index, pgTable, text, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { oneOf } from './columns';

export const appSettings = pgTable('app_settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

export const REGION_LEVELS = ['province', 'city', 'county'] as const;

export const regions = pgTable(
  'regions',
  {
    code: char('code', { length: 6 }).primaryKey(),
    name: text('name').notNull(),
    parentCode: char('parent_code', { length: 6 }).references((): AnyPgColumn => regions.code),
    level: text('level', { enum: REGION_LEVELS }).notNull(),
  },
  (t) => [check('regions_level_check', oneOf(t.level, REGION_LEVELS)), index('regions_parent_idx').on(t.parentCode)],
);

export const industries = pgTable('industries', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
});

// 继续教育基地 (training_bases) lives in ./bases.
