import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';

/**
 * Where uploaded and generated files live (evidence, course materials, certificates): outside the
 * database, behind this one interface. The default is a folder under DATA_DIR; an object store can
 * implement the same four methods.
 */
export interface FileStore {
  /** Stores the bytes under a new random key and returns it with the size and SHA-256. */
  put(data: Buffer | Readable, opts?: { prefix?: string }): Promise<{ key: string; size: number; sha256: string }>;
  /** A readable stream of the whole file, or of [start, end] inclusive. */
  read(key: string, range?: { start: number; end: number }): Readable;
  size(key: string): Promise<number>;
  remove(key: string): Promise<void>;
}

const KEY_RE = /^[a-z0-9-]{1,40}\/[0-9a-f]{2}\/[0-9a-f]{32}$/;

export class LocalFileStore implements FileStore {
  constructor(private readonly root: string) {}

  private pathOf(key: string): string {
    // Keys are generated here; anything else (e.g. "../") is refused before touching the disk.
    if (!KEY_RE.test(key)) throw new Error(`invalid file key: ${key}`);
    return path.join(this.root, key);
  }

  async put(data: Buffer | Readable, opts: { prefix?: string } = {}) {
    const id = crypto.randomBytes(16).toString('hex');
    const key = `${opts.prefix ?? 'files'}/${id.slice(0, 2)}/${id}`;
    const file = this.pathOf(key);
    await fs.promises.mkdir(path.dirname(file), { recursive: true });
    const tmp = `${file}.part`;
    const hash = crypto.createHash('sha256');
    let size = 0;
    if (Buffer.isBuffer(data)) {
      hash.update(data);
      size = data.length;
      await fs.promises.writeFile(tmp, data);
    } else {
      data.on('data', (chunk: Buffer) => {
        hash.update(chunk);
        size += chunk.length;
      });
      await pipeline(data, fs.createWriteStream(tmp)).catch(async (e: unknown) => {
        await fs.promises.rm(tmp, { force: true });
        throw e;
      });
    }
    // Written whole, then renamed: a crash never leaves a half file under a real key.
    await fs.promises.rename(tmp, file);
    return { key, size, sha256: hash.digest('hex') };
  }

  read(key: string, range?: { start: number; end: number }) {
    return fs.createReadStream(this.pathOf(key), range);
  }

  async size(key: string) {
    return (await fs.promises.stat(this.pathOf(key))).size;
  }

  async remove(key: string) {
    await fs.promises.rm(this.pathOf(key), { force: true });
  }
}
