import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openPglite, openPostgres, type Database } from '../../src/db/client';
import { migrate } from '../../src/db/migrate';
import { writeAudit } from '../../src/modules/audit/index';
import { databaseUrl, withAdminClient } from '../db-template';

/**
 * deploy/backup: a backup made by ptce-backup.sh is restored by ptce-restore.sh, whose check (row counts
 * against the archive, the audit chain through the compiled verify-audit) passes; it refuses a target
 * that is not empty and an archive that is damaged. PostgreSQL (pg_dump) with TEST_DATABASE_URL; the
 * embedded database's data folder always.
 */
const REPO = path.resolve(import.meta.dirname, '../../..');
const BACKUP = path.join(REPO, 'deploy/backup/ptce-backup.sh');
const RESTORE = path.join(REPO, 'deploy/backup/ptce-restore.sh');
const ADMIN_URL = process.env.TEST_DATABASE_URL;
const HAS_PG_DUMP = ['/usr/bin/pg_dump', '/usr/local/bin/pg_dump'].some((p) => fs.existsSync(p));
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ptce-backup-'));

interface Run {
  code: number;
  out: string;
}
async function run(script: string, args: string[], env: Record<string, string>): Promise<Run> {
  try {
    const r = await promisify(execFile)('bash', [script, ...args], {
      env: { PATH: process.env.PATH!, HOME: os.homedir(), PTCE_DIR: REPO, ...env },
      maxBuffer: 16 * 1024 * 1024,
    });
    return { code: 0, out: r.stdout + r.stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, out: err.stdout + err.stderr };
  }
}

/** A few audited events, so the restored chain has links to check. */
async function audit(database: Database): Promise<void> {
  for (let i = 0; i < 5; i++)
    await writeAudit(
      database.db,
      { actor: null, ip: '127.0.0.1' },
      { action: 'auth.logout', targetType: 'account', targetId: i + 1 },
    );
}

beforeAll(async () => {
  // The restore check runs the compiled verify-audit (server/dist), as installed.
  await promisify(execFile)(process.execPath, [path.join(REPO, 'scripts/ensure-build.mjs'), 'server']);
}, 180_000);
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('backup and restore of the embedded database', () => {
  it('copies the data folder while no server runs on it and restores it into an empty folder, checked', async () => {
    const dataDir = path.join(work, 'pglite-data');
    const database = await openPglite(dataDir);
    await migrate(database);
    await audit(database);
    fs.mkdirSync(path.join(dataDir, 'files/evidence/ab'), { recursive: true });
    fs.writeFileSync(path.join(dataDir, 'files/evidence/ab/0123'), '证明材料');

    // While the server (here: this process) holds the folder, the backup refuses.
    const refused = await run(BACKUP, [], { DATA_DIR: dataDir, BACKUP_DIR: path.join(work, 'b1') });
    expect(refused.code).toBe(1);
    expect(refused.out).toMatch(/runs on the embedded database/);
    await database.close();

    const made = await run(BACKUP, [], { DATA_DIR: dataDir, BACKUP_DIR: path.join(work, 'b1') });
    expect(made.code, made.out).toBe(0);
    const [archive] = fs.readdirSync(path.join(work, 'b1'));
    expect(archive).toMatch(/^ptce-data-\d{8}T\d{6}Z\.tar\.gz$/);

    const target = path.join(work, 'pglite-restored');
    const restored = await run(RESTORE, ['--data-dir', path.join(work, 'b1', archive!), target], {});
    expect(restored.code, restored.out).toBe(0);
    expect(restored.out).toMatch(/OK: audit chain intact, 5 entries verified/);
    expect(fs.readFileSync(path.join(target, 'files/evidence/ab/0123'), 'utf8')).toBe('证明材料');

    const again = await run(RESTORE, ['--data-dir', path.join(work, 'b1', archive!), target], {});
    expect(again.code).toBe(1);
    expect(again.out).toMatch(/is not empty/);
  }, 300_000);
});

describe.skipIf(!ADMIN_URL || !HAS_PG_DUMP)(
  `backup and restore of PostgreSQL${!ADMIN_URL ? ' (skipped without TEST_DATABASE_URL)' : !HAS_PG_DUMP ? ' (skipped: pg_dump is not installed)' : ''}`,
  () => {
    const stamp = `${Date.now()}_${process.pid}`;
    const source = `ptce_bk_src_${stamp}`;
    const target = `ptce_bk_dst_${stamp}`;
    const other = `ptce_bk_bad_${stamp}`;
    afterAll(async () => {
      if (!ADMIN_URL) return;
      await withAdminClient(ADMIN_URL, async (c) => {
        for (const d of [source, target, other]) await c.query(`DROP DATABASE IF EXISTS ${d} WITH (FORCE)`);
      });
    });

    it('dumps a database in custom format and restores it into an empty one with the same rows and an intact audit chain', async () => {
      const t = inject('dbTemplate');
      if (t.kind !== 'postgres') throw new Error('expected the PostgreSQL template');
      await withAdminClient(ADMIN_URL!, async (c) => {
        await c.query(`CREATE DATABASE ${source} TEMPLATE ${t.template}`);
        await c.query(`CREATE DATABASE ${target}`);
        await c.query(`CREATE DATABASE ${other}`);
      });
      const database = await openPostgres(databaseUrl(ADMIN_URL!, source), 2);
      await audit(database);
      await database.close();
      const dataDir = path.join(work, 'pg-data');
      fs.mkdirSync(path.join(dataDir, 'files/certificates/cd'), { recursive: true });
      fs.writeFileSync(path.join(dataDir, 'files/certificates/cd/4567'), '%PDF-1.7');

      const backupDir = path.join(work, 'b2');
      const made = await run(BACKUP, [], {
        DATABASE_URL: databaseUrl(ADMIN_URL!, source),
        DATA_DIR: dataDir,
        BACKUP_DIR: backupDir,
      });
      expect(made.code, made.out).toBe(0);
      const files = fs.readdirSync(backupDir).sort();
      expect(files).toHaveLength(2);
      const dump = path.join(
        backupDir,
        files.find((f) => f.endsWith('.dump'))!,
      );
      expect(files.find((f) => f.startsWith('ptce-files-'))).toMatch(/\.tar\.gz$/);
      expect(fs.readFileSync(dump).subarray(0, 5).toString()).toBe('PGDMP'); // pg_dump's custom format

      const restored = await run(RESTORE, [dump, databaseUrl(ADMIN_URL!, target)], {});
      expect(restored.code, restored.out).toBe(0);
      expect(restored.out).toMatch(/\d+ tables with the archive's row counts/);
      expect(restored.out).toMatch(/OK: audit chain intact, 5 entries verified/);

      // Never over a database that has tables.
      const over = await run(RESTORE, [dump, databaseUrl(ADMIN_URL!, target)], {});
      expect(over.code).toBe(1);
      expect(over.out).toMatch(/already has \d+ tables/);

      // A damaged archive is refused.
      const cut = path.join(work, 'cut.dump');
      const bytes = fs.readFileSync(dump);
      fs.writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
      const damaged = await run(RESTORE, [cut, databaseUrl(ADMIN_URL!, other)], {});
      expect(damaged.code).not.toBe(0);
    }, 180_000);
  },
);
