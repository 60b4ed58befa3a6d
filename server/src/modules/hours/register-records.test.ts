import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { setNow } from '../../clock';
import { auditLog, hourRecordEvents, hourRecords } from '../../db/schema/index';
import { buildProfessional, buildUnit, PASSWORD } from '../../../test/factories';
import { createTestApp, loggedIn, type TestApp } from '../../../test/helpers';
import { registerRecords, type NewRecord } from './register-record';
import { trainingBody } from '../../../test/kits/hours';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());
beforeEach(() => setNow('2024-06-15T10:00:00+08:00'));

const form = trainingBody();

const newRecord = (accountId: number, unitId: number, day: number): NewRecord => ({
  accountId,
  unitId,
  year: 2024,
  hours: 7.5,
  activityType: 'distance',
  title: `远程培训${day}`,
  organizer: '广西壮族自治区卫生健康委员会',
  place: '线上',
  startDate: `2024-03-${String(day).padStart(2, '0')}`,
  startHalf: 'am',
  endDate: `2024-03-${String(day).padStart(2, '0')}`,
  endHalf: 'pm',
  remarks: '',
});

const auditsOf = (action: string, ids: number[]) =>
  t.db
    .select()
    .from(auditLog)
    .where(
      and(
        eq(auditLog.action, action),
        inArray(
          auditLog.targetId,
          ids.map((id) => String(id)),
        ),
      ),
    );

describe('one command writes a record, its history entry and its audit entry', () => {
  it('新登记培训 writes the draft, its create history entry and its hours.record.create audit entry', async () => {
    const unit = await buildUnit(t.db);
    const p = await buildProfessional(t.db, { unitId: unit.id, name: '刘晓玲' });
    const c = await loggedIn(t, p.username, PASSWORD, 'person');
    const res = await c.post('/api/hours/records', form);
    expect(res.statusCode).toBe(201);
    const { id, hours } = res.json() as { id: number; hours: number };
    expect(hours).toBe(16);
    const [r] = await t.db.select().from(hourRecords).where(eq(hourRecords.id, id));
    expect(r).toMatchObject({
      accountId: p.id,
      year: 2024,
      hours: 16,
      status: 'draft',
      source: 'self',
      unitId: unit.id,
      createdBy: p.id,
      title: form.title,
    });
    const history = await t.db.select().from(hourRecordEvents).where(eq(hourRecordEvents.recordId, id));
    expect(history).toEqual([expect.objectContaining({ action: 'create', actorId: p.id, actorName: '刘晓玲' })]);
    const audits = await auditsOf('hours.record.create', [id]);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      actorAccountId: p.id,
      actorName: '刘晓玲',
      actorKind: 'professional',
      targetType: 'hour_record',
      result: 'ok',
    });
    expect(audits[0]!.detail).toEqual({ accountId: p.id, year: 2024, hours: 16 });
  });

  it('a batch writes every record with its history entry, and an audit entry each unless the caller audits the batch', async () => {
    const unit = await buildUnit(t.db);
    const p = await buildProfessional(t.db, { unitId: unit.id, name: '覃建华' });
    const admin = { id: p.id, name: '吴学军', kind: 'unit_admin' as const };
    const who = { actor: admin, ip: '127.0.0.1' };

    const unaudited = await t.db.transaction((tx) =>
      registerRecords(
        tx,
        who,
        [1, 2, 3].map((d) => newRecord(p.id, unit.id, d)),
        { source: 'import', auditEach: false },
      ),
    );
    expect(unaudited).toHaveLength(3);
    const rows = await t.db.select().from(hourRecords).where(inArray(hourRecords.id, unaudited));
    expect(rows.map((r) => r.title).sort()).toEqual(['远程培训1', '远程培训2', '远程培训3']);
    expect(rows.every((r) => r.source === 'import' && r.status === 'draft' && r.hours === 7.5)).toBe(true);
    const history = await t.db.select().from(hourRecordEvents).where(inArray(hourRecordEvents.recordId, unaudited));
    expect(history.map((h) => [h.action, h.actorName])).toEqual(Array(3).fill(['create', '吴学军']));
    expect(await auditsOf('hours.record.create', unaudited)).toEqual([]);

    const audited = await t.db.transaction((tx) =>
      registerRecords(
        tx,
        who,
        [4, 5].map((d) => newRecord(p.id, unit.id, d)),
        { source: 'unit', auditEach: true },
      ),
    );
    const audits = await auditsOf('hours.record.create', audited);
    expect(audits.map((a) => a.targetId).sort()).toEqual(audited.map(String).sort());
    for (const a of audits) {
      expect(a).toMatchObject({ actorAccountId: p.id, actorName: '吴学军', actorKind: 'unit_admin', ip: '127.0.0.1' });
      expect(a.detail).toEqual({ accountId: p.id, year: 2024, hours: 7.5 });
    }
  });
});
