import { HALF_DAY_LABEL, TRAINEE_RESULT_LABEL, type ClassSummaryQuery } from '@ptce/contracts';
import { and, asc, eq, gt, sql } from 'drizzle-orm';
import { shanghaiDate } from '../../clock';
import { maskIdNumber } from '../../domain/id-number';
import { accounts, trainingClasses, trainingClassTrainees } from '../../db/schema/index';
import type { Caller } from '../auth/index';
import { writeAudit } from '../audit/index';
import { classScope, findClass } from '../classes/index';
import { preparePagedExport } from './paged-export';
import type { XlsxColumn } from './xlsx-writer';

const PAGE = 2000;
type Trainee = {
  id: number;
  name: string;
  idNumber: string | null;
  unitName: string;
  hours: number;
  result: 'passed' | 'failed';
  recordId: number | null;
  registered: boolean;
  overlaps: boolean;
};

const safeName = (s: string) => s.replace(/[\\/:*?"<>|\s]+/g, '').slice(0, 40);
export const rosterExportName = (title: string) =>
  `培训班学员名单_${safeName(title)}_${shanghaiDate().replace(/-/g, '')}.xlsx`;

/**
 * 学员名单 → Excel: a class's trainees with their hours. The organiser gets the full ID numbers of the
 * roster it imported (to reconcile with its sign-in sheets); the operator, reading, gets them masked.
 */
export async function exportClassRoster(ctx: Caller, classId: number) {
  const cls = await findClass(ctx, ctx.db, classId);
  const full = ctx.actor.kind !== 'operator';
  const columns: XlsxColumn<Trainee>[] = [
    { header: '姓名', width: 12, value: (t) => t.name },
    {
      header: '身份证号码',
      width: 22,
      text: true,
      value: (t) => (full ? (t.idNumber ?? '') : maskIdNumber(t.idNumber ?? '')),
    },
    { header: '工作单位', width: 30, value: (t) => t.unitName },
    { header: '实际学时', width: 10, value: (t) => t.hours },
    { header: '考核结果', width: 10, value: (t) => TRAINEE_RESULT_LABEL[t.result] },
    { header: '认定学时', width: 10, value: (t) => (t.recordId ? t.hours : 0) },
    { header: '是否已注册', width: 10, value: (t) => (t.registered ? '已注册' : '未注册') },
    { header: '时间重叠', width: 10, value: (t) => (t.overlaps ? '与其他培训班重叠' : '') },
  ];
  return {
    name: rosterExportName(cls.title),
    write: await preparePagedExport<Trainee, number>({
      sheetName: `${cls.filingNumber ?? '培训班'}学员名单`.slice(0, 31).replace(/[\\/?*[\]:]/g, ''),
      columns,
      page: async (after) => {
        const rows: Trainee[] = await ctx.db
          .select({
            id: trainingClassTrainees.id,
            name: accounts.name,
            idNumber: accounts.idNumber,
            unitName: trainingClassTrainees.unitName,
            hours: trainingClassTrainees.hours,
            result: trainingClassTrainees.result,
            recordId: trainingClassTrainees.recordId,
            registered: sql<boolean>`${accounts.passwordHash} <> ''`,
            overlaps: trainingClassTrainees.overlaps,
          })
          .from(trainingClassTrainees)
          .innerJoin(accounts, eq(accounts.id, trainingClassTrainees.accountId))
          .where(
            and(
              eq(trainingClassTrainees.classId, cls.id),
              after === null ? undefined : gt(trainingClassTrainees.id, after),
            ),
          )
          .orderBy(asc(trainingClassTrainees.id))
          .limit(PAGE);
        const last = rows[rows.length - 1];
        return { rows, next: rows.length === PAGE && last ? last.id : null };
      },
      done: (count) =>
        writeAudit(ctx.db, ctx, {
          action: 'exports.classes.roster',
          targetType: 'training_class',
          targetId: cls.id,
          detail: { rows: count, fullIdNumbers: full },
        }),
    }),
  };
}

type ClassSum = {
  title: string;
  filingNumber: string | null;
  startDate: string;
  startHalf: 'am' | 'pm';
  endDate: string;
  endHalf: 'am' | 'pm';
  place: string;
  hours: number;
  trainees: number;
  passed: number;
  credited: number;
};

export const classSummaryName = (year: number) => `培训班年度汇总_${year}.xlsx`;

/** 年度汇总 → Excel: the organiser's classes of a year (a base's: its filed classes) with trainees and hours. */
export async function exportClassSummary(ctx: Caller, q: ClassSummaryQuery) {
  const columns: XlsxColumn<ClassSum>[] = [
    { header: '培训班名称', width: 36, value: (c) => c.title },
    { header: '备案号', width: 22, value: (c) => c.filingNumber ?? '' },
    { header: '开始', width: 16, value: (c) => `${c.startDate} ${HALF_DAY_LABEL[c.startHalf]}` },
    { header: '结束', width: 16, value: (c) => `${c.endDate} ${HALF_DAY_LABEL[c.endHalf]}` },
    { header: '培训地点', width: 20, value: (c) => c.place },
    { header: '项目学时', width: 10, value: (c) => c.hours },
    { header: '学员人数', width: 10, value: (c) => c.trainees },
    { header: '合格人数', width: 10, value: (c) => c.passed },
    { header: '认定学时合计', width: 14, value: (c) => c.credited },
  ];
  const rows: ClassSum[] = (
    await ctx.db
      .select({
        title: trainingClasses.title,
        filingNumber: trainingClasses.filingNumber,
        startDate: trainingClasses.startDate,
        startHalf: trainingClasses.startHalf,
        endDate: trainingClasses.endDate,
        endHalf: trainingClasses.endHalf,
        place: trainingClasses.place,
        hours: trainingClasses.hours,
        trainees: sql<number>`(SELECT count(*)::int FROM training_class_trainees t WHERE t.class_id = training_classes.id)`,
        passed: sql<number>`(SELECT count(*)::int FROM training_class_trainees t WHERE t.class_id = training_classes.id AND t.record_id IS NOT NULL)`,
        credited: sql<number>`(SELECT coalesce(sum(t.hours), 0)::float8 FROM training_class_trainees t WHERE t.class_id = training_classes.id AND t.record_id IS NOT NULL)`,
      })
      .from(trainingClasses)
      .where(and(classScope(ctx.actor), eq(trainingClasses.year, q.year)))
      .orderBy(asc(trainingClasses.startDate), asc(trainingClasses.id))
  ).map((r) => ({ ...r, trainees: Number(r.trainees), passed: Number(r.passed), credited: Number(r.credited) }));
  return preparePagedExport<ClassSum, number>({
    sheetName: `${q.year}年度培训班汇总`,
    columns,
    page: async () => ({ rows, next: null }),
    done: (count) =>
      writeAudit(ctx.db, ctx, { action: 'exports.classes.summary', detail: { year: q.year, rows: count } }),
  });
}
