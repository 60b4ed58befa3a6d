import {
  ACTIVITY_TYPE_LABEL,
  HALF_DAY_LABEL,
  RECORD_STATUS_LABEL,
  type ActivityType,
  type ExportRecordsQuery,
  type HalfDay,
  type RecordStatus,
} from '@ptce/contracts';
import { sql } from 'drizzle-orm';
import { formatShanghai, shanghaiDate } from '../../clock';
import { decryptOrNull } from '../../db/pii';
import { readerOf, type Caller } from '../auth/index';
import { writeAudit } from '../audit/index';
import { recordListWhere } from '../hours/index';
import { idNumberFormatter } from './id-visibility';
import { preparePagedExport } from './paged-export';
import type { XlsxColumn } from './xlsx-writer';

// Small pages: a page of rows is alive while it is written, and a small one dies young (not promoted to
// the old generation, where 100,000 rows of garbage would pile up until a full GC).
const PAGE = 500;
const SOURCE_LABEL: Record<string, string> = {
  self: '个人登记',
  unit: '单位登记',
  import: '单位导入',
  base: '基地导入',
  integration: '行业系统',
};

type Row = {
  id: number;
  person_name: string;
  id_number: string | null;
  department_name: string | null;
  year: number;
  activity_type: ActivityType;
  title: string;
  organizer: string;
  place: string;
  start_date: string;
  start_half: HalfDay;
  end_date: string;
  end_half: HalfDay;
  hours: string | number;
  status: RecordStatus;
  source: string;
  reviewer_name: string | null;
  submitted_at: Date | string | null;
  decided_at: Date | string | null;
  opinion: string | null;
  remarks: string;
};

const time = (v: Date | string | null) => (v ? formatShanghai(v instanceof Date ? v : new Date(v)) : null);

export const recordsExportName = () => `专业科目学时审核结果_${shanghaiDate().replace(/-/g, '')}.xlsx`;

/**
 * 专业科目学时审核结果 → Excel: the list's own filter and scope (hours/list-records.ts recordListWhere,
 * kind 'results' — status, year, name or ID number, department), the whole result, newest first. Paged
 * by id (keyset: `id < last`, no OFFSET), each page selecting only the exported columns as one JSON value,
 * streamed out.
 * The first page is read before the response starts (paged-export.ts).
 */
export async function exportRecords(ctx: Caller, q: ExportRecordsQuery) {
  const idText = idNumberFormatter(ctx.actor);
  const columns: XlsxColumn<Row>[] = [
    { header: '姓名', width: 12, value: (x) => x.person_name },
    { header: '身份证号码', width: 22, text: true, value: (x) => idText(x.id_number) },
    { header: '所属部门', width: 16, value: (x) => x.department_name },
    { header: '年度', width: 8, value: (x) => Number(x.year) },
    { header: '培训类型', width: 20, value: (x) => ACTIVITY_TYPE_LABEL[x.activity_type] },
    { header: '培训内容', width: 36, value: (x) => x.title },
    { header: '主办单位', width: 28, value: (x) => x.organizer },
    { header: '培训地点', width: 16, value: (x) => x.place },
    { header: '开始日期', width: 12, text: true, value: (x) => x.start_date },
    { header: '开始时段', width: 9, value: (x) => HALF_DAY_LABEL[x.start_half] },
    { header: '结束日期', width: 12, text: true, value: (x) => x.end_date },
    { header: '结束时段', width: 9, value: (x) => HALF_DAY_LABEL[x.end_half] },
    { header: '申请学时', width: 10, value: (x) => Number(x.hours) },
    { header: '审核状态', width: 10, value: (x) => RECORD_STATUS_LABEL[x.status] },
    { header: '审核单位', width: 24, value: (x) => x.reviewer_name },
    { header: '提交时间', width: 17, value: (x) => time(x.submitted_at) },
    { header: '审核时间', width: 17, value: (x) => time(x.decided_at) },
    { header: '审核意见', width: 24, value: (x) => x.opinion },
    { header: '来源', width: 10, value: (x) => SOURCE_LABEL[x.source] ?? x.source },
    { header: '备注', width: 24, value: (x) => x.remarks },
  ];
  const where = recordListWhere(ctx, 'results', q);
  return preparePagedExport<Row, number>({
    sheetName: '专业科目学时审核结果',
    columns,
    page: async (before) => {
      // The page as one JSON value (json_agg): parsed by JSON.parse in one go instead of field by field by
      // the driver — 1.9 s instead of 3.0–3.4 s for the 200 pages of 100,000 rows on the embedded database.
      const {
        rows: [page],
      } = await readerOf(ctx).execute<{ rows: Row[] | string }>(sql`
        SELECT coalesce(json_agg(p), '[]'::json) AS rows FROM (
        SELECT hour_records.id, accounts.name AS person_name, accounts.id_number_enc AS id_number, departments.name AS department_name,
               hour_records.year, hour_records.activity_type, hour_records.title, hour_records.organizer, hour_records.place,
               hour_records.start_date::text AS start_date, hour_records.start_half, hour_records.end_date::text AS end_date, hour_records.end_half,
               hour_records.hours, hour_records.status, hour_records.source,
               CASE hour_records.review_target WHEN 'authority' THEN authorities.name WHEN 'unit' THEN units.name END AS reviewer_name,
               hour_records.submitted_at, hour_records.decided_at, hour_records.opinion, hour_records.remarks
        FROM hour_records
        INNER JOIN accounts ON accounts.id = hour_records.account_id
        LEFT JOIN departments ON departments.id = accounts.department_id
        LEFT JOIN units ON units.id = hour_records.unit_id
        LEFT JOIN authorities ON authorities.id = hour_records.authority_id
        WHERE ${where} ${before === null ? sql`` : sql`AND hour_records.id < ${before}`}
        ORDER BY hour_records.id DESC
        LIMIT ${PAGE}) p`);
      const rows: Row[] = typeof page!.rows === 'string' ? JSON.parse(page!.rows) : page!.rows;
      for (const r of rows) r.id_number = decryptOrNull(r.id_number);
      return { rows, next: rows.length === PAGE ? Number(rows[rows.length - 1]!.id) : null };
    },
    done: (count) => writeAudit(ctx.db, ctx, { action: 'exports.hours.results', detail: { filter: q, rows: count } }),
  });
}
