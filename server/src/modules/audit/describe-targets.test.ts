import fs from 'node:fs';
import path from 'node:path';
import { AUDIT_TARGET_TYPE_LABEL } from '@ptce/contracts';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { now } from '../../clock';
import { accounts, courses, integrationClients, makeupRequests, notices } from '../../db/schema/index';
import { maskIdNumber } from '../../domain/id-number';
import { buildAccount, buildProfessional, buildUnit } from '../../../test/factories';
import { createTestApp, type TestApp } from '../../../test/helpers';
import { describeTargets, NAMERS } from './describe-targets';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

/** Every target_type the server writes: `targetType: 'x'` (writeAudit) and `targetType: \`'x'\`` (auditEntriesSql). */
function writtenTargetTypes(): string[] {
  const found = new Set<string>();
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.ts$/.test(e.name) && !/\.test\.ts$/.test(e.name))
        for (const m of fs.readFileSync(p, 'utf8').matchAll(/targetType: `?'([a-z_]+)'`?/g)) found.add(m[1]!);
    }
  };
  walk(path.resolve(import.meta.dirname, '../..'));
  return [...found].sort();
}

describe('对象 of the 审计日志', () => {
  it('names every kind of target the server writes, and labels it in Chinese', () => {
    const written = writtenTargetTypes();
    // the scan itself finds what it should
    expect(written).toEqual(
      expect.arrayContaining(['account', 'hour_record', 'notice', 'course', 'integration_client']),
    );
    for (const type of written) {
      expect(type === 'account' || Object.hasOwn(NAMERS, type), `no namer for ${type}`).toBe(true);
      expect(Object.hasOwn(AUDIT_TARGET_TYPE_LABEL, type), `no label for ${type}`).toBe(true);
    }
  });

  it('names notices, courses, integration clients, makeup requests and units; a person’s request with their masked ID', async () => {
    const at = now();
    const unit = await buildUnit(t.db, { name: '梧州市红十字会医院' });
    const p = await buildProfessional(t.db, { name: '李文华', unitId: unit.id });
    const [notice] = await t.db
      .insert(notices)
      .values({
        title: '关于做好2027年度专业技术人员继续教育工作的通知',
        audience: 'everyone',
        createdAt: at,
        updatedAt: at,
      })
      .returning();
    const [course] = await t.db
      .insert(courses)
      .values({
        code: 'T-DESCRIBE-1',
        title: '数字经济与创新驱动发展',
        kind: 'elective',
        year: 2027,
        status: 'draft',
        createdAt: at,
        updatedAt: at,
      })
      .returning();
    const machine = await buildAccount(t.db, { kind: 'integration', name: '行业学时管理系统' });
    const [client] = await t.db
      .insert(integrationClients)
      .values({ accountId: machine.id, name: '广西卫生健康委继续医学教育学分系统', createdAt: at, updatedAt: at })
      .returning();
    const [request] = await t.db
      .insert(makeupRequests)
      .values({
        accountId: p.id,
        planYear: 2024,
        roundNo: 1,
        reason: '三次考试未通过',
        phone: '13977100001',
        createdAt: at,
      })
      .returning();
    const [row] = await t.db.select().from(accounts).where(eq(accounts.id, p.id));

    const ref = (targetType: string, id: number | string) => ({ targetType, targetId: String(id) });
    const described = await describeTargets(t.db, [
      ref('notice', notice!.id),
      ref('course', course!.id),
      ref('integration_client', client!.id),
      ref('makeup_request', request!.id),
      ref('unit', unit.id),
      ref('notice', 999999),
      { targetType: null, targetId: null },
    ]);
    expect(described).toEqual([
      { typeLabel: '通知公告', name: '《关于做好2027年度专业技术人员继续教育工作的通知》', idNumberMasked: null },
      { typeLabel: '课程', name: '《数字经济与创新驱动发展》（2027年度选修课）', idNumberMasked: null },
      { typeLabel: '行业接口客户端', name: '广西卫生健康委继续医学教育学分系统', idNumberMasked: null },
      { typeLabel: '补考申请', name: '李文华 2024年度补考申请', idNumberMasked: maskIdNumber(row!.idNumber!) },
      { typeLabel: '单位', name: '梧州市红十字会医院', idNumberMasked: null },
      // gone since: its kind and number
      { typeLabel: '通知公告', name: '#999999', idNumberMasked: null },
      null,
    ]);
  });
});
