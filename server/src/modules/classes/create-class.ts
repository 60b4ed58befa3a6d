import { checkSpan, defaultHours, type Span } from '@ptce/rules';
import type { ClassInput, ClassRow, CreateClassRequest } from '@ptce/contracts';
import { now } from '../../clock';
import { trainingClasses } from '../../db/schema/index';
import { AppError, ruleError } from '../../errors';
import type { Caller } from '../auth/index';
import { writeAudit } from '../audit/index';
import { planOf } from '../hours/index';
import { toClassRow } from './find-class';
import { filedClassOf } from './filed-class';
import { organiserOf } from './organiser';

/**
 * 新增培训班. A base's class is of one of its filings 已备案 (everything, the 备案号 included, comes from the
 * filing; one class per filing); a unit or an authority describes its class. 项目学时 is the half days of
 * the schedule × the plan's hours per half day — never typed.
 */
export async function createClass(ctx: Caller, input: CreateClassRequest): Promise<ClassRow> {
  const organiser = await organiserOf(ctx.db, ctx.actor);
  return ctx.db.transaction(async (tx) => {
    let fields: ClassInput & { filingId: number | null; filingNumber: string | null; hours?: number };
    if ('filingId' in input) {
      if (organiser.kind !== 'base') throw new AppError('FORBIDDEN', '只有继续教育基地的培训班对应培训备案');
      fields = await filedClassOf(tx, organiser.baseId!, input.filingId);
    } else {
      if (organiser.kind === 'base')
        throw new AppError('VALIDATION', '继续教育基地的培训班须先完成培训备案：请选择已备案的项目', [
          { field: 'filingId', reason: '请选择已备案的项目' },
        ]);
      fields = { ...input, filingId: null, filingNumber: null };
    }
    const span = fields as Span;
    const v = checkSpan(span);
    if (v.length) throw ruleError(v);
    const year = Number(fields.startDate.slice(0, 4));
    const plan = await planOf(tx, year);
    if (!plan)
      throw new AppError('VALIDATION', `${year}年度的年度计划尚未发布，暂不能新增该年度的培训班`, [
        { field: 'startDate', reason: `${year}年度的年度计划尚未发布` },
      ]);
    const at = now();
    const [c] = await tx
      .insert(trainingClasses)
      .values({
        organiserKind: organiser.kind,
        baseId: organiser.baseId,
        unitId: organiser.unitId,
        authorityId: organiser.authorityId,
        organiserName: organiser.name,
        filingId: fields.filingId,
        filingNumber: fields.filingNumber,
        title: fields.title,
        category: fields.category,
        place: fields.place,
        startDate: fields.startDate,
        startHalf: fields.startHalf,
        endDate: fields.endDate,
        endHalf: fields.endHalf,
        year,
        // A filed class's 项目学时 is its filing's (from the 课程安排); others' the schedule's half days.
        hours: fields.hours ?? defaultHours(span, plan.hoursPerHalfDay),
        createdBy: ctx.actor.id,
        createdAt: at,
        updatedAt: at,
      })
      .onConflictDoNothing()
      .returning();
    if (!c) throw new AppError('CONFLICT', '该备案项目已建立培训班，请在培训班列表中打开');
    await writeAudit(tx, ctx, {
      action: 'classes.create',
      targetType: 'training_class',
      targetId: c.id,
      detail: { title: c.title, filingNumber: c.filingNumber, hours: c.hours, year },
    });
    return toClassRow(c, { traineeCount: 0, passedCount: 0 });
  });
}
