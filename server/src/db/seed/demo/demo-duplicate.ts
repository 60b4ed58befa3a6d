import { shanghaiYear } from '../../../clock';
import { idCheckChar } from '../../../domain/id-number';
import type { Db } from '../../client';
import { accounts, hourRecords } from '../../schema/index';
import { personColumns } from './demo-person';
import { createRng, randomIdNumber } from './people';

interface Place {
  unitId: number;
  departmentId: number;
  regionCode: string;
  at: Date;
  common: {
    passwordHash: string;
    mustChangePassword: boolean;
    loginEnabled: boolean;
    createdAt: Date;
    updatedAt: Date;
  };
}

/**
 * One person with two accounts (人员查询's 合并账号): 农秀英's own, and one her unit's clerk opened with a
 * mistyped ID number (the 15th digit), which holds a training she attended this year. The help desk
 * merges the second into the first. Returns both ID numbers: the right one first.
 */
export async function seedDuplicateAccount(tx: Db, p: Place): Promise<[string, string]> {
  const rng = createRng(20260512);
  const right = randomIdNumber(rng, {
    regionCode: p.regionCode,
    birthYearFrom: 1985,
    birthYearTo: 1990,
    gender: 'female',
  });
  const body = `${right.slice(0, 14)}${(Number(right[14]) + 1) % 10}${right.slice(15, 17)}`;
  const wrong = body + idCheckChar(body);
  const person = (idNumber: string, contact: boolean) => ({
    ...p.common,
    kind: 'professional' as const,
    realm: 'person' as const,
    ...personColumns(rng, { idNumber, name: '农秀英', gender: 'female', at: p.at, contact }),
    unitId: p.unitId,
    departmentId: p.departmentId,
  });
  await tx.insert(accounts).values(person(right, true));
  const [dup] = await tx.insert(accounts).values(person(wrong, false)).returning({ id: accounts.id });
  const year = shanghaiYear(p.at);
  await tx.insert(hourRecords).values({
    accountId: dup!.id,
    year,
    activityType: 'training',
    title: '基层医疗卫生机构院感防控培训班',
    organizer: '南宁市卫生健康委员会',
    place: '南宁市青秀区',
    startDate: `${year}-04-16`,
    startHalf: 'am',
    endDate: `${year}-04-17`,
    endHalf: 'pm',
    hours: 16,
    remarks: '',
    declaredAt: p.at,
    status: 'pending',
    source: 'unit',
    unitId: p.unitId,
    reviewTarget: 'unit',
    submittedAt: p.at,
    submittedBy: dup!.id,
    createdBy: dup!.id,
    createdAt: p.at,
    updatedAt: p.at,
  });
  return [right, wrong];
}
