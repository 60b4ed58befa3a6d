import type { BaseInput, BaseStatusInput } from '@ptce/contracts';
import { eq } from 'drizzle-orm';
import { now } from '../../clock';
import { authorities, regions, trainingBases } from '../../db/schema/index';
import { isUniqueViolation } from '../../db/sql-helpers';
import type { Db } from '../../db/client';
import { AppError, invalid, notFound } from '../../errors';
import type { Caller } from '../auth/index';
import { writeAudit } from '../audit/index';
import { levelColumns } from './base-level';

const nameTaken = () =>
  new AppError('CONFLICT', '已有同名的继续教育基地', [{ field: 'name', reason: '已有同名的继续教育基地' }]);

async function assertRefs(db: Db, input: BaseInput): Promise<void> {
  const [city] = await db.select({ level: regions.level }).from(regions).where(eq(regions.code, input.cityCode));
  if (!city || city.level !== 'city') throw invalid('cityCode', '所在城市不存在');
  if (input.supervisingAuthorityId !== null) {
    const [a] = await db
      .select({ id: authorities.id })
      .from(authorities)
      .where(eq(authorities.id, input.supervisingAuthorityId));
    if (!a) throw invalid('supervisingAuthorityId', '主管部门不存在');
  }
}

function columnsOf(input: BaseInput) {
  return {
    name: input.name,
    phone: input.phone,
    ...levelColumns(input.level, input.regionalBatch),
    cityCode: input.cityCode,
    validFrom: input.validFrom,
    validTo: input.validTo,
    contactName: input.contactName || null,
    contactPhone: input.contactPhone || null,
    address: input.address || null,
    supervisingAuthorityId: input.supervisingAuthorityId,
  };
}

/** 新增基地 (operator), audited. */
export async function createBase(ctx: Caller, input: BaseInput): Promise<{ id: number }> {
  await assertRefs(ctx.db, input);
  try {
    return await ctx.db.transaction(async (tx) => {
      const [b] = await tx
        .insert(trainingBases)
        .values({ ...columnsOf(input), updatedAt: now() })
        .returning({ id: trainingBases.id });
      await writeAudit(tx, ctx, {
        action: 'bases.base.create',
        targetType: 'training_base',
        targetId: b!.id,
        detail: { name: input.name, level: input.level, regionalBatch: input.regionalBatch },
      });
      return { id: b!.id };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw nameTaken();
    throw e;
  }
}

/** 修改基地: level, batch, valid period, contacts, supervising authority — audited old → new. */
export async function updateBase(ctx: Caller, id: number, input: BaseInput): Promise<{ id: number }> {
  await assertRefs(ctx.db, input);
  try {
    return await ctx.db.transaction(async (tx) => {
      const [before] = await tx.select().from(trainingBases).where(eq(trainingBases.id, id)).for('update');
      if (!before) throw notFound('继续教育基地');
      const next = columnsOf(input);
      const diff: Record<string, { from: unknown; to: unknown }> = {};
      for (const [k, v] of Object.entries(next)) {
        const old = before[k as keyof typeof before];
        if (old !== v) diff[k] = { from: old, to: v };
      }
      await tx
        .update(trainingBases)
        .set({ ...next, updatedAt: now() })
        .where(eq(trainingBases.id, id));
      await writeAudit(tx, ctx, {
        action: 'bases.base.update',
        targetType: 'training_base',
        targetId: id,
        detail: { diff },
      });
      return { id };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw nameTaken();
    throw e;
  }
}

/** 暂停 (with a reason) / 恢复 a base: a suspended base cannot file or submit. Audited. */
export async function setBaseStatus(ctx: Caller, id: number, input: BaseStatusInput): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(trainingBases).where(eq(trainingBases.id, id)).for('update');
    if (!before) throw notFound('继续教育基地');
    if (before.status === input.status)
      throw new AppError('STATE_CHANGED', input.status === 'suspended' ? '该基地已暂停' : '该基地状态已为正常');
    await tx
      .update(trainingBases)
      .set({
        status: input.status,
        suspendedReason: input.status === 'suspended' ? input.reason! : null,
        updatedAt: now(),
      })
      .where(eq(trainingBases.id, id));
    await writeAudit(tx, ctx, {
      action: input.status === 'suspended' ? 'bases.base.suspend' : 'bases.base.resume',
      targetType: 'training_base',
      targetId: id,
      detail: { name: before.name, reason: input.reason ?? null },
    });
  });
}
