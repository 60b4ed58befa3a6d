import { sql } from 'drizzle-orm';
import { now, shanghaiDate } from '../../../clock';
import type { Actor } from '../../../auth/actor';
import type { Db } from '../../client';
import { decryptOrNull } from '../../pii';
import { nextFilingNo } from '../../../modules/bases/index';
import { trainingFilings, trainingFilingSessions, trainingFilingTeachers } from '../../schema/index';
import {
  createClass,
  findClass,
  flagOverlaps,
  resolveTrainees,
  writeTrainees,
  type TraineeEntry,
} from '../../../modules/classes/index';
import type { DemoLogin } from './demo-data';
import { createRng, randomChineseName, randomIdNumber, type Gender } from './people';

const DAY_MS = 86_400_000;
const addDays = (date: string, n: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

/**
 * 培训班 demo: 广西大学继续教育基地 (gxu-base) filed a 3-day class (已备案, with its 备案号), ran it and imported
 * its trainees — four professionals of the demo's hospital who have accounts, and eight people without one
 * (created for their 注册 to claim; the first is printed, so 注册 can be tried), through the same commands as
 * 导入学员学时. The class ended two weeks ago (last December in the first weeks of a year).
 */
export async function seedDemoClasses(db: Db): Promise<DemoLogin[]> {
  const [base] = (
    await db.execute(sql`
      SELECT a.id, a.name, a.base_id FROM accounts a WHERE a.kind = 'base' AND a.username = 'gxu-base'`)
  ).rows as Array<{ id: number; name: string; base_id: number | null }>;
  if (!base?.base_id) return [];
  const today = shanghaiDate();
  let end = addDays(today, -14);
  if (end.slice(0, 4) !== addDays(end, -2).slice(0, 4)) end = addDays(end, -3);
  const start = addDays(end, -2);
  const year = Number(start.slice(0, 4));
  const at = now();

  const filingNo = await nextFilingNo(db, year);
  const [filing] = await db
    .insert(trainingFilings)
    .values({
      baseId: base.base_id,
      status: 'filed',
      filingNo,
      name: '临床护理质量与患者安全专题研修班',
      industryCode: 'Q',
      field: '护理',
      form: 'onsite',
      startDate: start,
      startHalf: 'am',
      endDate: end,
      endHalf: 'pm',
      place: '南宁市西乡塘区大学东路100号广西大学继续教育学院',
      plannedTrainees: 60,
      hours: 24,
      organiser: '广西大学',
      coOrganiser: '广西护理学会',
      feePerPerson: 800,
      feeNote: '含资料费、场地费',
      enrolment: 'public',
      year,
      createdBy: base.id,
      createdAt: at,
      updatedAt: at,
      submittedAt: at,
      submittedBy: base.id,
      decidedAt: at,
      decidedByName: '培训中心运营管理员',
      filedAt: at,
    })
    .returning();
  const topics = [
    '护理质量管理体系',
    '患者安全目标解读',
    '跌倒与压力性损伤防范',
    '用药安全与差错管理',
    '院感防控要点',
    '案例研讨与考核',
  ];
  await db.insert(trainingFilingSessions).values(
    topics.map((topic, i) => ({
      filingId: filing!.id,
      date: addDays(start, Math.floor(i / 2)),
      half: i % 2 === 0 ? ('am' as const) : ('pm' as const),
      topic,
      teacher: i < 3 ? '韦秀英' : '陆志刚',
    })),
  );
  await db.insert(trainingFilingTeachers).values([
    { filingId: filing!.id, position: 0, name: '韦秀英', title: '主任护师', employer: '广西医科大学第一附属医院' },
    { filingId: filing!.id, position: 1, name: '陆志刚', title: '教授', employer: '广西大学' },
  ]);

  const actor: Actor = {
    id: base.id,
    kind: 'base',
    name: base.name,
    roles: ['base'],
    scope: 'base',
    unitId: null,
    departmentId: null,
    departmentScopeIds: null,
    authorityId: null,
    baseId: base.base_id,
    regionCode: null,
    industryCode: null,
    mustChangePassword: false,
    profileComplete: true,
    sessionId: 'demo-seed',
    csrfToken: '',
  };
  const ctx = { db, actor };
  const cls = await createClass(ctx, { filingId: filing!.id });

  // Four professionals of the hospital with accounts; eight people not yet registered.
  const staff = (
    await db.execute(sql`
      SELECT a.name, a.id_number_enc, u.name AS unit FROM accounts a JOIN units u ON u.id = a.unit_id
      WHERE a.kind = 'professional' AND u.industry_code = 'Q' AND a.password_hash <> '' AND a.id_number_enc IS NOT NULL
        AND NOT a.pending_confirmation
      ORDER BY a.id OFFSET 3 LIMIT 4`)
  ).rows as Array<{ name: string; id_number_enc: string; unit: string }>;
  const rng = createRng(18_2024);
  const unitName = staff[0]?.unit ?? '';
  const entries: TraineeEntry[] = staff.map((p, i) => ({
    rowNumber: i + 2,
    name: p.name,
    idNumber: decryptOrNull(p.id_number_enc) ?? '',
    unit: p.unit,
    hours: 24,
    result: 'passed',
  }));
  for (let i = 0; i < 8; i++) {
    const gender: Gender = rng() < 0.7 ? 'female' : 'male';
    entries.push({
      rowNumber: entries.length + 2,
      name: randomChineseName(rng, gender),
      idNumber: randomIdNumber(rng, { regionCode: '450103', birthYearFrom: 1978, birthYearTo: 1998, gender }),
      unit: unitName,
      hours: i === 7 ? 16 : 24,
      result: i === 6 ? 'failed' : 'passed',
    });
  }
  const logins: DemoLogin[] = [];
  await db.transaction(async (tx) => {
    const locked = await findClass(ctx, tx, cls.id, { lock: true });
    const checked = await resolveTrainees(tx, actor, locked, entries, today, new Map());
    const ok = checked.flatMap((c) => ('value' in c ? [c.value] : []));
    const ids = await writeTrainees(tx, actor, locked, ok, at);
    await flagOverlaps(tx, locked, [...ids.values()]);
    const newcomer = ok.find((r) => r.accountId === null);
    if (newcomer)
      logins.push({
        role: `培训班学员（未注册：用身份证号码和姓名“${newcomer.name}”注册后可见培训班学时）`,
        realm: 'person',
        username: newcomer.idNumber,
        name: newcomer.name,
      });
  });
  return logins;
}
