import crypto from 'node:crypto';
import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { checkFileKey, newFileKey, type FileStore } from './file-store';

/** Bytes per stored chunk: a range read (a PDF chapter opened at page 200) fetches only the chunks it spans. */
export const CHUNK_BYTES = 256 * 1024;

const toBuffer = (v: unknown) => (Buffer.isBuffer(v) ? v : Buffer.from(v as Uint8Array));

/**
 * Files kept in the database (migration 0046): chunks in stored_file_chunks, then one row in stored_files that
 * lists the file whole. Every app instance reads what any other wrote, with no shared folder, and the database's
 * backup holds the files too. A put that fails removes its chunks; a process that dies half-way leaves chunks that
 * no listed file refers to, which nothing reads and `removeOrphans` removes (hourly, app.ts).
 */
export class DatabaseFileStore implements FileStore {
  constructor(
    private readonly db: Db,
    private readonly chunkBytes = CHUNK_BYTES,
  ) {}

  async put(data: Buffer | Readable, opts: { prefix?: string } = {}) {
    const key = newFileKey(opts.prefix);
    const hash = crypto.createHash('sha256');
    let size = 0;
    let n = 0;
    let pending: Buffer = Buffer.alloc(0);
    const write = async (chunk: Buffer) => {
      await this.db.execute(sql`INSERT INTO stored_file_chunks (key, n, data) VALUES (${key}, ${n++}, ${chunk})`);
    };
    try {
      for await (const part of Buffer.isBuffer(data) ? [data] : data) {
        const b = toBuffer(part);
        hash.update(b);
        size += b.length;
        pending = pending.length ? Buffer.concat([pending, b]) : b;
        while (pending.length >= this.chunkBytes) {
          await write(pending.subarray(0, this.chunkBytes));
          pending = pending.subarray(this.chunkBytes);
        }
      }
      if (pending.length) await write(pending);
      const sha256 = hash.digest('hex');
      await this.db.execute(sql`
        INSERT INTO stored_files (key, size, sha256, chunk_bytes, created_at)
        VALUES (${key}, ${size}, ${sha256}, ${this.chunkBytes}, now())`);
      return { key, size, sha256 };
    } catch (e) {
      await this.db.execute(sql`DELETE FROM stored_file_chunks WHERE key = ${key}`).catch(() => undefined);
      throw e;
    }
  }

  read(key: string, range?: { start: number; end: number }): Readable {
    checkFileKey(key);
    const db = this.db;
    async function* chunks() {
      const file = (await db.execute(sql`SELECT size, chunk_bytes FROM stored_files WHERE key = ${key}`)).rows[0] as
        { size: number | string; chunk_bytes: number } | undefined;
      if (!file) throw Object.assign(new Error(`no stored file ${key}`), { code: 'ENOENT' });
      const size = Number(file.size);
      const per = Number(file.chunk_bytes);
      const start = range?.start ?? 0;
      const end = Math.min(range?.end ?? size - 1, size - 1);
      for (let n = Math.floor(start / per); start <= end && n <= Math.floor(end / per); n++) {
        const row = (await db.execute(sql`SELECT data FROM stored_file_chunks WHERE key = ${key} AND n = ${n}`))
          .rows[0] as { data: unknown } | undefined;
        if (!row) throw new Error(`stored file ${key}: chunk ${n} is missing`);
        const at = n * per;
        const b = toBuffer(row.data);
        yield b.subarray(Math.max(0, start - at), Math.min(b.length, end - at + 1));
      }
    }
    return Readable.from(chunks(), { objectMode: false });
  }

  async size(key: string) {
    checkFileKey(key);
    const row = (await this.db.execute(sql`SELECT size FROM stored_files WHERE key = ${key}`)).rows[0] as
      { size: number | string } | undefined;
    if (!row) throw Object.assign(new Error(`no stored file ${key}`), { code: 'ENOENT' });
    return Number(row.size);
  }

  async remove(key: string) {
    checkFileKey(key);
    // Unlisted first: from then on nobody reads it, whatever happens to the chunks.
    await this.db.execute(sql`DELETE FROM stored_files WHERE key = ${key}`);
    await this.db.execute(sql`DELETE FROM stored_file_chunks WHERE key = ${key}`);
  }

  /**
   * Removes the chunks of files never listed, written over `olderThanSeconds` ago (a process died during their put;
   * a put still running is younger). Returns how many chunks went.
   */
  async removeOrphans(olderThanSeconds = 3600): Promise<number> {
    const { rows } = await this.db.execute(sql`
      WITH gone AS (
        DELETE FROM stored_file_chunks c
        WHERE c.written_at < now() - make_interval(secs => ${olderThanSeconds})
          AND NOT EXISTS (SELECT 1 FROM stored_files f WHERE f.key = c.key)
        RETURNING 1)
      SELECT count(*)::integer AS n FROM gone`);
    return Number((rows[0] as { n: number }).n);
  }
}
