import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client';
import { type ChainReport, verifyAuditChain, writeAudit } from '../../src/modules/audit/index';
import { buildProfessional, PASSWORD } from '../factories';
import { createTestApp } from '../helpers';

/**
 * The audit log is a hash chain (migration 0012): each entry carries the hash of the one before it.
 * Editing or deleting an entry directly in the database is found, and the first broken entry named.
 */
const t = await createTestApp();
afterAll(() => t.close());

const system = { actor: null, ip: '127.0.0.1' };
const ROLLBACK = new Error('rollback');

/** Tampers inside a transaction, verifies there, then rolls the tampering back. */
async function tampered(change: (tx: Db) => Promise<void>): Promise<ChainReport> {
  let report: ChainReport | undefined;
  await t.db
    .transaction(async (tx) => {
      await change(tx);
      report = await verifyAuditChain(tx);
      throw ROLLBACK;
    })
    .catch((e) => {
      if (e !== ROLLBACK) throw e;
    });
  return report!;
}

async function ids(): Promise<number[]> {
  const { rows } = await t.db.execute<{ id: number }>(sql`SELECT id::int AS id FROM audit_log ORDER BY chain_seq`);
  return (rows as Array<{ id: number }>).map((r) => Number(r.id));
}

describe('audit chain', () => {
  it('chains every entry — written by the app, by a login, or by raw SQL — and verifies OK', async () => {
    for (let i = 0; i < 5; i++)
      await writeAudit(t.db, system, {
        action: 'test.chain',
        targetType: 'account',
        targetId: i,
        detail: { n: i, 名称: '南宁市' },
      });
    const p = await buildProfessional(t.db);
    expect((await t.client().login(p.username, PASSWORD)).statusCode).toBe(200);
    await t.db.execute(sql`INSERT INTO audit_log (at, action, result) VALUES (now(), 'test.raw', 'ok')`);
    const { rows } = await t.db.execute<{ n: number; unlinked: number }>(sql`
      SELECT count(*)::int AS n, count(*) FILTER (WHERE lag_hash IS NOT NULL AND prev_hash <> lag_hash)::int AS unlinked
        FROM (SELECT prev_hash, lag(hash) OVER (ORDER BY chain_seq) AS lag_hash FROM audit_log) c`);
    const row = (rows as Array<{ n: number; unlinked: number }>)[0]!;
    expect(row.n).toBeGreaterThanOrEqual(7);
    expect(row.unlinked).toBe(0);
    const report = await verifyAuditChain(t.db);
    expect(report).toEqual({ ok: true, entries: row.n });
  });

  it('an entry whose detail is edited in SQL is named', async () => {
    const all = await ids();
    const victim = all[2]!;
    const report = await tampered((tx) =>
      tx.execute(sql`UPDATE audit_log SET detail = '{"n": 99}'::jsonb WHERE id = ${victim}`).then(() => {}),
    );
    expect(report).toMatchObject({
      ok: false,
      entries: 2,
      broken: { id: victim, chainSeq: 3, reason: expect.stringContaining('changed') },
    });
    // Any field counts: the actor's address, the time.
    const ip = await tampered((tx) =>
      tx.execute(sql`UPDATE audit_log SET ip = '10.9.9.9' WHERE id = ${all[4]!}`).then(() => {}),
    );
    expect(ip).toMatchObject({ ok: false, broken: { id: all[4] } });
    const at = await tampered((tx) =>
      tx.execute(sql`UPDATE audit_log SET at = at - interval '1 second' WHERE id = ${all[1]!}`).then(() => {}),
    );
    expect(at).toMatchObject({ ok: false, broken: { id: all[1] } });
    // Editing the entry and recomputing its own hash still breaks the next link.
    const rehashed = await tampered((tx) =>
      tx
        .execute(sql`UPDATE audit_log a SET detail = '{"n": 99}'::jsonb WHERE id = ${victim}`)
        .then(() =>
          tx.execute(sql`UPDATE audit_log a SET hash = audit_entry_hash(a.prev_hash, a) WHERE id = ${victim}`),
        )
        .then(() => {}),
    );
    expect(rehashed).toMatchObject({ ok: false, broken: { id: all[3], reason: expect.stringContaining('link') } });
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true });
  });

  it('a deleted entry is named by the gap it leaves; entries deleted from the end are found by the head', async () => {
    const all = await ids();
    const middle = await tampered((tx) => tx.execute(sql`DELETE FROM audit_log WHERE id = ${all[3]!}`).then(() => {}));
    expect(middle).toMatchObject({
      ok: false,
      entries: 3,
      broken: { id: all[4], chainSeq: 5, reason: expect.stringContaining('chain_seq 4 missing') },
    });
    const last = await tampered((tx) =>
      tx.execute(sql`DELETE FROM audit_log WHERE id = ${all.at(-1)!}`).then(() => {}),
    );
    expect(last).toMatchObject({
      ok: false,
      entries: all.length - 1,
      broken: { id: null, reason: expect.stringContaining('removed') },
    });
    const renumbered = await tampered((tx) =>
      tx
        .execute(sql`DELETE FROM audit_log WHERE id = ${all[3]!}`)
        .then(() => tx.execute(sql`UPDATE audit_log SET chain_seq = chain_seq - 1 WHERE chain_seq > 4`))
        .then(() => {}),
    );
    expect(renumbered).toMatchObject({ ok: false, broken: { id: all[4] } });
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true });
  });

  it('concurrent appends from many transactions keep the chain valid and gap-free', async () => {
    const before = (await ids()).length;
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        t.db.transaction(async (tx) => {
          await writeAudit(tx, system, { action: 'test.concurrent', targetId: i });
          await writeAudit(tx, system, { action: 'test.concurrent', targetId: i, detail: { second: true } });
        }),
      ),
    );
    // A rolled-back transaction leaves no hole in the chain.
    await t.db
      .transaction(async (tx) => {
        await writeAudit(tx, system, { action: 'test.rolled-back' });
        throw ROLLBACK;
      })
      .catch(() => {});
    await writeAudit(t.db, system, { action: 'test.after' });
    expect(await verifyAuditChain(t.db)).toEqual({ ok: true, entries: before + 81 });
  });
});

// On an embedded database of its own in both runs: it needs the schema as it was before 0012.
describe('migration 0012 on a database that already has audit entries', () => {
  it('chains the existing entries in id order, and new ones after them', async () => {
    const { PGlite } = await import('@electric-sql/pglite');
    const { wrapPglite } = await import('../../src/db/client');
    const { migrate, MIGRATIONS_DIR } = await import('../../src/db/migrate');
    const fs = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const before = fs.mkdtempSync(path.join(os.tmpdir(), 'ptce-migrations-'));
    for (const f of fs.readdirSync(MIGRATIONS_DIR).filter((f) => f < '0012'))
      fs.copyFileSync(path.join(MIGRATIONS_DIR, f), path.join(before, f));
    const database = wrapPglite(await PGlite.create());
    try {
      await migrate(database, before);
      await database.db.execute(sql`INSERT INTO audit_log (at, actor_name, action, result, ip, detail)
        SELECT now() - (n || ' minutes')::interval, '黄志强', 'old.entry', 'ok', '10.0.0.' || n, jsonb_build_object('n', n) FROM generate_series(1, 25) n`);
      await migrate(database);
      expect(await verifyAuditChain(database.db)).toEqual({ ok: true, entries: 25 });
      await writeAudit(database.db, system, { action: 'new.entry' });
      expect(await verifyAuditChain(database.db)).toEqual({ ok: true, entries: 26 });
      await database.db.execute(sql`UPDATE audit_log SET actor_name = '某人' WHERE detail->>'n' = '7'`);
      const report = await verifyAuditChain(database.db);
      expect(report).toMatchObject({ ok: false, entries: 6, broken: { chainSeq: 7 } });
    } finally {
      await database.close();
      fs.rmSync(before, { recursive: true, force: true });
    }
  }, 120_000);
});
