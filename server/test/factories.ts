export { createRng } from '../src/db/seed/demo/people';
import { now } from '../src/clock';
import { hashPassword } from '../src/auth/passwords';
import type { Db } from '../src/db/client';
import { idNumberAccountColumns, phoneColumns } from '../src/db/pii';
import { accounts, authorities, departments, hourRecords, publicCredits, units } from '../src/db/schema/index';
import { creditCodeCheckChar } from '../src/domain/credit-code';
import { idCheckChar } from '../src/domain/id-number';

export const PASSWORD = 'Passw0rd1';
let seq = 0;
const hashes = new Map<string, Promise<string>>();
const hashed = (p: string) => {
  if (!hashes.has(p)) hashes.set(p, hashPassword(p));
  return hashes.get(p)!;
};

/** A valid ID number, unique within the test run (sequence digits vary, check digit computed). */
export function idNumber(opts: { region?: string; birth?: string; gender?: 'male' | 'female' } = {}): string {
  seq++;
  const birth = opts.birth ?? `19${70 + (seq % 25)}0${1 + (seq % 9)}1${seq % 10}`;
  const n = (seq * 2 + (opts.gender === 'female' ? 0 : 1)) % 1000;
  const first17 = `${opts.region ?? '450102'}${birth}${String(n).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
}

export function creditCode(region = '450103'): string {
  seq++;
  const first17 = `91${region}${String(100000000 + seq * 7919).slice(-9)}`;
  return first17 + creditCodeCheckChar(first17);
}

export async function buildUnit(db: Db, over: Partial<typeof units.$inferInsert> = {}) {
  const at = now();
  const [u] = await db
    .insert(units)
    .values({
      name: `测试单位${++seq}`,
      creditCode: creditCode(over.regionCode ?? '450103'),
      regionCode: '450103',
      unitType: 'enterprise',
      createdAt: at,
      updatedAt: at,
      ...over,
    })
    .returning();
  return u!;
}

export async function buildDepartment(db: Db, unitId: number, name = `部门${++seq}`, parentId: number | null = null) {
  const [d] = await db.insert(departments).values({ unitId, name, parentId, createdAt: now() }).returning();
  return d!;
}

export async function buildAuthority(db: Db, over: Partial<typeof authorities.$inferInsert> = {}) {
  const [a] = await db
    .insert(authorities)
    .values({ name: `主管部门${++seq}`, kind: 'industry', regionCode: '450000', createdAt: now(), ...over })
    .returning();
  return a!;
}

type AccountOver = Partial<typeof accounts.$inferInsert> & { password?: string };

export async function buildAccount(db: Db, over: AccountOver & Pick<typeof accounts.$inferInsert, 'kind'>) {
  const { password = PASSWORD, ...given } = over;
  const at = now();
  const isPerson = given.kind === 'professional' || given.kind === 'unit_admin';
  const id = isPerson ? (given.idNumber ?? idNumber()) : null;
  // An ID-number account's username is the number's hash (db/pii.ts), whatever the test passed.
  const { username, ...rest } = given;
  const realm =
    given.kind === 'professional'
      ? 'person'
      : given.kind === 'unit_admin' || given.kind === 'unit_account'
        ? 'unit'
        : 'authority';
  const [a] = await db
    .insert(accounts)
    .values({
      realm,
      ...(id ? idNumberAccountColumns(id) : { username: username ?? `user${++seq}`, idNumber: null }),
      passwordHash: await hashed(password),
      mustChangePassword: false,
      loginEnabled: true,
      name: `测试${++seq}号`,
      ...phoneColumns('phone' in rest ? (rest.phone ?? null) : '13800138000'),
      email: 'test@example.com',
      createdAt: at,
      updatedAt: at,
      ...rest,
    })
    .returning();
  // username as typed at the login page: an ID-number account logs in with its ID number (stored only as a hash).
  return { ...a!, username: id && a!.username === a!.idNumberHmac ? id : a!.username, password };
}

export const buildProfessional = (db: Db, over: AccountOver = {}) =>
  buildAccount(db, { kind: 'professional', ...over });

/** Hours of a year in a given state, inserted directly (the hours area's own tests cover the commands). */
export async function buildRecord(
  db: Db,
  over: Partial<typeof hourRecords.$inferInsert> & {
    accountId: number;
    hours: number;
    status: (typeof hourRecords.$inferInsert)['status'];
  },
) {
  const at = now();
  const year = over.year ?? 2024;
  const [r] = await db
    .insert(hourRecords)
    .values({
      year,
      activityType: 'training',
      title: '专业技术培训',
      organizer: '广西壮族自治区人力资源和社会保障培训中心',
      place: '南宁市',
      startDate: `${year}-05-06`,
      startHalf: 'am',
      endDate: `${year}-05-07`,
      endHalf: 'pm',
      remarks: '',
      declaredAt: at,
      source: 'self',
      reviewTarget: over.status === 'draft' ? null : 'unit',
      createdBy: over.accountId,
      createdAt: at,
      updatedAt: at,
      opinion: over.status === 'rejected' ? '材料不全' : null,
      ...over,
    })
    .returning();
  return r!;
}

/** Public hours as the learning area credits them (compulsory exam passed / all electives done). */
export async function creditPublic(
  db: Db,
  accountId: number,
  year: number,
  kind: 'compulsory' | 'elective',
  hours = kind === 'compulsory' ? 15 : 10,
) {
  await db.insert(publicCredits).values({ accountId, year, kind, hours, creditedAt: now(), source: 'test' });
}
