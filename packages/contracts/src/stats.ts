import { z } from 'zod';
import { PageQuery } from './common';

/** 统计分析: every number is computed on the server within the caller's scope. */

const Year = z.coerce.number().int().min(2000).max(2100);
/** A GB/T 2260 division (province, city or county) narrowing the caller's scope. */
const RegionCode = z.string().regex(/^\d{6}$/, '行政区划代码应为6位数字');

export const StatsQuery = z.object({
  year: Year,
  region: RegionCode.optional(),
  industry: z.string().trim().min(1).max(10).optional(),
});
export type StatsQuery = z.infer<typeof StatsQuery>;

/** Where a professional-subject record came from. Sources added later are shown by their code until labelled. */
export const HOUR_SOURCE_LABELS: Record<string, string> = {
  self: '个人自主登记',
  unit: '单位登记',
  import: '单位导入',
  base: '继续教育基地',
  class: '培训班',
  integration: '行业学时系统',
};
export const hourSourceLabel = (source: string) => HOUR_SOURCE_LABELS[source] ?? source;

export const StatsCounts = z.object({
  people: z.number().int(),
  met: z.number().int(),
  metRate: z.number(),
  compulsoryDone: z.number().int(),
  compulsoryRate: z.number(),
  avgProfessional: z.number(),
  pending: z.number().int(),
  pendingOld: z.number().int(),
});
export type StatsCounts = z.infer<typeof StatsCounts>;

export const StatsAreaRow = StatsCounts.extend({ code: z.string(), name: z.string() });
export type StatsAreaRow = z.infer<typeof StatsAreaRow>;

export const StatsOverview = z.object({
  year: z.number().int(),
  /** The division the figures are narrowed to (null: the caller's whole scope) and its children on the map. */
  region: z.object({ code: z.string(), name: z.string(), level: z.string() }).nullable(),
  childLevel: z.enum(['city', 'county']).nullable(),
  /** When the aggregates were last brought up to date (null: not computed yet). */
  dataAsOf: z.string().nullable(),
  totals: StatsCounts,
  sources: z.array(z.object({ source: z.string(), label: z.string(), hours: z.number(), records: z.number().int() })),
  bands: z.array(z.object({ band: z.string(), label: z.string(), people: z.number().int() })),
  months: z.array(
    z.object({
      month: z.number().int(),
      label: z.string(),
      approvals: z.number().int(),
      completions: z.number().int(),
    }),
  ),
  deadlines: z.object({ publicDeadline: z.string(), professionalDeadline: z.string() }),
  areas: z.array(StatsAreaRow),
  industries: z.array(StatsAreaRow),
});
export type StatsOverview = z.infer<typeof StatsOverview>;

export const StatsUnitsQuery = StatsQuery.merge(PageQuery).extend({ q: z.string().trim().max(40).optional() });
export const StatsUnitRow = StatsCounts.extend({
  unitId: z.number().int(),
  unitName: z.string(),
  regionName: z.string(),
  industryName: z.string().nullable(),
});
export type StatsUnitRow = z.infer<typeof StatsUnitRow>;
export const StatsUnitList = z.object({
  items: z.array(StatsUnitRow),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  dataAsOf: z.string().nullable(),
});

export const StatsPeopleQuery = PageQuery.extend({
  year: Year,
  met: z.enum(['true', 'false']).optional(),
  q: z.string().trim().max(30).optional(),
});
export const StatsPersonRow = z.object({
  accountId: z.number().int(),
  personName: z.string(),
  idNumberMasked: z.string(),
  departmentName: z.string().nullable(),
  compulsoryHours: z.number(),
  electiveHours: z.number(),
  professionalHours: z.number(),
  totalHours: z.number(),
  met: z.boolean(),
  compulsoryDone: z.boolean(),
  pending: z.number().int(),
});
export type StatsPersonRow = z.infer<typeof StatsPersonRow>;
export const StatsUnitPeople = z.object({
  unit: z.object({ id: z.number().int(), name: z.string(), regionName: z.string() }),
  totals: StatsCounts,
  items: z.array(StatsPersonRow),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  dataAsOf: z.string().nullable(),
});

export const StatsPersonYear = z.object({
  accountId: z.number().int(),
  personName: z.string(),
  idNumberMasked: z.string(),
  unitId: z.number().int().nullable(),
  unitName: z.string().nullable(),
  year: z.number().int(),
  compulsoryHours: z.number(),
  electiveHours: z.number(),
  professionalHours: z.number(),
  totalHours: z.number(),
  pendingHours: z.number(),
  met: z.boolean(),
  compulsoryDone: z.boolean(),
  missing: z.array(z.object({ item: z.string(), deadline: z.string() })),
  records: z.array(
    z.object({
      id: z.number().int(),
      title: z.string(),
      startDate: z.string(),
      endDate: z.string(),
      hours: z.number(),
      status: z.string(),
      source: z.string(),
      sourceLabel: z.string(),
      decidedAt: z.string().nullable(),
    }),
  ),
});
export type StatsPersonYear = z.infer<typeof StatsPersonYear>;

export const STATS_TABLES = ['areas', 'industries', 'units', 'people', 'person'] as const;
export const StatsExportQuery = StatsQuery.extend({
  table: z.enum(STATS_TABLES),
  unitId: z.coerce.number().int().positive().optional(),
  accountId: z.coerce.number().int().positive().optional(),
  q: z.string().trim().max(40).optional(),
});

export const StatsRefreshResult = z.object({
  refreshed: z.boolean(),
  years: z.array(
    z.object({
      year: z.number().int(),
      mode: z.string(),
      people: z.number().int(),
      units: z.number().int(),
      tookMs: z.number(),
    }),
  ),
});
