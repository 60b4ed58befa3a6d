import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeStaleSpools, RowSpool, spoolSettings, withoutRows } from './row-spool';

// A folder of this file's own, so other test files' imports do not show up in the counts.
beforeAll(() => {
  spoolSettings.parent = fs.mkdtempSync(path.join(os.tmpdir(), 'ptce-spool-test-'));
});
afterAll(() => fs.rmSync(spoolSettings.parent, { recursive: true, force: true }));

const spoolDirs = () =>
  fs
    .readdirSync(spoolSettings.parent)
    .filter((n) => n.startsWith('ptce-import-'))
    .sort();
const all = async <T>(source: { batches(n: number): AsyncGenerator<T[]> }, n: number) => {
  const sizes: number[] = [];
  const rows: T[] = [];
  for await (const b of source.batches(n)) {
    sizes.push(b.length);
    rows.push(...b);
  }
  return { sizes, rows };
};

describe('RowSpool', () => {
  it('gives back every row in order, in batches, text with line breaks intact, and removes its file', async () => {
    const before = spoolDirs();
    const spool = new RowSpool<{ rowNumber: number; title: string; hours?: number }>();
    const title = (i: number) => `第${i}期\n换行\r回车\u2028分隔 "引号" \\ 反斜杠 ${'长'.repeat(i % 300)}`;
    for (let i = 0; i < 2500; i++)
      await spool.push({ rowNumber: i + 2, title: title(i), hours: i % 2 ? 4 : undefined });
    expect(spool.count).toBe(2500);
    expect(spoolDirs().length).toBe(before.length + 1);
    const { sizes, rows } = await all(spool, 1000);
    expect(sizes).toEqual([1000, 1000, 500]);
    expect(rows.map((r) => r.rowNumber)).toEqual(Array.from({ length: 2500 }, (_, i) => i + 2));
    expect(rows.every((r, i) => r.title === title(i))).toBe(true);
    expect(rows[0]).toEqual({ rowNumber: 2, title: title(0) }); // an undefined property is dropped
    expect(rows[1]!.hours).toBe(4);
    // Read again (the recheck, then the write), and without some rows.
    const kept = await all(
      withoutRows(
        spool,
        new Map([
          [2, 'x'],
          [2501, 'y'],
        ]),
      ),
      1000,
    );
    expect(
      withoutRows(
        spool,
        new Map([
          [2, 'x'],
          [2501, 'y'],
        ]),
      ).count,
    ).toBe(2498);
    expect(kept.rows.map((r) => r.rowNumber)).toEqual(
      Array.from({ length: 2500 }, (_, i) => i + 2).filter((n) => n !== 2 && n !== 2501),
    );
    await spool.dispose();
    expect(spoolDirs()).toEqual(before);
  });

  it('touches no disk when nothing is added', async () => {
    const before = spoolDirs();
    const spool = new RowSpool<{ rowNumber: number }>();
    expect((await all(spool, 10)).rows).toEqual([]);
    expect(spoolDirs()).toEqual(before);
    await spool.dispose();
  });

  it('removes spools a dead process left behind once they are a day old, and no others', async () => {
    const old = path.join(spoolSettings.parent, 'ptce-import-dead01');
    const fresh = path.join(spoolSettings.parent, 'ptce-import-live01');
    const other = path.join(spoolSettings.parent, 'unrelated-old');
    for (const d of [old, fresh, other]) {
      fs.mkdirSync(d);
      fs.writeFileSync(path.join(d, 'rows.jsonl'), '{"rowNumber":2}\n');
    }
    const dayAndMinute = new Date(Date.now() - 24 * 3600_000 - 60_000);
    fs.utimesSync(old, dayAndMinute, dayAndMinute);
    fs.utimesSync(other, dayAndMinute, dayAndMinute);
    expect(await removeStaleSpools()).toBe(1);
    expect(fs.existsSync(old)).toBe(false);
    expect(fs.existsSync(fresh)).toBe(true);
    expect(fs.existsSync(other)).toBe(true);
  });
});
