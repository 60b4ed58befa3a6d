import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { now } from '../../clock';
import { trainingBases, trainingFilings, trainingFilingSessions, trainingFilingTeachers } from '../../db/schema/index';
import { buildAccount } from '../../../test/factories';
import { createTestApp, type TestApp } from '../../../test/helpers';
import { getFiling } from './index';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('getFiling (read by other areas through the index)', () => {
  it('returns a stored filing with its base, schedule, teachers, 备案号 and hours', async () => {
    const [base] = await t.db.select().from(trainingBases).where(eq(trainingBases.name, '广西大学'));
    const filer = await buildAccount(t.db, { kind: 'base', baseId: base!.id });
    const at = now();
    const [f] = await t.db
      .insert(trainingFilings)
      .values({
        baseId: base!.id,
        status: 'filed',
        filingNo: '桂继教备〔2026〕0001号',
        name: '数字经济专题研修班',
        industryCode: 'I',
        field: '信息技术',
        form: 'onsite',
        startDate: '2026-05-11',
        startHalf: 'am',
        endDate: '2026-05-11',
        endHalf: 'pm',
        place: '南宁市西乡塘区大学东路100号',
        plannedTrainees: 60,
        hours: 8,
        organiser: '广西大学',
        enrolment: 'public',
        year: 2026,
        createdBy: filer.id,
        createdAt: at,
        updatedAt: at,
        submittedAt: at,
        filedAt: at,
      })
      .returning();
    await t.db.insert(trainingFilingSessions).values([
      { filingId: f!.id, date: '2026-05-11', half: 'pm', topic: '数据要素市场', teacher: '韦建华' },
      { filingId: f!.id, date: '2026-05-11', half: 'am', topic: '数字经济概论', teacher: '韦建华' },
    ]);
    await t.db.insert(trainingFilingTeachers).values({ filingId: f!.id, position: 0, name: '韦建华', title: '教授' });

    const got = await getFiling(t.db, f!.id);
    expect(got).toMatchObject({
      id: f!.id,
      status: 'filed',
      filingNo: '桂继教备〔2026〕0001号',
      baseId: base!.id,
      baseName: '广西大学',
      hours: 8,
      startDate: '2026-05-11',
      enrolment: 'public',
      teachers: [{ name: '韦建华', title: '教授', employer: '' }],
      change: null,
    });
    expect(got!.sessions.map((s) => `${s.date}/${s.half}`)).toEqual(['2026-05-11/am', '2026-05-11/pm']);
  });

  it('returns null for a filing that does not exist', async () => {
    expect(await getFiling(t.db, 999_999)).toBeNull();
  });

  it('refuses a filed filing without a 备案号 (the table keeps the flow honest)', async () => {
    const [base] = await t.db.select().from(trainingBases).limit(1);
    const filer = await buildAccount(t.db, { kind: 'base', baseId: base!.id });
    const at = now();
    await expect(
      t.db.insert(trainingFilings).values({
        baseId: base!.id,
        status: 'filed',
        name: '无备案号',
        industryCode: 'I',
        field: '信息技术',
        form: 'online',
        startDate: '2026-05-11',
        startHalf: 'am',
        endDate: '2026-05-11',
        endHalf: 'am',
        place: '线上',
        plannedTrainees: 1,
        hours: 4,
        organiser: '广西大学',
        enrolment: 'internal',
        year: 2026,
        createdBy: filer.id,
        createdAt: at,
        updatedAt: at,
        submittedAt: at,
      }),
    ).rejects.toThrow();
  });
});
