import type { RecordInput } from '@ptce/contracts';
import { and, eq } from 'drizzle-orm';
import { now } from '../../clock';
import { personScope } from '../../auth/scope';
import type { Db } from '../../db/client';
import { accounts, hourRecords } from '../../db/schema/index';
import { invalid } from '../../errors';
import type { Caller } from '../auth/index';
import { writeAudit } from '../audit/index';
import { refuseDuplicate } from './duplicate-record';
import { addHistory } from './history';
import { validateRecord } from './validate-record';

/** The person a record is for: the professional themselves, or a staff member within the admin's scope. */
export async function personFor(ctx: Caller, db: Db, accountId: number | undefined) {
  const id = ctx.actor.kind === 'professional' ? ctx.actor.id : accountId;
  if (!id) throw invalid('accountId', '请选择专业技术人员');
  const [p] = await db
    .select({ id: accounts.id, name: accounts.name, unitId: accounts.unitId })
    .from(accounts)
    .where(and(eq(accounts.id, id), eq(accounts.kind, 'professional'), personScope(ctx.actor)));
  if (!p) throw invalid('accountId', '该人员不存在或不在您的管理范围内');
  return p;
}

/** 新登记培训 / 专业科目学时登记: a draft (待提交) for oneself or, on the unit side, for a staff member. */
export async function registerRecord(
  ctx: Caller,
  input: RecordInput & { accountId?: number },
): Promise<{ id: number; hours: number }> {
  return ctx.db.transaction(async (tx) => {
    const person = await personFor(ctx, tx, input.accountId);
    const { year, hours } = await validateRecord(tx, input, { personId: person.id, unitId: person.unitId });
    await refuseDuplicate(tx, person, input);
    const at = now();
    const [row] = await tx
      .insert(hourRecords)
      .values({
        accountId: person.id,
        year,
        activityType: input.activityType,
        title: input.title,
        organizer: input.organizer,
        place: input.place,
        startDate: input.startDate,
        startHalf: input.startHalf,
        endDate: input.endDate,
        endHalf: input.endHalf,
        hours,
        remarks: input.remarks,
        declaredAt: at,
        status: 'draft',
        source: ctx.actor.kind === 'professional' ? 'self' : 'unit',
        unitId: person.unitId,
        createdBy: ctx.actor.id,
        createdAt: at,
        updatedAt: at,
      })
      .returning({ id: hourRecords.id });
    await addHistory(tx, [row!.id], 'create', ctx.actor);
    await writeAudit(tx, ctx, {
      action: 'hours.record.create',
      targetType: 'hour_record',
      targetId: row!.id,
      detail: { accountId: person.id, year, hours },
    });
    return { id: row!.id, hours };
  });
}
