import type { Writable } from 'node:stream';
import type { Caller } from '../auth/index';
import type { AnyImportKind } from './import-kind';
import { errorRowsAfter, findJob } from './jobs';
import { xlsxSheetWriter, type XlsxColumn } from './xlsx-writer';

type ErrorRow = Awaited<ReturnType<typeof errorRowsAfter>>[number];
// Small pages: a page of rows is alive while it is written, and a small one dies young (not promoted to
// the old generation, where 100,000 rows of garbage would pile up until a full GC).
const PAGE = 500;

/** The job's file name for the report: 错误报告_<original name>.xlsx. */
export async function errorReportName(ctx: Caller, jobId: number): Promise<string> {
  const job = await findJob(ctx, jobId);
  return `错误报告_${job.fileName.replace(/\.xlsx$/i, '')}.xlsx`;
}

/**
 * The bad rows of an import as a workbook: the template's columns with the cells as read, then
 * 错误原因 (every problem, "列：原因") and the row number in the uploaded file. Its header matches the
 * template, so the user can correct the rows in this file and import it again (extra columns are ignored).
 */
export async function writeErrorReport(ctx: Caller, def: AnyImportKind, jobId: number, out: Writable): Promise<number> {
  const job = await findJob(ctx, jobId);
  const columns: XlsxColumn<ErrorRow>[] = [
    ...def.columns.map((c, i) => ({
      header: c.header,
      width: c.width,
      text: c.text,
      value: (r: ErrorRow) => r.cells[i] ?? '',
    })),
    {
      header: '错误原因',
      width: 60,
      value: (r) => r.problems.map((p) => (p.column ? `${p.column}：${p.reason}` : p.reason)).join('；'),
    },
    { header: '原文件行号', width: 12, value: (r) => r.rowNumber },
  ];
  const sheet = xlsxSheetWriter(out, def.sheetName, columns);
  let after = 0;
  for (;;) {
    const rows = await errorRowsAfter(ctx.db, job.id, after, PAGE);
    if (!rows.length) break;
    await sheet.add(rows);
    after = rows[rows.length - 1]!.rowNumber;
    if (rows.length < PAGE) break;
  }
  return sheet.end();
}
