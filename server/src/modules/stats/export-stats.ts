import type { StatsCounts, StatsExportQuery } from '@ptce/contracts';
import type { Writable } from 'node:stream';
import type { z } from 'zod';
import { AppError } from '../../errors';
import type { Caller } from '../auth/index';
import { writeAudit } from '../audit/index';
import { idNumberFormatter, type XlsxColumn, xlsxSheetWriter } from '../excel/index';
import { areaRows, industryRows } from './overview';
import { personYear } from './person-year';
import { unitLeague } from './unit-league';
import { unitPeople } from './unit-people';

type Query = z.infer<typeof StatsExportQuery>;

const COUNTS: XlsxColumn<StatsCounts>[] = [
  { header: '专业技术人员', width: 12, value: (r) => r.people },
  { header: '达标人数', width: 10, value: (r) => r.met },
  { header: '达标率（%）', width: 10, value: (r) => r.metRate },
  { header: '公需必修完成人数', width: 14, value: (r) => r.compulsoryDone },
  { header: '公需必修完成率（%）', width: 16, value: (r) => r.compulsoryRate },
  { header: '人均专业科目学时', width: 14, value: (r) => r.avgProfessional },
  { header: '待审核记录', width: 10, value: (r) => r.pending },
  { header: '待审核超过30天', width: 14, value: (r) => r.pendingOld },
];

/**
 * 导出Excel of any table on the 统计分析 page, with the page's filters, in the caller's scope. The rows are read
 * before the download starts, so a refusal (a unit out of scope, a year without a plan) is an ordinary error.
 */
export async function statsExport(
  ctx: Caller,
  q: Query,
): Promise<{ fileName: string; write: (out: Writable) => Promise<number> }> {
  const need = (v: number | undefined, field: string) => {
    if (v === undefined) throw new AppError('VALIDATION', `缺少${field}`, [{ field, reason: '必填' }]);
    return v;
  };
  let fileName: string;
  let sheet: Sheet;
  switch (q.table) {
    case 'areas': {
      const { rows } = await areaRows(ctx, q);
      fileName = `${q.year}年度各地区学时达标情况.xlsx`;
      sheet = table('各地区', [{ header: '地区', width: 16, value: (r) => r.name }, ...COUNTS], rows);
      break;
    }
    case 'industries': {
      const rows = await industryRows(ctx, q);
      fileName = `${q.year}年度各行业学时达标情况.xlsx`;
      sheet = table('各行业', [{ header: '行业', width: 30, value: (r) => r.name }, ...COUNTS], rows);
      break;
    }
    case 'units': {
      const { items } = await unitLeague(ctx, { ...q, page: 1, pageSize: 1 }, true);
      fileName = `${q.year}年度单位达标排名.xlsx`;
      sheet = table(
        '单位排名',
        [
          { header: '单位名称', width: 36, value: (r) => r.unitName },
          { header: '所在地区', width: 12, value: (r) => r.regionName },
          { header: '行业', width: 24, value: (r) => r.industryName },
          ...COUNTS,
        ],
        items,
      );
      break;
    }
    case 'people': {
      const { unit, items } = await unitPeople(
        ctx,
        need(q.unitId, '单位（unitId）'),
        { ...q, page: 1, pageSize: 1 },
        true,
      );
      const idText = idNumberFormatter(ctx.actor);
      fileName = `${unit.name}_${q.year}年度人员学时.xlsx`;
      sheet = table(
        '人员',
        [
          { header: '姓名', width: 12, value: (r) => r.personName },
          {
            header: '身份证号码',
            width: 22,
            text: true,
            value: (r) => (r.idNumber ? idText(r.idNumber) : r.idNumberMasked),
          },
          { header: '所属部门', width: 18, value: (r) => r.departmentName },
          { header: '公需科目（必修）', width: 12, value: (r) => r.compulsoryHours },
          { header: '公需科目（选修）', width: 12, value: (r) => r.electiveHours },
          { header: '专业科目', width: 10, value: (r) => r.professionalHours },
          { header: '总学时', width: 10, value: (r) => r.totalHours },
          { header: '是否达标', width: 10, value: (r) => (r.met ? '达标' : '未达标') },
          { header: '公需必修', width: 10, value: (r) => (r.compulsoryDone ? '已完成' : '未完成') },
          { header: '待审核记录', width: 10, value: (r) => r.pending },
        ],
        items,
      );
      break;
    }
    case 'person': {
      const p = await personYear(ctx, need(q.accountId, '人员（accountId）'), q.year);
      fileName = `${p.personName}_${q.year}年度学时.xlsx`;
      sheet = table(
        '学时记录',
        [
          { header: '培训项目', width: 36, value: (r) => r.title },
          { header: '开始日期', width: 12, value: (r) => r.startDate },
          { header: '结束日期', width: 12, value: (r) => r.endDate },
          { header: '学时', width: 8, value: (r) => r.hours },
          { header: '状态', width: 10, value: (r) => STATUS[r.status] ?? r.status },
          { header: '来源', width: 16, value: (r) => r.sourceLabel },
        ],
        p.records,
      );
      break;
    }
  }
  return {
    fileName,
    write: async (out) => {
      // Audited before the first byte: whoever holds the file, the log already says so.
      await writeAudit(ctx.db, ctx, { action: 'exports.stats', detail: { filter: q, rows: sheet.rows } });
      return sheet.write(out);
    },
  };
}

type Sheet = { rows: number; write: (out: Writable) => Promise<number> };

function table<T>(name: string, columns: XlsxColumn<T>[], rows: T[]): Sheet {
  return { rows: rows.length, write: (out) => write(out, name, columns, rows) };
}

const STATUS: Record<string, string> = { pending: '待初审', approved: '通过认定', rejected: '不予认定' };

async function write<T>(out: Writable, name: string, columns: XlsxColumn<T>[], rows: T[]): Promise<number> {
  const sheet = xlsxSheetWriter(out, name, columns);
  for (let i = 0; i < rows.length; i += 2000) await sheet.add(rows.slice(i, i + 2000));
  return sheet.end();
}
