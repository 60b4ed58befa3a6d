import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';

/** Rows read back a batch at a time, in the order they were added. */
export interface RowSource<T> {
  readonly count: number;
  batches(size: number): AsyncGenerator<T[]>;
}

// Rows are written to the file in chunks of about this many characters.
const FLUSH_CHARS = 256 * 1024;

/** Where spools are made: the system's temporary folder (tests point it at their own). */
export const spoolSettings = { parent: os.tmpdir() };

/**
 * The rows that passed validation, kept on disk until the write: one JSON line each, in a private
 * temporary folder (mode 0700) removed by `dispose`. A 100,000-row file is ~40 MB of row objects on
 * the JavaScript heap — more, with the garbage collector's headroom — and a server holding several
 * such imports at once would run out of memory; on disk the engine's memory no longer grows with the
 * file. Rows must be plain JSON values (strings, numbers, booleans; an undefined property is dropped).
 */
export class RowSpool<T> implements RowSource<T> {
  private pending: string[] = [];
  private pendingChars = 0;
  private added = 0;
  // The folder and file are made on the first write, so creating a spool cannot fail.
  private opened: Promise<{ dir: string; file: string; handle: fs.promises.FileHandle }> | null = null;

  get count(): number {
    return this.added;
  }

  async push(row: T): Promise<void> {
    const line = JSON.stringify(row);
    this.pending.push(line);
    this.pendingChars += line.length + 1;
    this.added++;
    if (this.pendingChars >= FLUSH_CHARS) await this.flush();
  }

  private open() {
    this.opened ??= (async () => {
      const dir = await fs.promises.mkdtemp(path.join(spoolSettings.parent, 'ptce-import-'));
      const file = path.join(dir, 'rows.jsonl');
      try {
        return { dir, file, handle: await fs.promises.open(file, 'wx', 0o600) };
      } catch (e) {
        await fs.promises.rm(dir, { recursive: true, force: true });
        throw e;
      }
    })();
    return this.opened;
  }

  private async flush(): Promise<void> {
    if (!this.pending.length) return;
    const text = `${this.pending.join('\n')}\n`;
    this.pending = [];
    this.pendingChars = 0;
    await (await this.open()).handle.write(text);
  }

  async *batches(size: number): AsyncGenerator<T[]> {
    if (!this.added) return;
    await this.flush();
    const { file } = await this.open();
    const lines = readline.createInterface({
      input: fs.createReadStream(file, { encoding: 'utf8' }),
      crlfDelay: Infinity,
    });
    let batch: T[] = [];
    try {
      for await (const line of lines) {
        if (!line) continue;
        batch.push(JSON.parse(line) as T);
        if (batch.length >= size) {
          yield batch;
          batch = [];
        }
      }
      if (batch.length) yield batch;
    } finally {
      lines.close();
    }
  }

  /** Removes the file and its folder. */
  async dispose(): Promise<void> {
    this.pending = [];
    if (!this.opened) return;
    const { dir, handle } = await this.opened.catch(() => ({ dir: null, handle: null }));
    await handle?.close().catch(() => undefined);
    if (dir) await fs.promises.rm(dir, { recursive: true, force: true });
  }
}

/**
 * Removes spools left by a process that died mid-import (a crash, SIGKILL): they hold the rows of an
 * upload, ID numbers included. Only those older than `olderThanMs` — another server sharing the folder
 * may be importing right now, and no import runs for a day.
 */
export async function removeStaleSpools(olderThanMs = 24 * 3600_000): Promise<number> {
  const parent = spoolSettings.parent;
  let removed = 0;
  for (const name of await fs.promises.readdir(parent).catch(() => [] as string[])) {
    if (!name.startsWith('ptce-import-')) continue;
    const dir = path.join(parent, name);
    const stat = await fs.promises.stat(dir).catch(() => null);
    if (!stat?.isDirectory() || Date.now() - stat.mtimeMs < olderThanMs) continue;
    await fs.promises.rm(dir, { recursive: true, force: true });
    removed++;
  }
  return removed;
}

/** The rows of `source` except those whose row numbers are in `skip`. */
export function withoutRows<T extends { rowNumber: number }>(
  source: RowSource<T>,
  skip: ReadonlyMap<number, unknown>,
): RowSource<T> {
  if (!skip.size) return source;
  return {
    count: source.count - skip.size,
    async *batches(size) {
      for await (const b of source.batches(size)) {
        const kept = b.filter((r) => !skip.has(r.rowNumber));
        if (kept.length) yield kept;
      }
    },
  };
}
