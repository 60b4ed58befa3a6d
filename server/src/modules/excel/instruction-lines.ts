import type { ImportColumn } from './import-kind';
import { importLimits, mb } from './limits';

// The lines every template's 填写说明 sheet shares; each import kind adds its own rules around them.

/** Where to write: the sheet, from row 2, one row per item, the header row untouched. */
export const fillInLine = (sheetName: string, eachRow: string) =>
  `请在“${sheetName}”工作表中从第2行起逐行填写，每行${eachRow}。请勿修改或删除第1行的列名。`;

/** Which columns must be filled, then each column's hint. */
export function columnLines(columns: readonly ImportColumn[]): string[] {
  const headers = (required: boolean) =>
    columns
      .filter((c) => c.required === required)
      .map((c) => c.header)
      .join('、');
  const optional = headers(false);
  return [
    `必填列：${headers(true)}${optional ? `；选填列：${optional}` : ''}。`,
    ...columns.map((c) => `${c.header}：${c.hint}。`),
  ];
}

/** The file's limits, as the upload enforces them. */
export function fileLimitLine(): string {
  const limits = importLimits();
  return `每个文件最多${limits.maxRows}行、不超过${mb(limits.maxFileBytes)}；文件不能设置打开密码。`;
}

/** What happens to a file with a bad row, for the kinds that import all or nothing. */
export const ALL_OR_NOTHING_LINE =
  '文件中有任何一行错误时，整个文件都不导入；请下载错误报告（含“错误原因”列）修改后重新导入。';
