import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setNow } from '../clock';
import { buildProfessional, buildUnit, PASSWORD } from '../../test/factories';
import { createTestApp, loggedIn, type TestApp } from '../../test/helpers';
import { trainingBody } from '../../test/kits/hours';
import { DatabaseFileStore } from './database-file-store';
import { LocalFileStore, type FileStore } from './file-store';

/**
 * The two file stores answer alike: the folder under DATA_DIR and the database (FILE_STORE=database, here with
 * 1,000-byte chunks so that small files span several). The database one on whichever database the suite runs on.
 */
let t: TestApp;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ptce-files-'));
const stores: Record<string, () => FileStore> = {};
beforeAll(async () => {
  t = await createTestApp();
  stores.local = () => new LocalFileStore(dir);
  stores.database = () => new DatabaseFileStore(t.db, 1000);
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const readAll = async (r: Readable) => {
  const parts: Buffer[] = [];
  for await (const p of r) parts.push(Buffer.from(p as Buffer));
  return Buffer.concat(parts);
};
const bytes = (n: number) => crypto.randomBytes(n);

describe.each(['local', 'database'])('the %s file store', (name) => {
  const store = () => stores[name]!();

  it('gives back what it was given, whole or by byte range, with its size and SHA-256', async () => {
    const data = bytes(4321);
    const put = await store().put(data, { prefix: 'evidence' });
    expect(put).toEqual({
      key: expect.stringMatching(/^evidence\/[0-9a-f]{2}\/[0-9a-f]{32}$/),
      size: 4321,
      sha256: crypto.createHash('sha256').update(data).digest('hex'),
    });
    expect((await readAll(store().read(put.key))).equals(data)).toBe(true);
    expect(await store().size(put.key)).toBe(4321);
    // Ranges inside one chunk, across chunk edges, the first and last byte, and to the end.
    for (const [start, end] of [
      [0, 0],
      [10, 20],
      [999, 1000],
      [500, 3500],
      [4320, 4320],
      [2000, 4320],
      [0, 4320],
    ] as const) {
      const got = await readAll(store().read(put.key, { start, end }));
      expect(got.equals(data.subarray(start, end + 1)), `${start}-${end}`).toBe(true);
    }
  });

  it('takes a stream in parts of any size, and an empty file', async () => {
    const parts = [bytes(10), bytes(2500), bytes(1), bytes(999), bytes(3000)];
    const put = await store().put(Readable.from(parts));
    expect(put.size).toBe(6510);
    expect((await readAll(store().read(put.key))).equals(Buffer.concat(parts))).toBe(true);
    const empty = await store().put(Buffer.alloc(0));
    expect(empty.size).toBe(0);
    expect((await readAll(store().read(empty.key))).length).toBe(0);
    expect(await store().size(empty.key)).toBe(0);
  });

  it('forgets a removed file, and refuses keys it did not make', async () => {
    const put = await store().put(bytes(1500));
    await store().remove(put.key);
    await expect(readAll(store().read(put.key))).rejects.toThrow();
    await expect(store().size(put.key)).rejects.toThrow();
    await store().remove(put.key); // twice is harmless
    expect(() => store().read('../../etc/passwd')).toThrow(/invalid file key/);
    await expect(store().size('files/00/../../x')).rejects.toThrow(/invalid file key/);
  });

  it('keeps nothing of a stream that broke off', async () => {
    const broken = new Readable({
      read() {
        this.push(bytes(1500));
        this.destroy(new Error('connection reset'));
      },
    });
    await expect(store().put(broken, { prefix: 'broken' })).rejects.toThrow(/connection reset/);
    if (name === 'database') {
      const { rows } = await t.db.execute(sql`SELECT count(*)::integer AS n FROM stored_file_chunks
        WHERE key LIKE 'broken/%'`);
      expect((rows[0] as { n: number }).n).toBe(0);
    } else
      expect(
        fs.readdirSync(path.join(dir, 'broken'), { recursive: true }).filter((f) => /\.part$/.test(String(f))),
      ).toEqual([]);
  });
});

describe('the database file store', () => {
  it('removes the chunks of a file never listed (its put died) once they are old enough, and nothing else', async () => {
    const files = new DatabaseFileStore(t.db, 1000);
    const kept = await files.put(bytes(2500));
    await t.db.execute(sql`INSERT INTO stored_file_chunks (key, n, data, written_at)
      VALUES ('files/ab/abababababababababababababababab', 0, '\\x00'::bytea, now() - interval '2 hours'),
             ('files/ab/abababababababababababababababab', 1, '\\x01'::bytea, now() - interval '2 hours'),
             ('files/cd/cdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcd', 0, '\\x02'::bytea, now())`);
    expect(await files.removeOrphans()).toBe(2);
    const { rows } = await t.db.execute(sql`SELECT key, count(*)::integer AS n FROM stored_file_chunks
      WHERE key IN (${kept.key}, 'files/ab/abababababababababababababababab', 'files/cd/cdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcd')
      GROUP BY key ORDER BY key`);
    // The kept file's three chunks and the put still running (written just now) remain.
    expect(rows).toEqual(
      [
        { key: kept.key, n: 3 },
        { key: 'files/cd/cdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcd', n: 1 },
      ].sort((a, b) => a.key.localeCompare(b.key)),
    );
    expect((await readAll(files.read(kept.key))).length).toBe(2500);
  });

  it('with FILE_STORE=database, 证明材料 uploaded through the API are kept in the database, none under DATA_DIR', async () => {
    setNow('2024-06-15T10:00:00+08:00');
    const app = await createTestApp({ FILE_STORE: 'database' });
    try {
      expect(app.app.deps.files).toBeInstanceOf(DatabaseFileStore);
      const unit = await buildUnit(app.db, { name: '南宁市第一人民医院' });
      const p = await buildProfessional(app.db, { unitId: unit.id, name: '刘晓玲' });
      const c = await loggedIn(app, p.username, PASSWORD, 'person');
      const id = (await c.post('/api/hours/records', trainingBody())).json().id;
      const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), bytes(300_000), Buffer.from('\n%%EOF\n')]);
      const boundary = '----ptce' + crypto.randomBytes(6).toString('hex');
      const up = await app.app.inject({
        method: 'POST',
        url: `/api/hours/records/${id}/evidence`,
        payload: Buffer.concat([
          Buffer.from(
            `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="结业证书.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
          ),
          pdf,
          Buffer.from(`\r\n--${boundary}--\r\n`),
        ]),
        headers: {
          cookie: c.cookie!,
          'x-csrf-token': c.csrf!,
          'content-type': `multipart/form-data; boundary=${boundary}`,
        },
      });
      expect(up.statusCode, up.body).toBe(201);
      const got = await c.get(`/api/hours/evidence/${up.json().id}`);
      expect(got.statusCode).toBe(200);
      expect(got.rawPayload.equals(pdf)).toBe(true);
      const { rows } = await app.db.execute(sql`SELECT size FROM stored_files`);
      expect(rows.map((r: Record<string, unknown>) => Number(r.size))).toEqual([pdf.length]);
      expect(fs.existsSync(path.join(app.app.deps.config.dataDir, 'files'))).toBe(false);
    } finally {
      await app.close();
    }
  });
});
