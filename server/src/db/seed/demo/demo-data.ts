import { sql } from 'drizzle-orm';
import { now } from '../../../clock';
import { hashPassword } from '../../../auth/passwords';
import { creditCodeCheckChar } from '../../../domain/credit-code';
import type { Db } from '../../client';
import { accounts, authorities, departments, trainingBases, units } from '../../schema/index';
import { seedDemoFilings } from './demo-filings';
import { seedDemoCourses } from './demo-courses';
import { seedDuplicateAccount } from './demo-duplicate';
import { seedFailedExams } from './demo-exams';
import { seedDemoHistory } from './demo-history';
import { seedDemoNotices } from './demo-notices';
import { DEMO_INSPECTORS, seedDemoSpotChecks } from './demo-spot-checks';
import { seedLockedLogin } from './locked-login';
import { personColumns } from './demo-person';
import { createRng, pick, randomChineseName, randomIdNumber, randomInt, type Rng } from './people';

export const DEMO_PASSWORD = 'Demo2026';

export interface DemoLogin {
  role: string;
  realm: 'person' | 'unit' | 'authority';
  username: string;
  name: string;
}

/** A valid 统一社会信用代码 for a demo organization (registration authority 1/5/9, region code). */
function creditCode(rng: Rng, kind: '12' | '91' | '11', regionCode: string): string {
  const CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  let body = '';
  // 9-character organization code; its own GB 11714 check is not part of the GB 32100 check.
  for (let i = 0; i < 9; i++) body += CHARS[randomInt(rng, 0, i < 8 ? 30 : 9)];
  const first17 = kind + regionCode + body;
  return first17 + creditCodeCheckChar(first17);
}

interface UnitPlan {
  name: string;
  regionCode: string;
  industryCode: string;
  unitType: string;
  authority: string;
  departments: Array<[string, string[]]>;
  staff: number;
  contactName: string;
  contactPhone: string;
}

const UNITS: UnitPlan[] = [
  {
    name: '南宁市第一人民医院',
    regionCode: '450103',
    industryCode: 'Q',
    unitType: 'institution',
    authority: '广西壮族自治区卫生健康委员会',
    departments: [
      ['内科', ['心血管内科', '呼吸与危重症医学科']],
      ['外科', ['普通外科', '骨科']],
      ['护理部', []],
      ['医务科', []],
    ],
    staff: 36,
    contactName: '韦丽华',
    contactPhone: '0771-2636114',
  },
  {
    name: '柳州市城市建设设计研究院有限公司',
    regionCode: '450202',
    industryCode: 'M',
    unitType: 'enterprise',
    authority: '广西壮族自治区住房和城乡建设厅',
    departments: [
      ['道路桥梁设计所', []],
      ['建筑设计所', []],
      ['给排水设计所', []],
      ['综合办公室', []],
    ],
    staff: 24,
    contactName: '覃志强',
    contactPhone: '0772-2825531',
  },
  {
    name: '桂林市第十八中学',
    regionCode: '450305',
    industryCode: 'P',
    unitType: 'institution',
    authority: '广西壮族自治区教育厅',
    departments: [
      ['教务处', []],
      ['高一年级组', []],
      ['高二年级组', []],
    ],
    staff: 14,
    contactName: '蒋秀英',
    contactPhone: '0773-5816018',
  },
];

/** Units no longer in use: one 已停用, one 已合并 into the first unit above (its people are there now). */
const RETIRED_UNITS: Array<{
  name: string;
  regionCode: string;
  industryCode: string;
  authority: string;
  contactName: string;
  contactPhone: string;
  mergedInto?: number;
}> = [
  {
    name: '南宁市青秀区南湖社区卫生服务中心',
    regionCode: '450103',
    industryCode: 'Q',
    authority: '广西壮族自治区卫生健康委员会',
    contactName: '黄海燕',
    contactPhone: '0771-5566120',
  },
  {
    name: '南宁市第一人民医院五象分院',
    regionCode: '450108',
    industryCode: 'Q',
    authority: '广西壮族自治区卫生健康委员会',
    contactName: '莫晓东',
    contactPhone: '0771-4953120',
    mergedInto: 0,
  },
];

const AUTHORITIES = [
  { name: '广西壮族自治区卫生健康委员会', kind: 'industry' as const, regionCode: '450000', industryCode: 'Q' },
  { name: '广西壮族自治区住房和城乡建设厅', kind: 'industry' as const, regionCode: '450000', industryCode: 'E' },
  { name: '广西壮族自治区教育厅', kind: 'industry' as const, regionCode: '450000', industryCode: 'P' },
  { name: '南宁市人力资源和社会保障局', kind: 'hr' as const, regionCode: '450100', industryCode: null },
  { name: '柳州市人力资源和社会保障局', kind: 'hr' as const, regionCode: '450200', industryCode: null },
];

/** Loads demo organizations and people into an empty database and returns the demo logins. */
export async function seedDemoData(db: Db): Promise<DemoLogin[]> {
  const rng = createRng(20240418); // the notice's date: the same demo every time
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const at = now();
  const logins: DemoLogin[] = [];
  const common = {
    passwordHash,
    mustChangePassword: false,
    loginEnabled: true,
    createdAt: at,
    updatedAt: at,
    passwordChangedAt: at,
  };

  await db.transaction(async (tx) => {
    const auths = await tx
      .insert(authorities)
      .values(AUTHORITIES.map((a) => ({ ...a, createdAt: at })))
      .returning();
    const authByName = new Map(auths.map((a) => [a.name, a]));

    const unitIds: number[] = [];
    for (const [unitIndex, plan] of UNITS.entries()) {
      const [unit] = await tx
        .insert(units)
        .values({
          name: plan.name,
          creditCode: creditCode(rng, plan.unitType === 'enterprise' ? '91' : '12', plan.regionCode),
          regionCode: plan.regionCode,
          industryCode: plan.industryCode,
          supervisingAuthorityId: authByName.get(plan.authority)!.id,
          unitType: plan.unitType,
          contactName: plan.contactName,
          contactPhone: plan.contactPhone,
          createdAt: at,
          updatedAt: at,
        })
        .returning();
      unitIds.push(unit!.id);
      const deptIds: number[] = [];
      for (const [top, subs] of plan.departments) {
        const [d] = await tx.insert(departments).values({ unitId: unit!.id, name: top, createdAt: at }).returning();
        deptIds.push(d!.id);
        for (const sub of subs) {
          const [s] = await tx
            .insert(departments)
            .values({ unitId: unit!.id, parentId: d!.id, name: sub, createdAt: at })
            .returning();
          deptIds.push(s!.id);
        }
      }

      await tx.insert(accounts).values({
        ...common,
        kind: 'unit_account',
        realm: 'unit',
        username: unit!.creditCode,
        name: unit!.name,
        unitId: unit!.id,
      });
      if (unitIndex === 0)
        logins.push({ role: '单位账号', realm: 'unit', username: unit!.creditCode, name: unit!.name });

      // A total admin (no department) and a department (二级) admin for the first department.
      let totalAdmin: { id: number; name: string } | null = null;
      for (const deptId of [null, deptIds[0]!]) {
        const gender = rng() < 0.5 ? 'male' : 'female';
        const idNumber = randomIdNumber(rng, {
          regionCode: plan.regionCode,
          birthYearFrom: 1972,
          birthYearTo: 1990,
          gender,
        });
        const name = randomChineseName(rng, gender);
        const [admin] = await tx
          .insert(accounts)
          .values({
            ...common,
            kind: 'unit_admin',
            realm: 'unit',
            ...personColumns(rng, { idNumber, name, gender, at }),
            unitId: unit!.id,
            departmentId: deptId,
          })
          .returning({ id: accounts.id, name: accounts.name });
        totalAdmin ??= admin!;
        if (unitIndex === 0) {
          logins.push({
            role: deptId === null ? '单位管理员（总管理员）' : `二级管理员（${plan.departments[0]![0]}）`,
            realm: 'unit',
            username: idNumber,
            name,
          });
        }
      }

      const staff: Array<{ id: number }> = [];
      for (let i = 0; i < plan.staff; i++) {
        const gender = rng() < 0.55 ? 'female' : 'male';
        const idNumber = randomIdNumber(rng, { birthYearFrom: 1965, birthYearTo: 2000, gender });
        const name = randomChineseName(rng, gender);
        // Most staff have picked a department; some have not (the total admin manages them).
        const departmentId = i % 6 === 5 ? null : pick(rng, deptIds);
        const [person] = await tx
          .insert(accounts)
          .values({
            ...common,
            kind: 'professional',
            realm: 'person',
            ...personColumns(rng, { idNumber, name, gender, at }),
            unitId: unit!.id,
            departmentId: unitIndex === 0 && i === 0 ? deptIds[0]! : departmentId,
          })
          .returning({ id: accounts.id });
        staff.push(person!);
        if (unitIndex === 0 && i === 0)
          logins.unshift({ role: '专业技术人员', realm: 'person', username: idNumber, name });
      }
      if (unitIndex === 0) {
        // Three people who registered themselves into the unit and await its confirmation (新注册).
        // Their own generator, so everyone else in the demo stays the same.
        const rngNew = createRng(20260301);
        for (const [i, [name, gender]] of (
          [
            ['韦秋萍', 'female'],
            ['覃家宁', 'male'],
            ['黄春燕', 'female'],
          ] as const
        ).entries()) {
          const idNumber = randomIdNumber(rngNew, {
            regionCode: plan.regionCode,
            birthYearFrom: 1988,
            birthYearTo: 1999,
            gender,
          });
          await tx.insert(accounts).values({
            ...common,
            kind: 'professional',
            realm: 'person',
            ...personColumns(rngNew, { idNumber, name, gender, at }),
            unitId: unit!.id,
            pendingConfirmation: true,
          });
          if (i === 0)
            logins.push({ role: '专业技术人员（新注册，待单位确认）', realm: 'person', username: idNumber, name });
        }
        // Someone who mistyped their password three times just now: the help desk's 人员查询 shows 需要图形验证码
        // and 解除锁定 lets them in with the password alone.
        const rngLocked = createRng(20260415);
        const lockedId = randomIdNumber(rngLocked, {
          regionCode: '450102',
          birthYearFrom: 1980,
          birthYearTo: 1992,
          gender: 'female',
        });
        const [locked] = await tx
          .insert(accounts)
          .values({
            ...common,
            kind: 'professional',
            realm: 'person',
            ...personColumns(rngLocked, { idNumber: lockedId, name: '蒙海燕', gender: 'female', at }),
            unitId: unit!.id,
            departmentId: deptIds[1]!,
          })
          .returning({ id: accounts.id, name: accounts.name });
        await seedLockedLogin(tx, { ...locked!, idNumber: lockedId });
        logins.push({ role: '专业技术人员（登录失败待解锁）', realm: 'person', username: lockedId, name: '蒙海燕' });
      }
      if (unitIndex === 0) {
        // Someone who failed every attempt of this year's compulsory exam: 申请补考 (their own generator).
        const rngMakeup = createRng(20260303);
        const idNumber = randomIdNumber(rngMakeup, {
          regionCode: plan.regionCode,
          birthYearFrom: 1980,
          birthYearTo: 1992,
          gender: 'male',
        });
        const [person] = await tx
          .insert(accounts)
          .values({
            ...common,
            kind: 'professional',
            realm: 'person',
            ...personColumns(rngMakeup, { idNumber, name: '莫海涛', gender: 'male', at }),
            unitId: unit!.id,
            departmentId: deptIds[0]!,
          })
          .returning({ id: accounts.id });
        if (await seedFailedExams(tx, person!.id, at))
          logins.push({
            role: '专业技术人员（三次未通过，可申请补考）',
            realm: 'person',
            username: idNumber,
            name: '莫海涛',
          });
        const [right] = await seedDuplicateAccount(tx, {
          unitId: unit!.id,
          departmentId: deptIds[0]!,
          regionCode: plan.regionCode,
          at,
          common,
        });
        logins.push({ role: '专业技术人员（有重复账号，待合并）', realm: 'person', username: right, name: '农秀英' });
      }
      // A separate generator, so the people above stay the same whatever the history does.
      await seedDemoHistory(
        tx,
        createRng(1000 + unitIndex),
        { id: unit!.id, name: unit!.name, industryCode: plan.industryCode },
        staff,
        totalAdmin!,
        unitIndex === 0 ? staff[0]!.id : undefined,
      );
    }

    // 单位管理: a unit 停用 (its account cannot log in) and one 已合并至 南宁市第一人民医院.
    for (const u of RETIRED_UNITS) {
      const [unit] = await tx
        .insert(units)
        .values({
          name: u.name,
          creditCode: creditCode(rng, '12', u.regionCode),
          regionCode: u.regionCode,
          industryCode: u.industryCode,
          supervisingAuthorityId: authByName.get(u.authority)!.id,
          unitType: 'institution',
          contactName: u.contactName,
          contactPhone: u.contactPhone,
          disabledAt: at,
          mergedIntoId: u.mergedInto === undefined ? null : unitIds[u.mergedInto]!,
          createdAt: at,
          updatedAt: at,
        })
        .returning();
      await tx.insert(accounts).values({
        ...common,
        kind: 'unit_account',
        realm: 'unit',
        username: unit!.creditCode,
        name: unit!.name,
        unitId: unit!.id,
      });
      if (u.mergedInto === undefined)
        logins.push({
          role: '单位账号（已停用单位，登录被拒）',
          realm: 'unit',
          username: unit!.creditCode,
          name: unit!.name,
        });
    }

    const nnhr = authByName.get('南宁市人力资源和社会保障局')!;
    const wjw = authByName.get('广西壮族自治区卫生健康委员会')!;
    const [base] = await tx
      .select()
      .from(trainingBases)
      .where(sql`${trainingBases.name} = '广西大学'`);
    const [medBase] = await tx
      .select({ id: trainingBases.id })
      .from(trainingBases)
      .where(sql`${trainingBases.name} = '广西医科大学'`);
    const staffAccounts = [
      {
        kind: 'hr_bureau' as const,
        username: 'nnrsj',
        name: '南宁市人社局管理员',
        authorityId: nnhr.id,
        role: '市人社局',
      },
      ...DEMO_INSPECTORS.map((i) => ({
        kind: 'hr_bureau' as const,
        username: i.username,
        name: i.name,
        authorityId: nnhr.id,
        role: '市人社局（抽查检查人员）',
      })),
      {
        kind: 'authority' as const,
        username: 'gxwjw',
        name: '自治区卫健委管理员',
        authorityId: wjw.id,
        role: '行业主管部门',
      },
      {
        kind: 'base' as const,
        username: 'gxu-base',
        name: '广西大学继续教育基地',
        baseId: base?.id ?? null,
        role: '继续教育基地',
      },
      {
        kind: 'base' as const,
        username: 'gxmu-base',
        name: '广西医科大学继续教育基地',
        baseId: medBase?.id ?? null,
        role: '卫健委主管的继续教育基地（广西医科大学）',
      },
      { kind: 'operator' as const, username: 'operator', name: '培训中心运营管理员', role: '平台运营（培训中心）' },
    ];
    const staffIds: Record<string, number> = {};
    for (const s of staffAccounts) {
      const { role, ...row } = s;
      const [a] = await tx
        .insert(accounts)
        .values({ ...common, realm: 'authority', ...row })
        .returning({ id: accounts.id });
      staffIds[s.username] = a!.id;
      logins.push({ role, realm: 'authority', username: s.username, name: s.name });
    }
    await seedDemoFilings(tx, {
      baseAccountId: staffIds['gxu-base']!,
      medicalBaseAccountId: staffIds['gxmu-base']!,
      operatorId: staffIds.operator!,
    });
    await seedDemoNotices(tx);
  });
  await seedDemoCourses(db);
  await seedDemoSpotChecks(db);
  return logins;
}

export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const r = await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM accounts`);
  return Number(r.rows[0]?.n ?? 0) === 0;
}
