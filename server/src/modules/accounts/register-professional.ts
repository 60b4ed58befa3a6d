import { passwordPolicyProblem, type RegisterRequest } from '@ptce/contracts';
import { and, eq } from 'drizzle-orm';
import { now, shanghaiDate } from '../../clock';
import type { Db } from '../../db/client';
import { accounts, units } from '../../db/schema/index';
import { normalizeIdNumber, validateIdNumber } from '../../domain/id-number';
import { AppError, invalid } from '../../errors';
import { hashPassword } from '../../auth/passwords';
import { isUniqueViolation } from '../../db/sql-helpers';
import { idNumberAccountColumns } from '../../db/pii';
import { idNumberIs } from '../../db/pii-lookup';
import { writeAudit } from '../audit/index';

const DUPLICATE = '该身份证号码已注册，请直接登录；如忘记密码，请联系单位管理员重置';

/** 注册: a new professional; username = ID number; gender and birth date come from the number. */
export async function registerProfessional(db: Db, input: RegisterRequest, ip: string): Promise<{ id: number }> {
  const idNumber = normalizeIdNumber(input.idNumber);
  const check = validateIdNumber(idNumber, shanghaiDate());
  if (!check.ok) throw invalid('idNumber', check.reason);
  // The username of a professional is the ID number.
  const problem = passwordPolicyProblem(input.password, { username: idNumber, idNumber });
  if (problem) throw invalid('password', problem);
  const [unit] = await db.select({ id: units.id }).from(units).where(eq(units.id, input.unitId));
  if (!unit) throw invalid('unitId', '所选单位不存在，请重新搜索选择');
  const passwordHash = await hashPassword(input.password);
  const at = now();
  try {
    return await db.transaction(async (tx) => {
      // The unique index on the hash decides; this also catches a number stored under PII_KEY_PREVIOUS
      // during a key rotation.
      const [taken] = await tx
        .select({ id: accounts.id })
        .from(accounts)
        .where(and(eq(accounts.kind, 'professional'), idNumberIs(idNumber)))
        .limit(1);
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
          phone: input.phone,
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
