import { and, eq, inArray, sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { setNow } from '../../src/clock';
import {
  accounts,
  auditLog,
  departments,
  hourEvidence,
  hourRecordEvents,
  hourRecords,
  units,
} from '../../src/db/schema/index';
import { idNumberIs } from '../../src/db/pii-lookup';
import { buildAccount, buildAuthority, buildProfessional, creditCode, idNumber } from '../factories';
import { buildWorld, createCatalogedApp, type MatrixRole } from './catalog';
import { solveCaptcha } from '../helpers';
import { trainingBody } from '../kits/hours';

/**
 * Races not covered by the area tests (which already check: one ID number registered 5× at once,
 * one record submitted 5× at once, one approval sent 10× at once). With TEST_DATABASE_URL the
 * requests run on a pool of 10 PostgreSQL connections, so they really overlap; on PGlite they
 * interleave at every await. Each scenario runs several rounds.
 */
const NOW = '2024-06-15T10:00:00+08:00';
setNow(NOW);
const { t } = await createCatalogedApp();
afterAll(async () => t.close());
beforeEach(() => setNow(NOW));
const world = await buildWorld(t, '竞态');
const { unit1, deptA, pA } = world;
const ROUNDS = 5;

type Who = MatrixRole | { accountId: number } | { headers: Record<string, string> };
async function sessionOf(accountId: number) {
  const s = await t.app.deps.sessions.create(t.db, accountId, {});
  return { cookie: `ptce_sid=${s.token}`, 'x-csrf-token': s.csrfToken };
}
async function send(
  who: Who,
  method: 'POST' | 'PUT' | 'DELETE' | 'PATCH',
  url: string,
  body: unknown,
): Promise<LightMyRequestResponse> {
  const headers =
    typeof who !== 'object'
      ? await world.headersFor(who)
      : 'headers' in who
        ? who.headers
        : await sessionOf(who.accountId);
  return t.app.inject({
    method,
    url,
    headers: { ...headers, 'content-type': 'application/json' },
    payload: JSON.stringify(body),
  });
}

const record = (over: Record<string, unknown> = {}) =>
  trainingBody({ title: '竞态测试培训班', organizer: '主办单位', ...over });
// Each draft is another training (the same training twice is refused).
let trainings = 0;
async function draft(accountId = pA.id): Promise<number> {
  const res = await send(
    { accountId },
    'POST',
    '/api/hours/records',
    record({ title: `竞态测试培训班（第${++trainings}期）` }),
  );
  expect(res.statusCode).toBe(201);
  return res.json().id;
}
async function pending(accountId = pA.id): Promise<number> {
  const id = await draft(accountId);
  expect(
    (await send({ accountId }, 'POST', '/api/hours/records/submit', { ids: [id], target: 'unit' })).statusCode,
  ).toBe(200);
  return id;
}
const events = async (id: number) =>
  (
    await t.db
      .select()
      .from(hourRecordEvents)
      .where(eq(hourRecordEvents.recordId, id))
      .orderBy(hourRecordEvents.at, hourRecordEvents.id)
  ).map((e) => e.action);
const rowOf = async (id: number) => (await t.db.select().from(hourRecords).where(eq(hourRecords.id, id)))[0];
const statuses = (rs: LightMyRequestResponse[]) =>
  rs
    .map((r) => r.statusCode)
    .sort()
    .join(',');
const never5xx = (rs: LightMyRequestResponse[]) =>
  expect(rs.filter((r) => r.statusCode >= 500).map((r) => r.body)).toEqual([]);

describe('review decisions', () => {
  it('two reviewers approving overlapping batches at once decide each record exactly once', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const ids = await Promise.all(Array.from({ length: 6 }, () => pending()));
      const [first, second] = await Promise.all([
        send('unit_admin', 'POST', '/api/hours/review/approve', { ids: ids.slice(0, 4) }),
        send('dept_admin', 'POST', '/api/hours/review/approve', { ids: ids.slice(2) }),
      ]);
      never5xx([first, second]);
      const doneA: number[] = first.statusCode === 200 ? first.json().done : [];
      const doneB: number[] = second.statusCode === 200 ? second.json().done : [];
      expect(doneA.filter((id) => doneB.includes(id))).toEqual([]);
      expect([...doneA, ...doneB].sort()).toEqual([...ids].sort());
      for (const id of ids) expect((await events(id)).filter((a) => a === 'approve')).toHaveLength(1);
    }
  });

  it('approve and reject racing on one record: one decision wins, and status, opinion and history agree', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const id = await pending();
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          i % 2
            ? send('unit_admin', 'POST', '/api/hours/review/reject', { ids: [id], opinion: '材料不全' })
            : send('dept_admin', 'POST', '/api/hours/review/approve', { ids: [id] }),
        ),
      );
      never5xx(results);
      expect(results.filter((r) => r.statusCode === 200)).toHaveLength(1);
      const decisions = (await events(id)).filter((a) => a === 'approve' || a === 'reject');
      expect(decisions).toHaveLength(1);
      const r = await rowOf(id);
      expect(r!.status).toBe(decisions[0] === 'approve' ? 'approved' : 'rejected');
      expect(r!.opinion).toBe(decisions[0] === 'approve' ? null : '材料不全');
    }
  });

  it('withdraw racing with approve: either withdrawn (a draft, never approved) or approved (withdraw refused)', async () => {
    const outcomes = new Set<string>();
    for (let round = 0; round < ROUNDS * 2; round++) {
      const id = await pending();
      const [w, a] = await Promise.all([
        send({ accountId: pA.id }, 'POST', `/api/hours/records/${id}/withdraw`, {}),
        send('unit_admin', 'POST', '/api/hours/review/approve', { ids: [id] }),
      ]);
      never5xx([w, a]);
      const r = (await rowOf(id))!;
      const ev = await events(id);
      if (r.status === 'draft') {
        expect([w.statusCode, a.statusCode]).toEqual([200, 409]);
        expect(ev).toEqual(['create', 'submit', 'withdraw']);
        expect(r.decidedAt).toBeNull();
      } else {
        expect(r.status).toBe('approved');
        expect([w.statusCode, a.statusCode]).toEqual([409, 200]);
        expect(ev).toEqual(['create', 'submit', 'approve']);
      }
      outcomes.add(r.status);
    }
    expect(outcomes.size).toBeGreaterThan(0);
  });

  it('the owner deleting a 待初审 record while it is approved: deleted (and no approval) or approved (delete refused)', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const id = await pending();
      const [d, a] = await Promise.all([
        send({ accountId: pA.id }, 'DELETE', `/api/hours/records/${id}`, {}),
        send('unit_admin', 'POST', '/api/hours/review/approve', { ids: [id] }),
      ]);
      never5xx([d, a]);
      const r = await rowOf(id);
      if (!r) {
        expect([d.statusCode, a.statusCode]).toEqual([200, 404]);
        expect(await events(id)).toEqual([]); // history goes with the record
        expect(
          await t.db
            .select()
            .from(auditLog)
            .where(and(eq(auditLog.action, 'hours.record.approve'), eq(auditLog.targetId, String(id)))),
        ).toHaveLength(0);
      } else {
        expect(r.status).toBe('approved');
        expect([d.statusCode, a.statusCode]).toEqual([403, 200]);
      }
    }
  });
});

describe('submission', () => {
  it('submitted to the unit and to an authority at the same moment: it goes to exactly one of them', async () => {
    const authority = await buildAuthority(t.db, { name: '竞态测试主管部门', industryCode: 'Q' });
    for (let round = 0; round < ROUNDS; round++) {
      const id = await draft();
      const results = await Promise.all([
        send({ accountId: pA.id }, 'POST', '/api/hours/records/submit', { ids: [id], target: 'unit' }),
        send({ accountId: pA.id }, 'POST', '/api/hours/records/submit', {
          ids: [id],
          target: 'authority',
          authorityId: authority.id,
        }),
        send('unit_admin', 'POST', '/api/hours/records/submit', { ids: [id], target: 'unit' }),
      ]);
      never5xx(results);
      expect(results.filter((r) => r.statusCode === 200 && r.json().done.length === 1)).toHaveLength(1);
      const r = (await rowOf(id))!;
      expect(r.status).toBe('pending');
      expect(r.reviewTarget === 'unit' ? r.authorityId : r.authorityId === authority.id).toBe(
        r.reviewTarget === 'unit' ? null : true,
      );
      expect((await events(id)).filter((a) => a === 'submit')).toHaveLength(1);
    }
  });

  it('an edit racing with the submission never changes what was submitted', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const id = await draft();
      const original = (await rowOf(id))!.title;
      const edited = `修改后的标题（第${round + 1}轮）`;
      const [edit, sub] = await Promise.all([
        send({ accountId: pA.id }, 'PUT', `/api/hours/records/${id}`, record({ title: edited })),
        send({ accountId: pA.id }, 'POST', '/api/hours/records/submit', { ids: [id], target: 'unit' }),
      ]);
      never5xx([edit, sub]);
      const ev = await events(id);
      // Whatever the order, no edit lands after the submission.
      expect(ev.lastIndexOf('update') < ev.indexOf('submit') || !ev.includes('update')).toBe(true);
      expect((await rowOf(id))!.title).toBe(edit.statusCode === 200 ? edited : original);
    }
  });

  // Was a defect: the status was checked before the transaction only; now it is re-read under the lock.
  it('an evidence file uploaded while the record is being submitted is refused, not attached to a 待初审 record', async () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    const late: number[] = [];
    for (let round = 0; round < ROUNDS * 2; round++) {
      const id = await draft();
      const s = await t.app.deps.sessions.create(t.db, pA.id, {});
      const boundary = '----ptcerace' + round;
      const body = Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="证明.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
        ),
        pdf,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      const upload = t.app.inject({
        method: 'POST',
        url: `/api/hours/records/${id}/evidence`,
        payload: body,
        headers: {
          cookie: `ptce_sid=${s.token}`,
          'x-csrf-token': s.csrfToken,
          'content-type': `multipart/form-data; boundary=${boundary}`,
        },
      });
      await new Promise((r) => setTimeout(r, round % 3));
      const [up, sub] = await Promise.all([
        upload,
        send({ accountId: pA.id }, 'POST', '/api/hours/records/submit', { ids: [id], target: 'unit' }),
      ]);
      never5xx([up, sub]);
      // The audit entries are written inside each transaction: their order is the order of the commits.
      const audits = await t.db
        .select()
        .from(auditLog)
        .where(eq(auditLog.targetId, String(id)));
      const submitted = audits.find((a) => a.action === 'hours.record.submit');
      const attached = audits.find((a) => a.action === 'hours.evidence.add');
      if (submitted && attached && attached.id > submitted.id) late.push(id);
      if (up.statusCode === 201)
        expect(await t.db.select().from(hourEvidence).where(eq(hourEvidence.recordId, id))).toHaveLength(1);
    }
    expect(late).toEqual([]);
  });
});

describe('organization', () => {
  it('one ID number registered with “x” and “X” at once: one account', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      let id = idNumber();
      while (!id.endsWith('X')) id = idNumber();
      const body = (v: string) => ({
        idNumber: v,
        name: '覃竞态',
        phone: '13800138000',
        unitId: unit1.id,
        password: 'Abcdefg123',
      });
      const captchas = await Promise.all(Array.from({ length: 5 }, () => solveCaptcha(t.app)));
      const results = await Promise.all(
        [id, id.toLowerCase(), ` ${id}`, id, id.toLowerCase()].map((v, i) =>
          t.app.inject({
            method: 'POST',
            url: '/api/auth/register',
            headers: { 'content-type': 'application/json' },
            payload: JSON.stringify({ ...body(v), ...captchas[i] }),
          }),
        ),
      );
      never5xx(results);
      expect(statuses(results)).toBe('201,409,409,409,409');
      expect(await t.db.select().from(accounts).where(idNumberIs(id))).toHaveLength(1);
    }
  });

  it('the same department, unit and admin created 8× at once: one each, the rest 409', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const dept = `竞态部门${round}`;
      const code = creditCode();
      const admin = idNumber();
      const [d, u, a] = await Promise.all([
        Promise.all(
          Array.from({ length: 8 }, () => send('unit_admin', 'POST', '/api/org/departments', { name: dept })),
        ),
        Promise.all(
          Array.from({ length: 8 }, () =>
            send('operator', 'POST', '/api/units', {
              name: `竞态单位${round}`,
              creditCode: code,
              regionCode: '450103',
            }),
          ),
        ),
        Promise.all(
          Array.from({ length: 8 }, () =>
            send('unit_admin', 'POST', '/api/org/admins', {
              idNumber: admin,
              name: '竞态管理员',
              phone: '13800138000',
            }),
          ),
        ),
      ]);
      for (const rs of [d, u, a]) {
        never5xx(rs);
        expect(statuses(rs)).toBe('201,409,409,409,409,409,409,409');
      }
      expect(
        await t.db
          .select()
          .from(departments)
          .where(and(eq(departments.unitId, unit1.id), eq(departments.name, dept))),
      ).toHaveLength(1);
      expect(await t.db.select().from(units).where(eq(units.creditCode, code))).toHaveLength(1);
      expect(
        await t.db
          .select()
          .from(accounts)
          .where(and(idNumberIs(admin), eq(accounts.kind, 'unit_admin'))),
      ).toHaveLength(1);
    }
  });

  it('two total admins removing each other at once: the unit keeps a total admin', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const a = await buildAccount(t.db, { kind: 'unit_admin', unitId: unit1.id });
      const b = await buildAccount(t.db, { kind: 'unit_admin', unitId: unit1.id });
      // The world's own total admin steps aside (moved into a department) so a and b are the only two.
      await t.db
        .update(accounts)
        .set({ departmentId: deptA.id })
        .where(
          and(
            eq(accounts.unitId, unit1.id),
            eq(accounts.kind, 'unit_admin'),
            sql`${accounts.id} NOT IN (${a.id}, ${b.id})`,
            sql`${accounts.departmentId} IS NULL`,
          ),
        );
      // Sessions first: once one admin is deleted, a session can no longer be made for them.
      const [asA, asB] = [{ headers: await sessionOf(a.id) }, { headers: await sessionOf(b.id) }];
      const results = await Promise.all([
        send(asA, 'DELETE', `/api/org/admins/${b.id}`, {}),
        send(asB, 'DELETE', `/api/org/admins/${a.id}`, {}),
        send(asA, 'PATCH', `/api/org/admins/${b.id}`, { loginEnabled: false }),
        send(asB, 'PATCH', `/api/org/admins/${a.id}`, { departmentId: deptA.id }),
      ]);
      never5xx(results);
      const left = await t.db
        .select()
        .from(accounts)
        .where(
          and(
            eq(accounts.unitId, unit1.id),
            eq(accounts.kind, 'unit_admin'),
            sql`${accounts.departmentId} IS NULL`,
            eq(accounts.loginEnabled, true),
          ),
        );
      expect(left.length).toBeGreaterThanOrEqual(1);
      // Restore: the world's total admin is a total admin again; a and b leave.
      await t.db.update(accounts).set({ departmentId: null }).where(eq(accounts.id, world.identities.unit_admin));
      await t.db.delete(accounts).where(inArray(accounts.id, [a.id, b.id]));
    }
  });

  it('staff removal racing with a registration for that person: the record stays with the unit it was registered in', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const p = await buildProfessional(t.db, { unitId: unit1.id, departmentId: deptA.id });
      const [rm, reg] = await Promise.all([
        send('unit_admin', 'POST', `/api/org/staff/${p.id}/remove`, { reason: '调离' }),
        send('dept_admin', 'POST', '/api/hours/records', { ...record(), accountId: p.id }),
      ]);
      never5xx([rm, reg]);
      // Either the registration came first (the record belongs to unit 1, where the person was) or the
      // removal did (the person is out of the admin's scope: refused, nothing written).
      if (reg.statusCode === 201) {
        expect((await rowOf(reg.json().id))!.unitId).toBe(unit1.id);
      } else {
        expect(reg.statusCode).toBe(400);
        expect(await t.db.select().from(hourRecords).where(eq(hourRecords.accountId, p.id))).toEqual([]);
      }
      expect(rm.statusCode).toBe(200);
    }
  });
});
