import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { now, setNow } from '../../clock';
import { trainingBases, trainingClasses, trainingClassTrainees, trainingFilings } from '../../db/schema/index';
import { buildAccount, buildProfessional, buildUnit, PASSWORD } from '../../../test/factories';
import { createTestApp, loggedIn, type TestClient } from '../../../test/helpers';

/**
 * 学员 (the trainees of all an organiser's classes) and the base console's statistics: each organiser sees
 * its own classes' trainees only, ID numbers masked; filters by year, 考核结果, name or ID number; paged.
 */
const NOW = '2024-06-15T10:00:00+08:00';
setNow(NOW);
beforeEach(() => setNow(NOW));
const t = await createTestApp();
afterAll(async () => t.close());

const hospital = await buildUnit(t.db, { name: '南宁市第一人民医院', industryCode: 'Q', regionCode: '450103' });
const unitAdmin = await buildAccount(t.db, { kind: 'unit_admin', unitId: hospital.id });
const unitOrganiser = await loggedIn(t, unitAdmin.username, PASSWORD, 'unit');

const [baseA, baseB] = await t.db.select().from(trainingBases).orderBy(asc(trainingBases.id)).limit(2);
const accA = await buildAccount(t.db, { kind: 'base', baseId: baseA!.id });
const accB = await buildAccount(t.db, { kind: 'base', baseId: baseB!.id });
const gxu = await loggedIn(t, accA.username, PASSWORD, 'authority');
const otherBase = await loggedIn(t, accB.username, PASSWORD, 'authority');

async function filedClass(baseId: number, createdBy: number, client: TestClient, name: string, no: string) {
  const at = now();
  const [filing] = await t.db
    .insert(trainingFilings)
    .values({
      baseId,
      status: 'filed',
      filingNo: no,
      name,
      industryCode: 'I',
      field: '信息技术',
      form: 'onsite',
      startDate: '2024-05-13',
      startHalf: 'am',
      endDate: '2024-05-15',
      endHalf: 'pm',
      place: '南宁市西乡塘区大学东路100号',
      plannedTrainees: 60,
      hours: 24,
      organiser: '广西大学',
      enrolment: 'public',
      year: 2024,
      createdBy,
      createdAt: at,
      updatedAt: at,
      submittedAt: at,
      filedAt: at,
    })
    .returning();
  const res = await client.post('/api/classes', { filingId: filing!.id });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { id: number; filingId: number };
}

const people = await Promise.all(
  Array.from({ length: 7 }, (_, i) =>
    buildProfessional(t.db, { unitId: hospital.id, name: i === 0 ? '黄丽萍' : `学员${i}号` }),
  ),
);

async function add(client: TestClient, classId: number, p: (typeof people)[number], hours: number, passed: boolean) {
  const res = await client.post(`/api/classes/${classId}/trainees`, {
    name: p.name,
    idNumber: p.username,
    unit: '南宁市第一人民医院',
    hours,
    result: passed ? 'passed' : 'failed',
  });
  expect(res.statusCode, res.body).toBe(200);
}

// Base A: a 2024 class of 5 trainees (4 合格: 24 + 24 + 20 + 16 h) and a 2023 class of 1 (合格, 12 h);
// base B: a class of 2 (both people also trainees of A); the unit: a class of 1.
const classA = await filedClass(baseA!.id, accA.id, gxu, '数字经济专题研修班', '桂继教备〔2024〕0007号');
await add(gxu, classA.id, people[0]!, 24, true);
await add(gxu, classA.id, people[1]!, 24, true);
await add(gxu, classA.id, people[2]!, 20, true);
await add(gxu, classA.id, people[3]!, 16, true);
await add(gxu, classA.id, people[4]!, 8, false);
const classB = await filedClass(baseB!.id, accB.id, otherBase, '人工智能应用研修班', '桂继教备〔2024〕0008号');
await add(otherBase, classB.id, people[0]!, 24, true);
await add(otherBase, classB.id, people[5]!, 24, true);
const unitClass = await unitOrganiser.post('/api/classes', {
  title: '急危重症护理新技术培训班',
  category: '护理',
  place: '南宁市青秀区',
  startDate: '2024-03-04',
  startHalf: 'am',
  endDate: '2024-03-04',
  endHalf: 'pm',
});
expect(unitClass.statusCode, unitClass.body).toBe(200);
await add(unitOrganiser, unitClass.json().id, people[6]!, 8, true);

// A class of 2023 (its year closed for new classes today), written straight to the tables.
const [filing2024] = await t.db.select().from(trainingFilings).where(eq(trainingFilings.id, classA.filingId));
const { id: _filing2024Id, ...filing2023 } = filing2024!;
const [old] = await t.db
  .insert(trainingFilings)
  .values({
    ...filing2023,
    filingNo: '桂继教备〔2023〕0001号',
    year: 2023,
    startDate: '2023-09-04',
    endDate: '2023-09-06',
  })
  .returning();
const [oldClass] = await t.db
  .insert(trainingClasses)
  .values({
    organiserKind: 'base',
    baseId: baseA!.id,
    organiserName: baseA!.name,
    filingId: old!.id,
    filingNumber: '桂继教备〔2023〕0001号',
    title: '大数据分析研修班',
    place: '南宁市',
    startDate: '2023-09-04',
    startHalf: 'am',
    endDate: '2023-09-06',
    endHalf: 'pm',
    year: 2023,
    hours: 24,
    createdBy: accA.id,
    createdAt: now(),
    updatedAt: now(),
  })
  .returning();
await t.db.insert(trainingClassTrainees).values({
  classId: oldClass!.id,
  accountId: people[5]!.id,
  unitName: '南宁市第一人民医院',
  hours: 12,
  result: 'passed',
  createdBy: accA.id,
  createdAt: now(),
  updatedAt: now(),
});

type Row = { name: string; idNumberMasked: string; classTitle: string; filingNumber: string | null; year: number };
const list = async (c: TestClient, query = '') => {
  const res = await c.get(`/api/classes/trainees${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: Row[]; total: number; page: number; pageSize: number };
};

describe('学员: the trainees of all the organiser’s classes', () => {
  it('shows a base its own classes’ trainees only, with the class and the ID number masked', async () => {
    const mine = await list(gxu, '?pageSize=50');
    expect(mine.total).toBe(6);
    expect(new Set(mine.items.map((r) => r.classTitle))).toEqual(new Set(['数字经济专题研修班', '大数据分析研修班']));
    const huang = mine.items.find((r) => r.name === '黄丽萍')!;
    expect(huang).toMatchObject({ filingNumber: '桂继教备〔2024〕0007号', year: 2024 });
    expect(huang.idNumberMasked).not.toBe(people[0]!.username);
    expect(huang.idNumberMasked).toMatch(/\*/);
    expect(JSON.stringify(mine)).not.toContain(people[0]!.username);
    // Newest class first.
    expect(mine.items.at(-1)!.classTitle).toBe('大数据分析研修班');

    const theirs = await list(otherBase);
    expect(theirs.total).toBe(2);
    expect(theirs.items.every((r) => r.classTitle === '人工智能应用研修班')).toBe(true);
  });

  it('shows a unit organiser its own classes’ trainees only, and nobody else any', async () => {
    const unit = await list(unitOrganiser);
    expect(unit.items.map((r) => r.name)).toEqual([people[6]!.name]);
    const professional = await loggedIn(t, people[0]!.username, PASSWORD, 'person');
    expect((await professional.get('/api/classes/trainees')).statusCode).toBe(403);
  });

  it('filters by year, 考核结果, name (from its start) and a full ID number', async () => {
    expect((await list(gxu, '?year=2024')).total).toBe(5);
    expect((await list(gxu, '?year=2023')).items.map((r) => r.classTitle)).toEqual(['大数据分析研修班']);
    expect((await list(gxu, '?result=failed')).items.map((r) => r.name)).toEqual([people[4]!.name]);
    expect((await list(gxu, '?year=2024&result=passed')).total).toBe(4);
    expect((await list(gxu, `?q=${encodeURIComponent('黄丽')}`)).items.map((r) => r.name)).toEqual(['黄丽萍']);
    expect((await list(gxu, `?q=${people[2]!.username}`)).items.map((r) => r.name)).toEqual([people[2]!.name]);
    // Another base's trainee is not found by ID number either.
    expect((await list(unitOrganiser, `?q=${people[0]!.username}`)).total).toBe(0);
    expect((await gxu.get('/api/classes/trainees?result=absent')).statusCode).toBe(400);
  });

  it('pages the list on the server', async () => {
    const first = await list(gxu, '?page=1&pageSize=4');
    const second = await list(gxu, '?page=2&pageSize=4');
    expect([first.total, first.items.length, second.items.length]).toEqual([6, 4, 2]);
    const names = [...first.items, ...second.items].map((r) => `${r.classTitle}/${r.name}`);
    expect(new Set(names).size).toBe(6);
  });
});

describe('the base console’s statistics', () => {
  it('counts the base’s classes, trainees, passes and credited hours of a year', async () => {
    const res = await gxu.get('/api/base-console?year=2024');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().stats).toEqual({ year: 2024, classes: 1, trainees: 5, passed: 4, creditedHours: 84 });
    // The current year by default.
    expect((await gxu.get('/api/base-console')).json().stats.year).toBe(2024);
    expect((await gxu.get('/api/base-console?year=2023')).json().stats).toEqual({
      year: 2023,
      classes: 1,
      trainees: 1,
      passed: 1,
      creditedHours: 12,
    });
    expect((await gxu.get('/api/base-console?year=2022')).json().stats).toEqual({
      year: 2022,
      classes: 0,
      trainees: 0,
      passed: 0,
      creditedHours: 0,
    });
    // Another base counts its own only.
    expect((await otherBase.get('/api/base-console?year=2024')).json().stats).toMatchObject({
      classes: 1,
      trainees: 2,
      passed: 2,
      creditedHours: 48,
    });
  });
});
