import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setNow } from '../../clock';
import { maskIdNumber } from '../../domain/id-number';
import {
  buildAccount,
  buildDepartment,
  buildProfessional,
  buildRecord,
  buildUnit,
  idNumber,
  PASSWORD,
} from '../../../test/factories';
import { createTestApp, loggedIn, type TestApp, type TestClient } from '../../../test/helpers';
import { readWorkbook } from '../../../test/kits/excel';
import { writeAudit } from './write-audit';

let t: TestApp;
let op: TestClient;
const personId = idNumber({ birth: '19860412', gender: 'female' });
const world = {} as {
  unitId: number;
  unitName: string;
  personId: number;
  otherId: number;
  recordId: number;
  deptId: number;
  adminName: string;
  operatorUsername: string;
};

beforeAll(async () => {
  t = await createTestApp();
});
beforeAll(async () => {
  const unit = await buildUnit(t.db, { name: '钦州市第一人民医院' });
  const p = await buildProfessional(t.db, { unitId: unit.id, name: '韦丽华', idNumber: personId });
  const other = await buildProfessional(t.db, { unitId: unit.id, name: '黄志强' });
  const admin = await buildAccount(t.db, { kind: 'unit_admin', unitId: unit.id, name: '陆明辉' });
  const operator = await buildAccount(t.db, { kind: 'operator', name: '覃海燕' });
  const dept = await buildDepartment(t.db, unit.id, '内科');
  const rec = await buildRecord(t.db, {
    accountId: p.id,
    hours: 16,
    status: 'pending',
    title: '医院感染预防与控制专题培训班',
  });
  Object.assign(world, {
    unitId: unit.id,
    unitName: unit.name,
    personId: p.id,
    otherId: other.id,
    recordId: rec.id,
    deptId: dept.id,
    adminName: admin.name,
    operatorUsername: operator.username,
  });
  const adminCtx = { actor: { id: admin.id, name: admin.name, kind: admin.kind }, ip: '10.1.2.3' };
  const opCtx = { actor: { id: operator.id, name: operator.name, kind: operator.kind }, ip: '10.9.9.9' };
  setNow('2024-06-10T09:00:00+08:00');
  await writeAudit(t.db, adminCtx, {
    action: 'org.staff.update',
    targetType: 'account',
    targetId: p.id,
    detail: { fields: ['phone', 'email'], departmentId: null },
  });
  setNow('2024-06-11T23:30:00+08:00');
  await writeAudit(t.db, adminCtx, {
    action: 'hours.record.approve',
    targetType: 'hour_record',
    targetId: rec.id,
    detail: { count: 1, ids: [rec.id], opinion: null },
  });
  await writeAudit(t.db, adminCtx, {
    action: 'org.staff.update',
    targetType: 'account',
    targetId: other.id,
    detail: { fields: ['name'] },
  });
  setNow('2024-06-12T08:00:00+08:00');
  await writeAudit(t.db, opCtx, {
    action: 'org.department.update',
    targetType: 'department',
    targetId: dept.id,
    detail: { from: { name: '内科', parentId: null }, to: { name: '心血管内科' } },
  });
  await writeAudit(t.db, opCtx, {
    action: 'org.unit.update',
    targetType: 'unit',
    targetId: unit.id,
    detail: { fields: ['name', 'regionCode'] },
  });
  setNow('2024-06-15T10:00:00+08:00');
  op = await loggedIn(t, operator.username, PASSWORD, 'authority');
});
afterAll(async () => t.close());

type Item = {
  action: string;
  actionLabel: string;
  actorName: string | null;
  actorRole: string | null;
  targetType: string | null;
  targetId: string | null;
  target: { typeLabel: string; name: string | null; idNumberMasked: string | null } | null;
  change: string[];
  ip: string | null;
  at: string;
};
async function search(query: string): Promise<{ total: number; items: Item[] }> {
  const res = await op.get(`/api/audit?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe('审计日志 in Chinese', () => {
  it('shows each entry with its Chinese action, the actor and role, the target by name and masked ID, and what changed', async () => {
    const { items } = await search(`target=${personId}`);
    const approve = items.find((i) => i.action === 'hours.record.approve')!;
    expect(approve).toMatchObject({
      actionLabel: '审核通过',
      actorName: '陆明辉',
      actorRole: '单位管理员',
      targetType: 'hour_record',
      target: {
        typeLabel: '培训登记',
        name: '韦丽华 《医院感染预防与控制专题培训班》',
        idNumberMasked: maskIdNumber(personId),
      },
      ip: '10.1.2.3',
    });
    expect(approve.target!.idNumberMasked).not.toContain(personId.slice(6, 14));
    expect(approve.change).toEqual(['条数：1', '审核意见：空']);
    const edit = items.find((i) => i.action === 'org.staff.update')!;
    expect(edit.target).toEqual({ typeLabel: '账号', name: '韦丽华', idNumberMasked: maskIdNumber(personId) });
    expect(edit.change).toEqual(['修改项：联系电话、电子邮箱', '部门编号：空']);

    const { items: dept } = await search('action=org.department.update');
    expect(dept).toHaveLength(1);
    // The target by its name now (the entry was written without renaming it).
    expect(dept[0]!.target).toEqual({ typeLabel: '部门', name: '内科', idNumberMasked: null });
    expect(dept[0]!.change).toEqual(['名称：内科 → 心血管内科']);
    expect(dept[0]!.actorRole).toBe('平台管理员');
  });

  it('finds a person by ID number or name: their account and what they own, nobody else', async () => {
    const byId = await search(`target=${personId}`);
    expect(byId.items.map((i) => i.action).sort()).toEqual(['hours.record.approve', 'org.staff.update']);
    expect(byId.items.every((i) => i.targetId !== String(world.otherId))).toBe(true);
    const byName = await search(`target=${encodeURIComponent('韦丽华')}`);
    expect(byName.total).toBe(2);
    // An ID number is matched whole; a part of one finds nothing.
    expect((await search(`target=${personId.slice(0, 10)}`)).total).toBe(0);
    const unit = await search(`target=${encodeURIComponent(world.unitName)}`);
    expect(unit.items.map((i) => [i.action, i.target?.name])).toEqual([['org.unit.update', world.unitName]]);
  });

  it('filters by actor (name or username), action (exact code) and Shanghai dates', async () => {
    const byAdmin = await search(`actor=${encodeURIComponent(world.adminName)}`);
    expect(byAdmin.total).toBe(3);
    const byOperatorLogin = await search(`actor=${world.operatorUsername}&action=org.unit.update`);
    expect(byOperatorLogin.items.map((i) => i.action)).toEqual(['org.unit.update']);
    expect((await search('action=hours.record')).total).toBe(0);
    // 2024-06-11 23:30 Shanghai is 15:30 UTC: the 11th in Shanghai, whatever UTC says.
    const day = await search('from=2024-06-11&to=2024-06-11');
    expect(day.items.map((i) => i.action).sort()).toEqual(['hours.record.approve', 'org.staff.update']);
    const range = await search(`from=2024-06-10&to=2024-06-12&actor=${encodeURIComponent(world.adminName)}`);
    expect(range.total).toBe(3);
    expect((await search('from=2024-06-13&to=2024-06-14')).total).toBe(0);
  });

  it('exports the filtered log to a real .xlsx with Chinese headers and labels, and audits the export', async () => {
    const res = await op.get(`/api/audit/export?target=${personId}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain('审计日志_');
    const ws = (await readWorkbook(res.rawPayload)).worksheets[0]!;
    expect(ws.name).toBe('审计日志');
    const rows = ws.getSheetValues().filter(Boolean) as unknown[][];
    expect(rows[0]!.slice(1)).toEqual([
      '时间',
      '操作',
      '操作人',
      '操作人角色',
      '对象类型',
      '对象',
      '身份证号码',
      '变更',
      '结果',
      '客户端地址',
      '操作代码',
    ]);
    const data = rows.slice(1).map((r) => r.slice(1));
    expect(data).toHaveLength(2);
    // Newest first, like the list; times in Shanghai.
    expect(data[0]).toEqual([
      '2024-06-11 23:30',
      '审核通过',
      '陆明辉',
      '单位管理员',
      '培训登记',
      '韦丽华 《医院感染预防与控制专题培训班》',
      maskIdNumber(personId),
      '条数：1；审核意见：空',
      '成功',
      '10.1.2.3',
      'hours.record.approve',
    ]);
    expect(data[1]![1]).toBe('修改专业技术人员信息');
    const audit = await search('action=exports.audit');
    expect(audit.items[0]).toMatchObject({ actionLabel: '导出：审计日志', actorRole: '平台管理员' });
    expect(audit.items[0]!.change).toContain('行数：2');
  });

  it('keeps the log to operators', async () => {
    const p = await buildProfessional(t.db);
    const c = await loggedIn(t, p.username, PASSWORD);
    expect((await c.get('/api/audit/export')).statusCode).toBe(403);
    expect((await t.client().get('/api/audit/export')).statusCode).toBe(401);
  });
});
