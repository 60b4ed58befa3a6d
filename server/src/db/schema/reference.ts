import { boolean, char, integer, pgTable, text } from 'drizzle-orm/pg-core';

export const appSettings = pgTable('app_settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

export const regions = pgTable('regions', {
  code: char('code', { length: 6 }).primaryKey(),
  name: text('name').notNull(),
  parentCode: char('parent_code', { length: 6 }),
  level: text('level', { enum: ['province', 'city', 'county'] }).notNull(),
});

export const industries = pgTable('industries', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
});

/** 继续教育基地 */
export const trainingBases = pgTable('training_bases', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  name: text('name').notNull(),
  phone: text('phone').notNull(),
  national: boolean('national').notNull(),
  regionalBatch: text('regional_batch'),
  dual: boolean('dual').notNull(),
  cityCode: char('city_code', { length: 6 }).notNull(),
});
