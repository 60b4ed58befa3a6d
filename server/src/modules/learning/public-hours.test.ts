import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { setNow } from '../../clock';
import { auditLog, publicCredits } from '../../db/schema/index';
import { buildProfessional, buildUnit } from '../../../test/factories';
import { createTestApp, type TestApp } from '../../../test/helpers';
import { creditPublicHours } from './public-hours';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());
beforeEach(() => setNow('2024-06-15T10:00:00+08:00'));

const auditsOf = (action: string, accountId: number) =>
  t.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.targetId, String(accountId))));

describe('one command credits public hours', () => {
  it('credits once, with one learning.credit audit entry naming the credit', async () => {
    const unit = await buildUnit(t.db);
    const p = await buildProfessional(t.db, { unitId: unit.id, name: '黄丽' });
    const audit = { actor: { id: p.id, name: '黄丽', kind: 'professional' as const }, ip: '127.0.0.1' };
    const credit = { accountId: p.id, year: 2024, kind: 'elective' as const, hours: 10, source: 'electives' };
    expect(await t.db.transaction((tx) => creditPublicHours(tx, audit, credit))).toBe(true);
    expect(await t.db.transaction((tx) => creditPublicHours(tx, audit, credit))).toBe(false);
    const rows = await t.db.select().from(publicCredits).where(eq(publicCredits.accountId, p.id));
    expect(rows).toEqual([expect.objectContaining({ year: 2024, kind: 'elective', hours: 10, source: 'electives' })]);
    const audits = await auditsOf('learning.credit', p.id);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorAccountId: p.id, actorName: '黄丽', actorKind: 'professional' });
    expect(audits[0]!.detail).toEqual({ year: 2024, kind: 'elective', hours: 10, source: 'electives' });
  });
});
