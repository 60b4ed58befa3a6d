import { TRAINEE_RESULT_LABEL, type TraineeResult } from '@ptce/contracts';
import { and, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../auth/actor';
import { unitScope } from '../../auth/scope';
import type { Db } from '../../db/client';
import { idNumberHash, idNumberHashes } from '../../db/pii';
import { idNumberIn } from '../../db/pii-lookup';
import { accounts, trainingClassTrainees, units } from '../../db/schema/index';
import { normalizeIdNumber, validateIdNumber } from '../../domain/id-number';
import type { ClassRecord } from './find-class';

/** One trainee as typed (a row of the template or 添加学员). */
export interface TraineeEntry {
  rowNumber: number;
  name: string;
  idNumber: string;
  unit: string;
  hours: number;
  result: TraineeResult;
}

/** A trainee ready to be written: the person found, or the unit a new (unclaimed) person is created in. */
export interface ResolvedTrainee extends TraineeEntry {
  idHash: string;
  accountId: number | null;
  unitId: number | null;
  gender: string;
  birthDate: string;
}

export type TraineeField = 'name' | 'idNumber' | 'unit' | 'hours' | 'result';
export type TraineeProblem = { field: TraineeField; reason: string };
export type TraineeCheck =
  { rowNumber: number; value: ResolvedTrainee } | { rowNumber: number; problems: TraineeProblem[] };

export const RESULT_BY_LABEL = new Map(
  Object.entries(TRAINEE_RESULT_LABEL).map(([k, v]) => [v, k as TraineeResult] as const),
);

/** What a trainee's entry says on its own, against the class: the ID number (GB 11643), 实际学时 ≤ 项目学时. */
export function checkEntry(
  e: { idNumber: string; hours: number },
  cls: Pick<ClassRecord, 'hours'>,
  today: string,
): { problems: TraineeProblem[]; gender: string; birthDate: string; idNumber: string } {
  const problems: TraineeProblem[] = [];
  const idNumber = normalizeIdNumber(e.idNumber.replace(/\s+/g, ''));
  const id = validateIdNumber(idNumber, today);
  if (!id.ok) problems.push({ field: 'idNumber', reason: id.reason });
  if (!(e.hours > 0)) problems.push({ field: 'hours', reason: '实际学时必须大于0' });
  else if (Math.round(e.hours * 10) !== e.hours * 10)
    problems.push({ field: 'hours', reason: '实际学时最多保留1位小数' });
  else if (e.hours > cls.hours)
    problems.push({ field: 'hours', reason: `实际学时不能超过项目学时（${cls.hours}学时）` });
  return { problems, idNumber, gender: id.ok ? id.gender : '', birthDate: id.ok ? id.birthDate : '' };
}

/** Which units a class's organiser may record trainees of: a base anyone's, a unit its own, an authority its scope. */
function unitAllowed(actor: Actor, cls: ClassRecord, unitCol: typeof units.id | typeof accounts.unitId): SQL {
  if (cls.organiserKind === 'unit') return eq(unitCol, cls.unitId!);
  if (cls.organiserKind === 'authority') return unitScope(actor, unitCol);
  return sql`true`;
}

const outOfScope = (cls: ClassRecord) =>
  cls.organiserKind === 'unit'
    ? '该人员不是本单位人员：单位举办的培训班只能登记本单位人员'
    : '该人员所在单位不在本主管部门的管辖范围内';

/**
 * Checks a batch of entries against the database: the person of each ID number (the same name), the unit of
 * a person not yet in the system (by name or 统一社会信用代码), the organiser's reach, a person already a
 * trainee of this class (同一培训班不能重复登记), an ID number twice in the file (`seen`, across batches).
 */
export async function resolveTrainees(
  db: Db,
  actor: Actor,
  cls: ClassRecord,
  entries: readonly TraineeEntry[],
  today: string,
  seen: Map<string, number>,
): Promise<TraineeCheck[]> {
  const alone = entries.map((e) => ({ e, ...checkEntry(e, cls, today) }));
  const ids = [...new Set(alone.filter((a) => !a.problems.some((p) => p.field === 'idNumber')).map((a) => a.idNumber))];
  const people = ids.length
    ? await db
        .select({
          id: accounts.id,
          name: accounts.name,
          hmac: accounts.idNumberHmac,
          unitId: accounts.unitId,
          inScope: sql<boolean>`coalesce(${unitAllowed(actor, cls, accounts.unitId)}, false)`,
        })
        .from(accounts)
        .where(and(eq(accounts.kind, 'professional'), idNumberIn(ids)))
    : [];
  const byHash = new Map(people.map((p) => [p.hmac, p]));
  const personOf = (idNumber: string) => {
    for (const h of idNumberHashes(idNumber)) {
      const p = byHash.get(h);
      if (p) return p;
    }
    return undefined;
  };
  const already = people.length
    ? new Set(
        (
          await db
            .select({ accountId: trainingClassTrainees.accountId })
            .from(trainingClassTrainees)
            .where(
              and(
                eq(trainingClassTrainees.classId, cls.id),
                inArray(
                  trainingClassTrainees.accountId,
                  people.map((p) => p.id),
                ),
              ),
            )
        ).map((r) => r.accountId),
      )
    : new Set<number>();
  const unitKeys = [
    ...new Set(alone.filter((a) => !a.problems.length && !personOf(a.idNumber)).map((a) => a.e.unit.trim())),
  ];
  const unitRows = unitKeys.length
    ? await db
        .select({
          id: units.id,
          name: units.name,
          creditCode: units.creditCode,
          inScope: sql<boolean>`coalesce(${unitAllowed(actor, cls, units.id)}, false)`,
        })
        .from(units)
        .where(
          and(
            isNull(units.disabledAt),
            or(
              inArray(units.name, unitKeys),
              inArray(
                units.creditCode,
                unitKeys.map((k) => k.toUpperCase()),
              ),
            ),
          ),
        )
    : [];
  const unitOf = (key: string) => {
    const k = key.trim();
    const byCode = unitRows.find((u) => u.creditCode === k.toUpperCase());
    if (byCode) return byCode;
    const named = unitRows.filter((u) => u.name === k);
    return named.length === 1 ? named[0] : named.length > 1 ? null : undefined;
  };

  return alone.map(({ e, problems, idNumber, gender, birthDate }): TraineeCheck => {
    const rowNumber = e.rowNumber;
    if (problems.some((p) => p.field === 'idNumber')) return { rowNumber, problems };
    const hash = idNumberHash(idNumber);
    const first = seen.get(hash);
    if (first !== undefined && first !== rowNumber)
      problems.push({ field: 'idNumber', reason: `与第${first}行的身份证号码重复（同一培训班不能重复登记）` });
    const p = personOf(idNumber);
    let unitId: number | null = null;
    if (p) {
      if (p.name !== e.name.trim()) problems.push({ field: 'name', reason: '姓名与系统中该身份证号码的人员不一致' });
      else if (!p.inScope) problems.push({ field: 'idNumber', reason: outOfScope(cls) });
      else if (already.has(p.id))
        problems.push({ field: 'idNumber', reason: '该人员已是本培训班学员（同一培训班不能重复登记）' });
      unitId = p.unitId;
    } else {
      const u = unitOf(e.unit);
      if (u === null)
        problems.push({ field: 'unit', reason: `系统中有多个名为“${e.unit}”的单位，请填写其统一社会信用代码` });
      else if (!u)
        problems.push({
          field: 'unit',
          reason: '该人员尚未在系统中：工作单位须为系统中已有单位的全称或统一社会信用代码',
        });
      else if (!u.inScope) problems.push({ field: 'unit', reason: outOfScope(cls) });
      else unitId = u.id;
    }
    if (problems.length) return { rowNumber, problems };
    if (first === undefined) seen.set(hash, rowNumber);
    return {
      rowNumber,
      value: {
        ...e,
        name: e.name.trim(),
        unit: e.unit.trim(),
        idNumber,
        idHash: hash,
        accountId: p?.id ?? null,
        unitId,
        gender,
        birthDate,
      },
    };
  });
}
