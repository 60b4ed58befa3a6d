import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, numeric, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { tstz } from './columns';

// 统计分析 aggregates (migration 0031): written only by modules/stats's refresh, read by its dashboards.
const sumColumn = (name: string, precision: number) => numeric(name, { precision, scale: 1, mode: 'number' });

/** A professional's year as the dashboards count it (达标, 公需必修, hours, records waiting for review). */
export const statsPersonYear = pgTable(
  'stats_person_year',
  {
    accountId: integer('account_id').notNull(),
    year: integer('year').notNull(),
    unitId: integer('unit_id').notNull(),
    compulsory: sumColumn('compulsory', 7).notNull(),
    elective: sumColumn('elective', 7).notNull(),
    professional: sumColumn('professional', 7).notNull(),
    total: sumColumn('total', 7).notNull(),
    met: boolean('met').notNull(),
    compulsoryDone: boolean('compulsory_done').notNull(),
    pending: integer('pending').notNull(),
    pendingOld: integer('pending_old').notNull(),
    pendingHours: sumColumn('pending_hours', 7).notNull().default(0),
    drafts: integer('drafts').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.year] }),
    index('stats_person_year_unit_idx').on(t.year, t.unitId),
    index('stats_person_year_met_idx').on(t.year, t.met),
    index('stats_person_year_compulsory_idx').on(t.year, t.compulsoryDone),
  ],
);

/** A unit's year: its people's counts, hours, backlog and the distribution of total hours. */
export const statsUnitYear = pgTable(
  'stats_unit_year',
  {
    year: integer('year').notNull(),
    unitId: integer('unit_id').notNull(),
    people: integer('people').notNull(),
    met: integer('met').notNull(),
    compulsoryDone: integer('compulsory_done').notNull(),
    professional: sumColumn('professional', 14).notNull(),
    total: sumColumn('total', 14).notNull(),
    pending: integer('pending').notNull(),
    pendingOld: integer('pending_old').notNull(),
    bandNone: integer('band_none').notNull(),
    bandLow: integer('band_low').notNull(),
    bandMid: integer('band_mid').notNull(),
    bandShort: integer('band_short').notNull(),
    bandFull: integer('band_full').notNull(),
  },
  (t) => [primaryKey({ columns: [t.year, t.unitId] })],
);

/** Approved professional hours of a unit's people by the record's source (自主登记, 单位导入, 基地, 行业系统 …). */
export const statsUnitSource = pgTable(
  'stats_unit_source',
  {
    year: integer('year').notNull(),
    unitId: integer('unit_id').notNull(),
    source: text('source').notNull(),
    hours: sumColumn('hours', 14).notNull(),
    records: integer('records').notNull(),
  },
  (t) => [primaryKey({ columns: [t.year, t.unitId, t.source] })],
);

/** Per month (1–12 the year, 13–24 the next): records approved and compulsory courses completed by a unit's people. */
export const statsUnitMonth = pgTable(
  'stats_unit_month',
  {
    year: integer('year').notNull(),
    unitId: integer('unit_id').notNull(),
    month: integer('month').notNull(),
    approvals: integer('approvals').notNull(),
    approvedHours: sumColumn('approved_hours', 14).notNull(),
    completions: integer('completions').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.year, t.unitId, t.month] }),
    check('stats_unit_month_month_check', sql`${t.month} BETWEEN 1 AND 24`),
  ],
);

/** A person's approved professional hours of the year by the record's source (migration 0040). */
export const statsPersonSource = pgTable(
  'stats_person_source',
  {
    accountId: integer('account_id').notNull(),
    year: integer('year').notNull(),
    unitId: integer('unit_id').notNull(),
    source: text('source').notNull(),
    hours: sumColumn('hours', 7).notNull(),
    records: integer('records').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.year, t.source] }),
    index('stats_person_source_unit_idx').on(t.year, t.unitId),
  ],
);

/** A person's approvals and compulsory-course completion by month, as stats_unit_month counts them (migration 0040). */
export const statsPersonMonth = pgTable(
  'stats_person_month',
  {
    accountId: integer('account_id').notNull(),
    year: integer('year').notNull(),
    unitId: integer('unit_id').notNull(),
    month: integer('month').notNull(),
    approvals: integer('approvals').notNull(),
    approvedHours: sumColumn('approved_hours', 7).notNull(),
    completions: integer('completions').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.year, t.month] }),
    index('stats_person_month_unit_idx').on(t.year, t.unitId),
    check('stats_person_month_month_check', sql`${t.month} BETWEEN 1 AND 24`),
  ],
);

/** People and years whose hours changed since the last refresh (filled by triggers). */
export const statsDirty = pgTable(
  'stats_dirty',
  { accountId: integer('account_id').notNull(), year: integer('year').notNull() },
  (t) => [primaryKey({ columns: [t.accountId, t.year] })],
);

/** When each year's aggregates were last brought up to date, and last computed from scratch. */
export const statsRefresh = pgTable('stats_refresh', {
  year: integer('year').primaryKey(),
  refreshedAt: tstz('refreshed_at').notNull(),
  fullAt: tstz('full_at').notNull(),
  tookMs: integer('took_ms').notNull(),
  /** The version of the year's plan the year was computed under (a new version makes the next refresh a full one). */
  planVersion: integer('plan_version'),
});
