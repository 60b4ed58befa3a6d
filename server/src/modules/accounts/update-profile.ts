import type { UpdateProfileRequest } from '@ptce/contracts';
import { and, eq } from 'drizzle-orm';
import { now } from '../../clock';
import { accounts, departments } from '../../db/schema/index';
import { invalid } from '../../errors';
import type { Caller } from '../auth/index';
import { phoneColumns } from '../../db/pii';
import { writeAudit } from '../audit/index';

/** 我的信息: phone, e-mail and, for professionals, 所属部门 within their own unit. */
export async function updateOwnProfile(ctx: Caller, input: UpdateProfileRequest): Promise<void> {
  const { actor } = ctx;
  await ctx.db.transaction(async (tx) => {
    const patch: Partial<typeof accounts.$inferInsert> = { updatedAt: now() };
    if (input.phone !== undefined) Object.assign(patch, phoneColumns(input.phone));
    if (input.email !== undefined) patch.email = input.email;
    if (input.departmentId !== undefined) {
      if (actor.kind !== 'professional') throw invalid('departmentId', '只有专业技术人员可以自行选择所属部门');
      if (input.departmentId !== null) {
        const [dept] = await tx
          .select({ id: departments.id })
          .from(departments)
          .where(and(eq(departments.id, input.departmentId), eq(departments.unitId, actor.unitId ?? -1)));
        if (!dept) throw invalid('departmentId', '所选部门不属于您所在的单位');
      }
      patch.departmentId = input.departmentId;
    }
    const [after] = await tx
      .update(accounts)
      .set(patch)
      .where(eq(accounts.id, actor.id))
      .returning({ phone: accounts.phone, email: accounts.email, done: accounts.profileCompletedAt });
    if (after && after.phone && after.email && !after.done) {
      await tx.update(accounts).set({ profileCompletedAt: now() }).where(eq(accounts.id, actor.id));
    }
    await writeAudit(tx, ctx, {
      action: 'account.profile.update',
      targetType: 'account',
      targetId: actor.id,
      detail: { fields: Object.keys(input) },
    });
  });
}
