import ExcelJS from 'exceljs';
import type { AnyImportKind } from './import-kind';
import { importLimits } from './limits';
import { INSTRUCTIONS_SHEET } from './read-sheet';

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F1' } };
const colLetter = (n: number) => {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
};

/**
 * ① 下载模板: the data sheet first (header row with a note on each column, required headers in red,
 * ID-number and date columns formatted as text so Excel keeps them as typed, drop-down lists for the
 * columns with fixed values, header frozen), then the 说明 sheet: how to fill it in and an example row.
 * The example sits on 说明, not on the data sheet, so a forgotten example is never imported.
 */
export async function buildTemplate(def: AnyImportKind): Promise<Buffer> {
  const limits = importLimits();
  const lastRow = limits.maxRows + 1;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'PTCE 专业技术人员继续教育信息管理系统';

  const data = wb.addWorksheet(def.sheetName, { views: [{ state: 'frozen', ySplit: 1, activeCell: 'A2' }] });
  data.columns = def.columns.map((c) => ({
    header: c.header,
    key: c.key,
    width: c.width,
    style: c.text ? { numFmt: '@' } : {},
  }));
  const header = data.getRow(1);
  header.height = 22;
  def.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.font = { bold: true, color: { argb: c.required ? 'FFC00000' : 'FF000000' } };
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: 'middle', horizontal: 'center' };
    cell.numFmt = 'General';
    cell.note = `${c.required ? '必填' : '选填'}：${c.hint}`;
    const col = colLetter(i + 1);
    if (c.options) {
      // ExcelJS supports range addresses here; its typings omit `dataValidations`.
      (
        data as unknown as { dataValidations: { add(address: string, v: ExcelJS.DataValidation): void } }
      ).dataValidations.add(`${col}2:${col}${lastRow}`, {
        type: 'list',
        // Blank cells are fine while filling in; required columns are checked on import.
        allowBlank: true,
        formulae: [`"${c.options.join(',')}"`],
        showErrorMessage: true,
        errorStyle: 'stop',
        errorTitle: `${c.header}不正确`,
        error: `请从下拉列表中选择：${c.options.join('、')}`,
      });
    }
  });

  const help = wb.addWorksheet(INSTRUCTIONS_SHEET);
  help.getColumn(1).width = 120;
  const title = help.addRow([`${def.title} — 填写说明`]);
  title.font = { bold: true, size: 14 };
  help.addRow([]);
  def.instructions().forEach((line, i) => {
    const row = help.addRow([`${i + 1}. ${line}`]);
    row.alignment = { wrapText: true, vertical: 'top' };
  });
  help.addRow([]);
  help.addRow(['填写示例（请在“' + def.sheetName + '”工作表中按此格式填写，本工作表不会被导入）：']).font = {
    bold: true,
  };
  const exHeader = help.addRow(def.columns.map((c) => c.header));
  const exRow = help.addRow(def.exampleRow());
  def.columns.forEach((c, i) => {
    exHeader.getCell(i + 1).font = { bold: true, color: { argb: c.required ? 'FFC00000' : 'FF000000' } };
    exHeader.getCell(i + 1).fill = HEADER_FILL;
    if (c.text) exRow.getCell(i + 1).numFmt = '@';
    if (i > 0) help.getColumn(i + 1).width = Math.max(help.getColumn(i + 1).width ?? 0, c.width);
  });

  return Buffer.from(await wb.xlsx.writeBuffer());
}
