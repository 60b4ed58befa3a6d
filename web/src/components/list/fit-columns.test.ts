import { describe, expect, it } from 'vitest';
import { CONTROL_COLUMN_WIDTH, MIN_SCALE, fitColumns } from './fit-columns';

type Col = { key: string; width?: number };
const keyOf = (c: Col) => c.key;
// 专业科目学时审核结果 (通过认定): 1,340 px of columns.
const results: Col[] = [
  { key: 'personName', width: 180 },
  { key: 'title', width: 210 },
  { key: 'span', width: 150 },
  { key: 'hours', width: 84 },
  { key: 'status', width: 96 },
  { key: 'reviewer', width: 160 },
  { key: 'decidedAt', width: 170 },
  { key: 'opinion', width: 180 },
  { key: 'actions', width: 110 },
];
const keep = ['actions', 'status'];
const widthOf = (cs: Col[]) => cs.reduce((s, c) => s + (c.width ?? 120), 0);

describe('fitting a desktop list into its width', () => {
  it('leaves columns that fit alone', () => {
    const fit = fitColumns(results, 1400, keyOf, { keep, extra: 0, expandable: false });
    expect(fit.shown).toEqual(results);
    expect(fit.folded).toEqual([]);
    expect(fit.width).toBe(1340);
  });

  it('keeps the columns until the list is measured', () => {
    expect(fitColumns(results, null, keyOf, { keep, extra: 0, expandable: false }).folded).toEqual([]);
  });

  it("folds the page's named columns first and keeps 审核意见 in the row at 1280 px (958 px of list)", () => {
    const fit = fitColumns(results, 958, keyOf, {
      fold: ['reviewer', 'decidedAt', 'submittedAt', 'span'],
      keep,
      extra: 0,
      expandable: false,
    });
    expect(fit.folded.map(keyOf)).toEqual(['reviewer']);
    expect(fit.shown.map(keyOf)).toContain('opinion');
    expect(fit.width).toBeLessThanOrEqual(958);
    expect(fit.width).toBe(widthOf(fit.shown) + CONTROL_COLUMN_WIDTH);
  });

  it('folds from the right by default, never the first column, 操作 or 状态', () => {
    const fit = fitColumns(results, 500, keyOf, { keep, extra: 0, expandable: false });
    expect(fit.folded.map(keyOf)).toEqual(['opinion', 'decidedAt', 'reviewer', 'hours', 'span']);
    expect(fit.shown.map(keyOf)).toEqual(['personName', 'title', 'status', 'actions']);
    const narrower = fitColumns(results, 400, keyOf, { keep, extra: 0, expandable: false });
    expect(narrower.shown.map(keyOf)).toEqual(['personName', 'status', 'actions']);
  });

  it('shrinks the columns (text wraps) before folding one', () => {
    const cols: Col[] = [
      { key: 'a', width: 500 },
      { key: 'b', width: 466 },
    ];
    const fit = fitColumns(cols, 958, keyOf, { keep, extra: 0, expandable: false });
    expect(fit.folded).toEqual([]);
    expect(fit.width).toBeLessThanOrEqual(958);
    expect(fit.shown[0]!.width).toBeGreaterThanOrEqual(500 * MIN_SCALE);
  });

  it('counts the selection column, and adds no second expand column when the table has its own', () => {
    const cols: Col[] = [
      { key: 'a', width: 400 },
      { key: 'b', width: 400 },
      { key: 'c', width: 400 },
    ];
    // Selection and the table's own detail: 96 px; folding c leaves 800 px, shrunk into 704.
    const own = fitColumns(cols, 800, keyOf, { keep, extra: 96, expandable: true });
    expect(own.folded.map(keyOf)).toEqual(['c']);
    expect(own.shown.map((c) => c.width)).toEqual([352, 352]);
    expect(own.width).toBe(800);
    // Without a detail of its own, folding brings the expand column: 48 px more to find.
    const plain = fitColumns(cols, 800, keyOf, { keep, extra: 48, expandable: false });
    expect(plain.width).toBe(800);
    expect(plain.shown.map((c) => c.width)).toEqual([352, 352]);
  });
});

describe("a page's own table width", () => {
  const cols: Col[] = [{ key: 'a', width: 300 }, { key: 'b' }, { key: 'c' }];
  it('is kept while it fits', () => {
    expect(fitColumns(cols, 958, keyOf, { keep, extra: 0, expandable: false, min: 900 }).width).toBe(900);
  });

  it('gives way to the fit when the list is narrower', () => {
    const fit = fitColumns(cols, 600, keyOf, { keep, extra: 0, expandable: false, min: 960 });
    expect(fit.folded).toEqual([]);
    expect(fit.width).toBeLessThanOrEqual(600);
  });
});
