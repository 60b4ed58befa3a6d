import { defaultPlan, scheduleHours } from '@ptce/rules';
import { eq } from 'drizzle-orm';
import { now, shanghaiDate } from '../../../clock';
import type { Db } from '../../client';
import {
  authorities,
  trainingBases,
  trainingFilingChanges,
  trainingFilingNumbers,
  trainingFilings,
  trainingFilingSessions,
  trainingFilingTeachers,
} from '../../schema/index';

const DAY = 24 * 3600 * 1000;

const iso = (t: number) => new Date(t).toISOString().slice(0, 10);

/** `n` consecutive days from `offset` days after `today`, kept inside today's year (no class spans two years). */
function classDays(today: string, offset: number, n: number): string[] {
  const year = Number(today.slice(0, 4));
  const first = Date.UTC(year, 0, 1);
  const last = Date.UTC(year, 11, 31) - (n - 1) * DAY;
  const start = Math.min(Math.max(Date.parse(`${today}T00:00:00Z`) + offset * DAY, first), last);
  return Array.from({ length: n }, (_, i) => iso(start + i * DAY));
}

const halfDays = (dates: string[], topics: string[], teachers: string[]) =>
  dates.flatMap((date, i) =>
    (['am', 'pm'] as const).map((half, j) => ({
      date,
      half,
      topic: topics[(i * 2 + j) % topics.length]!,
      teacher: teachers[(i * 2 + j) % teachers.length]!,
    })),
  );

type Sessions = ReturnType<typeof halfDays>;
type Teacher = { name: string; title: string; employer: string };

/** Who files, for which year, and when the filing was started. */
interface Filer {
  baseId: number;
  year: number;
  createdBy: number;
  createdAt: Date;
  updatedAt: Date;
  teachers: Teacher[];
}

/** A filing with its half-day sessions and its teachers: its dates and 项目学时 come from the sessions. */
async function insertFiling(
  tx: Db,
  by: Filer,
  f: Omit<
    typeof trainingFilings.$inferInsert,
    keyof Omit<Filer, 'teachers'> | 'hours' | 'startDate' | 'endDate' | 'startHalf' | 'endHalf'
  >,
  sessions: Sessions,
): Promise<number> {
  const { teachers, ...filer } = by;
  const dates = sessions.map((s) => s.date).sort();
  const [row] = await tx
    .insert(trainingFilings)
    .values({
      ...filer,
      ...f,
      startDate: dates[0]!,
      startHalf: 'am',
      endDate: dates.at(-1)!,
      endHalf: 'pm',
      hours: scheduleHours(sessions, defaultPlan(by.year).hoursPerHalfDay),
    })
    .returning({ id: trainingFilings.id });
  await tx.insert(trainingFilingSessions).values(sessions.map((s) => ({ filingId: row!.id, ...s })));
  await tx
    .insert(trainingFilingTeachers)
    .values(teachers.map((t, position) => ({ filingId: row!.id, position, ...t })));
  return row!.id;
}

/**
 * A base of the notice's directory made ready to file: valid for five calendar years from `yearsAgo` years back
 * (until the day before the fifth anniversary), its contact, supervised by the authority named.
 */
async function readyBase(
  tx: Db,
  name: string,
  authorityName: string,
  yearsAgo: number,
  contact: { contactName: string; contactPhone: string; address: string },
) {
  const [base] = await tx.select().from(trainingBases).where(eq(trainingBases.name, name));
  const [authority] = await tx.select().from(authorities).where(eq(authorities.name, authorityName));
  if (!base) return null;
  const at = now();
  const today = shanghaiDate(at);
  const year = Number(today.slice(0, 4));
  const first = year - yearsAgo;
  await tx
    .update(trainingBases)
    .set({
      validFrom: `${first}-01-01`,
      validTo: shanghaiDate(new Date(Date.UTC(first + 5, 0, 1) - DAY)),
      ...contact,
      supervisingAuthorityId: authority?.id ?? null,
      updatedAt: at,
    })
    .where(eq(trainingBases.id, base.id));
  return { base, at, today, year };
}

/**
 * 广西大学's filings for the `gxu-base` login, dated relative to today: a filed public 3-day class that has
 * ended (the one whose trainees can be imported), a filed class ahead with a 变更 awaiting review, one 待审核,
 * one 退回 with its reason, one 草稿 and an internal class filed without review. The base is supervised by
 * 教育厅 and has a valid period and a contact.
 */
export async function seedDemoFilings(
  tx: Db,
  ids: { baseAccountId: number; medicalBaseAccountId: number; operatorId: number },
): Promise<void> {
  await seedMedicalBaseFiling(tx, ids.medicalBaseAccountId);
  const ready = await readyBase(tx, '广西大学', '广西壮族自治区教育厅', 2, {
    contactName: '韦丽娟',
    contactPhone: '0771-3237366',
    address: '南宁市西乡塘区大学东路100号',
  });
  if (!ready) return;
  const { base, at, today, year } = ready;

  const perHalfDay = defaultPlan(year).hoursPerHalfDay;
  const teachers = [
    { name: '黄志强', title: '教授', employer: '广西大学经济学院' },
    { name: '覃海燕', title: '研究员', employer: '广西社会科学院' },
    { name: '蒙建国', title: '高级工程师', employer: '广西数字广西集团有限公司' },
  ];
  const teacherNames = teachers.map((t) => t.name);
  let filedNo = 0;
  const filer: Filer = {
    baseId: base.id,
    year,
    createdBy: ids.baseAccountId,
    createdAt: new Date(at.getTime() - 60 * DAY),
    updatedAt: at,
    teachers,
  };
  const add = (f: Omit<Parameters<typeof insertFiling>[2], 'organiser'>, sessions: Sessions) =>
    insertFiling(
      tx,
      filer,
      {
        organiser: '广西大学',
        coOrganiser: '广西大学继续教育学院',
        ...f,
        filingNo: f.status === 'filed' ? `桂继教备〔${year}〕${String(++filedNo).padStart(4, '0')}号` : null,
      },
      sessions,
    );
  const decided = (daysAgo: number) => ({
    submittedAt: new Date(at.getTime() - (daysAgo + 3) * DAY),
    decidedAt: new Date(at.getTime() - daysAgo * DAY),
    decidedBy: ids.operatorId,
    decidedByName: '培训中心运营管理员',
  });

  // 已备案, public, 3 days, ended three weeks ago: its trainees' hours are imported after the class.
  const past = classDays(today, -24, 3);
  await add(
    {
      status: 'filed',
      name: '数字经济与产业转型升级专题研修班',
      industryCode: 'M',
      field: '数字经济',
      form: 'onsite',
      place: '广西大学继续教育学院（南宁市西乡塘区大学东路100号）',
      plannedTrainees: 60,
      feePerPerson: 1500,
      feeNote: '含培训费、资料费，食宿自理',
      enrolment: 'public',
      needsApproval: true,
      ...decided(40),
      filedAt: new Date(at.getTime() - 40 * DAY),
    },
    halfDays(
      past,
      [
        '数字经济发展趋势',
        '数据要素市场建设',
        '产业数字化转型案例',
        '数字政府建设',
        '平台经济治理',
        '现场教学：中国—东盟信息港',
      ],
      teacherNames,
    ),
  );

  // 已备案 ahead, with a 变更 (one more day) awaiting review.
  const ahead = classDays(today, 30, 2);
  const aheadTopics = ['乡村振兴战略解读', '现代农业技术推广', '特色农产品电商', '现场教学：横州茉莉花产业园'];
  const aheadId = await add(
    {
      status: 'filed',
      name: '乡村振兴与现代农业技术研修班',
      industryCode: 'A',
      field: '农业技术推广',
      form: 'blended',
      place: '南宁市横州市',
      plannedTrainees: 80,
      feePerPerson: 0,
      feeNote: '免费',
      enrolment: 'public',
      needsApproval: true,
      ...decided(10),
      filedAt: new Date(at.getTime() - 10 * DAY),
    },
    halfDays(ahead, aheadTopics, teacherNames),
  );
  const [aheadRow] = await tx.select().from(trainingFilings).where(eq(trainingFilings.id, aheadId));
  const snapshot = (sessions: Sessions) => ({
    name: aheadRow!.name,
    industryCode: aheadRow!.industryCode,
    field: aheadRow!.field,
    form: aheadRow!.form,
    startDate: sessions[0]!.date,
    startHalf: 'am',
    endDate: sessions.at(-1)!.date,
    endHalf: 'pm',
    place: aheadRow!.place,
    plannedTrainees: aheadRow!.plannedTrainees,
    organiser: aheadRow!.organiser,
    coOrganiser: aheadRow!.coOrganiser,
    feePerPerson: aheadRow!.feePerPerson,
    feeNote: aheadRow!.feeNote,
    enrolment: aheadRow!.enrolment,
    needsApproval: aheadRow!.needsApproval,
    teachers,
    sessions,
    hours: scheduleHours(sessions, perHalfDay),
  });
  const longer = classDays(today, 30, 3);
  await tx.insert(trainingFilingChanges).values({
    filingId: aheadId,
    reason: '应学员要求增加一天现场教学',
    previous: snapshot(halfDays(ahead, aheadTopics, teacherNames)),
    proposed: snapshot(halfDays(longer, [...aheadTopics, '现场教学：南宁市农业科学研究所', '结业座谈'], teacherNames)),
    submittedAt: new Date(at.getTime() - 1 * DAY),
    submittedBy: ids.baseAccountId,
  });

  // 已备案 without review: an internal, free class.
  await add(
    {
      status: 'filed',
      name: '高校教师教学能力提升内部培训',
      industryCode: 'P',
      field: '高等教育',
      form: 'online',
      place: '线上（广西大学网络教学平台）',
      plannedTrainees: 120,
      feePerPerson: 0,
      enrolment: 'internal',
      needsApproval: false,
      submittedAt: new Date(at.getTime() - 15 * DAY),
      decidedAt: new Date(at.getTime() - 15 * DAY),
      filedAt: new Date(at.getTime() - 15 * DAY),
    },
    halfDays(classDays(today, -12, 1), ['课程思政教学设计', '混合式教学实践'], teacherNames),
  );

  // 待审核, submitted two days ago.
  await add(
    {
      status: 'pending',
      name: '人工智能赋能教育教学能力提升培训班',
      industryCode: 'P',
      field: '教育信息化',
      form: 'onsite',
      place: '广西大学继续教育学院',
      plannedTrainees: 50,
      feePerPerson: 980,
      feeNote: '含资料费',
      enrolment: 'public',
      needsApproval: true,
      submittedAt: new Date(at.getTime() - 2 * DAY),
    },
    halfDays(
      classDays(today, 45, 2),
      ['生成式人工智能概论', '智能教学工具实操', '人工智能与教学评价', '结业考核'],
      teacherNames,
    ),
  );

  // 退回 with the reason.
  await add(
    {
      status: 'returned',
      name: '工程建设项目安全生产管理培训班',
      industryCode: 'E',
      field: '安全生产',
      form: 'onsite',
      place: '柳州市城中区',
      plannedTrainees: 40,
      feePerPerson: 800,
      enrolment: 'public',
      needsApproval: true,
      ...decided(5),
      returnReason: '师资中缺少安全生产领域的授课教师，请补充后重新提交',
    },
    halfDays(classDays(today, 50, 1), ['安全生产法律法规', '施工现场风险辨识'], teacherNames),
  );

  // 草稿
  await add(
    {
      status: 'draft',
      name: '壮族文化遗产保护与传承研修班',
      industryCode: 'R',
      field: '文化遗产保护',
      form: 'onsite',
      place: '百色市右江区',
      plannedTrainees: 30,
      feePerPerson: 600,
      enrolment: 'public',
      needsApproval: true,
    },
    halfDays(
      classDays(today, 60, 2),
      ['壮族非物质文化遗产概况', '传统技艺保护实践', '田野调查方法', '现场教学'],
      teacherNames,
    ),
  );

  await tx.insert(trainingFilingNumbers).values({ year, lastNo: filedNo }).onConflictDoNothing();
}

/**
 * 广西医科大学 (the `gxmu-base` login), supervised by 卫健委: one filing 待审核 for five days, so the 行业主管部门
 * demo login `gxwjw` has a filing in its 培训备案审核 queue.
 */
async function seedMedicalBaseFiling(tx: Db, baseAccountId: number): Promise<void> {
  const ready = await readyBase(tx, '广西医科大学', '广西壮族自治区卫生健康委员会', 1, {
    contactName: '黄秋萍',
    contactPhone: '0771-5358966',
    address: '南宁市青秀区双拥路22号',
  });
  if (!ready) return;
  const { base, at, today, year } = ready;
  const teachers = [
    { name: '梁志刚', title: '主任医师', employer: '广西医科大学第一附属医院' },
    { name: '莫海燕', title: '副主任护师', employer: '广西医科大学第一附属医院' },
  ];
  await insertFiling(
    tx,
    {
      baseId: base.id,
      year,
      createdBy: baseAccountId,
      createdAt: new Date(at.getTime() - 9 * DAY),
      updatedAt: at,
      teachers,
    },
    {
      status: 'pending',
      name: '基层医疗卫生人员急诊急救能力提升培训班',
      industryCode: 'Q',
      field: '急诊医学',
      form: 'onsite',
      place: '广西医科大学第一附属医院临床技能培训中心',
      plannedTrainees: 60,
      organiser: '广西医科大学',
      coOrganiser: '广西医科大学第一附属医院',
      feePerPerson: 1200,
      feeNote: '含培训费、资料费和实操耗材费',
      enrolment: 'public',
      needsApproval: true,
      submittedAt: new Date(at.getTime() - 5 * DAY),
    },
    halfDays(
      classDays(today, 40, 2),
      ['急危重症识别与处置', '心肺复苏与电除颤实操', '创伤急救技术', '结业考核'],
      teachers.map((t) => t.name),
    ),
  );
}
