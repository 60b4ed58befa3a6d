import { describe, expect, it } from 'vitest';
import { SheetRowScanner, type ScannedRow, type SheetContext } from './sheet-rows';

const ctx: SheetContext = {
  sharedStrings: ['身份证号码', { richText: [{ text: '刘' }, { text: '晓玲' }] }],
  numFmtOf: (id) => (id === 1 ? 'yyyy-mm-dd' : id === 2 ? '@' : id === 3 ? '"年"0.0' : undefined),
  date1904: false,
};

const SHEET = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:F4"/><sheetViews><sheetView/></sheetViews>
<sheetData>
<row r="1" spans="1:6"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><r><t>培训</t></r><r><t xml:space="preserve">内容 </t></r><rPh sb="0" eb="1"><t>ペイ</t></rPh></is></c></row>
<row r="3"><c r="A3" s="1"><v>45418</v></c><c r="B3" s="3"><v>16</v></c><c r="C3" t="str"><f>A1&amp;"x"</f><v>a&lt;b&gt;&amp;&quot;c&quot;_x000D_</v></c><c r="D3" t="b"><v>1</v></c><c r="E3" t="e"><v>#N/A</v></c><c r="F3"><f>1+1</f></c></row>
<row r="4"/>
<row><c t="inlineStr"><is><t>无行号</t></is></c><c><v>2.5</v></c></row>
</sheetData><rowBreaks count="1"><brk id="3"/></rowBreaks></worksheet>`;

function scanAll(text: string, split: number, c: SheetContext = ctx): ScannedRow[] {
  const s = new SheetRowScanner(c);
  const rows: ScannedRow[] = [];
  for (let i = 0; i < text.length; i += split) rows.push(...s.push(text.slice(i, i + split)));
  return rows;
}

describe('SheetRowScanner', () => {
  it('reads rows, shared and inline strings, dates, numbers, cached formula results, booleans and errors', () => {
    const rows = scanAll(SHEET, SHEET.length);
    expect(rows.map((r) => r.number)).toEqual([1, 3, 4, 5]);
    expect(rows[0]!.values.slice(1)).toEqual([
      '身份证号码',
      { richText: [{ text: '刘' }, { text: '晓玲' }] },
      '培训内容 ',
    ]);
    const r3 = rows[1]!.values;
    expect(r3[1]).toEqual(new Date(Date.UTC(2024, 4, 6)));
    expect(r3[2]).toBe(16); // "年"0.0 is not a date format: the quoted 年 does not count
    expect(r3[3]).toBe('a<b>&"c"\r');
    expect(r3[4]).toBe(true);
    expect(r3[5]).toEqual({ error: '#N/A' });
    expect(r3[6]).toBeUndefined(); // a formula with no cached value is empty — never evaluated
    expect(rows[2]!.values).toEqual([]);
    expect(rows[3]!.values.slice(1)).toEqual(['无行号', 2.5]);
  });

  it('gives the same rows whatever the chunking (tags and characters split across chunks)', () => {
    const whole = JSON.stringify(scanAll(SHEET, SHEET.length));
    for (const split of [1, 2, 3, 7, 16, 64]) expect(JSON.stringify(scanAll(SHEET, split))).toBe(whole);
  });

  it('reads namespace-prefixed markup and the 1904 date system', () => {
    const prefixed =
      '<x:worksheet xmlns:x="ns"><x:sheetData><x:row r="2"><x:c r="B2" s="1"><x:v>0</x:v></x:c></x:row></x:sheetData></x:worksheet>';
    const rows = scanAll(prefixed, 5, { ...ctx, date1904: true });
    expect(rows).toEqual([{ number: 2, values: [undefined, undefined, new Date(Date.UTC(1904, 0, 1))] }]);
  });

  it('decodes only the columns asked for', () => {
    const s = new SheetRowScanner(ctx, new Set([2]));
    const [row] = s.push(SHEET);
    expect(row!.values.slice(1)).toEqual([undefined, { richText: [{ text: '刘' }, { text: '晓玲' }] }]);
  });
});
