import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, jsonb, pgTable, primaryKey, text, unique } from 'drizzle-orm/pg-core';
import { hoursColumn, oneOf, tstz } from './columns';
import { accounts } from './accounts';
import { authorities, units } from './org';

// 抽查 (双随机、一公开). The SQL is server/migrations/0033_spot_checks.sql.

export const SAMPLE_OF = ['records', 'people'] as const;
export const SIZE_MODES = ['percent', 'count'] as const;
export const CAMPAIGN_STATUSES = ['open', 'finished'] as const;
export const FINDINGS = ['true', 'false', 'incomplete'] as const;
export const SPOT_CHECK_FILE_KINDS = ['answer', 'finding'] as const;

/** The lists a campaign drew from, in the order the draw reads them (ids ascending). */
export interface DrawPopulation {
  units: number[];
  pool: number[];
  items: Record<string, number[]>;
}

export const spotCheckCampaigns = pgTable(
  'spot_check_campaigns',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    title: text('title').notNull(),
    year: integer('year').notNull(),
    ownerAuthorityId: integer('owner_authority_id').references(() => authorities.id),
    ownerName: text('owner_name').notNull(),
    scopeLabel: text('scope_label').notNull(),
    sampleOf: text('sample_of', { enum: SAMPLE_OF }).notNull(),
    unitSizeMode: text('unit_size_mode', { enum: SIZE_MODES }).notNull(),
    unitSizeValue: integer('unit_size_value').notNull(),
    itemSizeMode: text('item_size_mode', { enum: SIZE_MODES }).notNull(),
    itemSizeValue: integer('item_size_value').notNull(),
    inspectorsPerUnit: integer('inspectors_per_unit').notNull(),
    seed: text('seed').notNull(),
    algorithm: text('algorithm').notNull(),
    population: jsonb('population').$type<DrawPopulation>().notNull(),
    answerDue: date('answer_due', { mode: 'string' }).notNull(),
    status: text('status', { enum: CAMPAIGN_STATUSES }).notNull().default('open'),
    conclusion: text('conclusion'),
    createdBy: integer('created_by')
      .notNull()
      .references(() => accounts.id),
    createdAt: tstz('created_at').notNull(),
    finishedBy: integer('finished_by').references(() => accounts.id),
    finishedAt: tstz('finished_at'),
  },
  (t) => [
    check('spot_check_campaigns_sample_of_check', oneOf(t.sampleOf, SAMPLE_OF)),
    check('spot_check_campaigns_unit_size_mode_check', oneOf(t.unitSizeMode, SIZE_MODES)),
    check('spot_check_campaigns_unit_size_value_check', sql`${t.unitSizeValue} > 0`),
    check('spot_check_campaigns_item_size_mode_check', oneOf(t.itemSizeMode, SIZE_MODES)),
    check('spot_check_campaigns_item_size_value_check', sql`${t.itemSizeValue} > 0`),
    check('spot_check_campaigns_inspectors_per_unit_check', sql`${t.inspectorsPerUnit} >= 2`),
    check('spot_check_campaigns_status_check', oneOf(t.status, CAMPAIGN_STATUSES)),
    check('spot_check_campaigns_finished', sql`${t.status} = 'open' OR ${t.finishedAt} IS NOT NULL`),
    index('spot_check_campaigns_owner_idx').on(t.ownerAuthorityId, t.createdAt.desc().nullsFirst()),
    index('spot_check_campaigns_public_idx')
      .on(t.finishedAt.desc().nullsFirst())
      .where(sql`${t.status} = 'finished'`),
  ],
);

export const spotCheckUnits = pgTable(
  'spot_check_units',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => spotCheckCampaigns.id),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    unitName: text('unit_name').notNull(),
    drawOrder: integer('draw_order').notNull(),
    answerNote: text('answer_note'),
    answeredAt: tstz('answered_at'),
    answeredBy: integer('answered_by').references(() => accounts.id),
  },
  (t) => [
    unique('spot_check_units_once').on(t.campaignId, t.unitId),
    index('spot_check_units_unit_idx')
      .on(t.unitId)
      .where(sql`${t.answeredAt} IS NULL`),
  ],
);

export const spotCheckInspectors = pgTable(
  'spot_check_inspectors',
  {
    campaignUnitId: integer('campaign_unit_id')
      .notNull()
      .references(() => spotCheckUnits.id),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id),
    name: text('name').notNull(),
    drawOrder: integer('draw_order').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.campaignUnitId, t.accountId] }),
    index('spot_check_inspectors_account_idx').on(t.accountId),
  ],
);

/** One sampled record, with what it said when drawn (a record found 不属实 is deleted from hour_records). */
export const spotCheckItems = pgTable(
  'spot_check_items',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    campaignUnitId: integer('campaign_unit_id')
      .notNull()
      .references(() => spotCheckUnits.id),
    recordId: bigint('record_id', { mode: 'number' }).notNull(),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id),
    personName: text('person_name').notNull(),
    title: text('title').notNull(),
    organizer: text('organizer').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }).notNull(),
    hours: hoursColumn('hours').notNull(),
    finding: text('finding', { enum: FINDINGS }),
    findingNote: text('finding_note'),
    foundBy: integer('found_by').references(() => accounts.id),
    foundByName: text('found_by_name'),
    foundAt: tstz('found_at'),
    hoursRemovedAt: tstz('hours_removed_at'),
    personSeenAt: tstz('person_seen_at'),
    unitSeenAt: tstz('unit_seen_at'),
  },
  (t) => [
    check('spot_check_items_finding_check', oneOf(t.finding, FINDINGS)),
    check(
      'spot_check_items_found',
      sql`${t.finding} IS NULL OR (${t.foundBy} IS NOT NULL AND ${t.foundAt} IS NOT NULL)`,
    ),
    unique('spot_check_items_once').on(t.campaignUnitId, t.recordId),
    index('spot_check_items_person_idx')
      .on(t.accountId)
      .where(sql`${t.finding} = 'false'`),
  ],
);

export const spotCheckFiles = pgTable(
  'spot_check_files',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    itemId: integer('item_id')
      .notNull()
      .references(() => spotCheckItems.id),
    kind: text('kind', { enum: SPOT_CHECK_FILE_KINDS }).notNull(),
    fileKey: text('file_key').notNull(),
    fileName: text('file_name').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    uploadedBy: integer('uploaded_by')
      .notNull()
      .references(() => accounts.id),
    uploadedAt: tstz('uploaded_at').notNull(),
  },
  (t) => [
    check('spot_check_files_kind_check', oneOf(t.kind, SPOT_CHECK_FILE_KINDS)),
    index('spot_check_files_item_idx').on(t.itemId),
  ],
);
