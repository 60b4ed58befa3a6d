import { passwordPolicyProblem, type RegisterRequest } from '@ptce/contracts';
import { and, eq } from 'drizzle-orm';
import { now, shanghaiDate } from '../../clock';
import type { Db } from '../../db/client';
import { accounts, units } from '../../db/schema/index';
import { normalizeIdNumber, validateIdNumber } from '../../domain/id-number';
import { AppError, invalid } from '../../errors';
import { hashPassword } from '../../auth/passwords';
import { isUniqueViolation } from '../../db/sql-helpers';
import { idNumberAccountColumns, phoneColumns } from '../../db/pii';
import { idNumberIs } from '../../db/pii-lookup';
import { writeAudit } from '../audit/index';

const NAME_DIFFERS = '姓名与培训班或行业系统登记的该身份证号码人员不一致，请核对后重试或联系单位管理员';
const DUPLICATE = '该身份证号码已注册，请直接登录；如忘记密码，请联系单位管理员重置';

/** 注册: a new professional; username = ID number; gender and birth date come from the number. */
export async function registerProfessional(db: Db, input: RegisterRequest, ip: string): Promise<{ id: number }> {
  const idNumber = normalizeIdNumber(input.idNumber);
  const check = validateIdNumber(idNumber, shanghaiDate());
  if (!check.ok) throw invalid('idNumber', check.reason);
  // The username of a professional is the ID number.
  const problem = passwordPolicyProblem(input.password, { username: idNumber, idNumber });
  if (problem) throw invalid('password', problem);
  const [unit] = await db
    .select({ id: units.id, disabledAt: units.disabledAt })
    .from(units)
    .where(eq(units.id, input.unitId));
  if (!unit) throw invalid('unitId', '所选单位不存在，请重新搜索选择');
  if (unit.disabledAt) throw invalid('unitId', '所选单位已停用，请选择其他单位');
  const passwordHash = await hashPassword(input.password);
  const at = now();
  try {
    return await db.transaction(async (tx) => {
      // The unique index on the hash decides; this also catches a number stored under PII_KEY_PREVIOUS
      // during a key rotation.
      const [taken] = await tx
        .select({ id: accounts.id, name: accounts.name, passwordHash: accounts.passwordHash })
        .from(accounts)
        .where(and(eq(accounts.kind, 'professional'), idNumberIs(idNumber)))
        .limit(1)
        .for('update');
      // A person an industry system pushed hours for (行业学时对接) or a class's organiser recorded (导入学员学时)
      // exists without a password (accounts createUnclaimedPeople): 注册 claims it.
      if (taken && taken.passwordHash === '') {
        if (taken.name !== input.name) {
          throw new AppError('CONFLICT', NAME_DIFFERS, [{ field: 'name', reason: NAME_DIFFERS }]);
        }
        await tx
          .update(accounts)
          .set({
            passwordHash,
            loginEnabled: true,
            ...phoneColumns(input.phone),
            unitId: unit.id,
            pendingConfirmation: true,
            passwordChangedAt: at,
            updatedAt: at,
          })
          .where(eq(accounts.id, taken.id));
        await writeAudit(
          tx,
          { actor: { id: taken.id, name: taken.name, kind: 'professional' }, ip },
          { action: 'account.claim', targetType: 'account', targetId: taken.id, detail: { unitId: unit.id } },
        );
        return { id: taken.id };
      }
      if (taken) throw new AppError('CONFLICT', DUPLICATE, [{ field: 'idNumber', reason: DUPLICATE }]);
      const [row] = await tx
        .insert(accounts)
        .values({
          kind: 'professional',
          realm: 'person',
          ...idNumberAccountColumns(idNumber),
          passwordHash,
          mustChangePassword: false,
          loginEnabled: true,
          name: input.name,
          gender: check.gender,
          birthDate: check.birthDate,
          ...phoneColumns(input.phone),
          unitId: unit.id,
          pendingConfirmation: true, // 新注册 until the unit confirms
          passwordChangedAt: at,
          createdAt: at,
          updatedAt: at,
        })
        .returning({ id: accounts.id, name: accounts.name });
      await writeAudit(
        tx,
        { actor: { id: row!.id, name: row!.name, kind: 'professional' }, ip },
        {
          action: 'account.register',
          targetType: 'account',
          targetId: row!.id,
          detail: { unitId: unit.id },
        },
      );
      return { id: row!.id };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError('CONFLICT', DUPLICATE, [{ field: 'idNumber', reason: DUPLICATE }]);
    throw e;
  }
}
