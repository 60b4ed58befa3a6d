import type { BankCourseRow, QuestionInput, QuestionRow, QuestionUpdate } from '@ptce/contracts';
import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import { now } from '../../clock';
import type { Db } from '../../db/client';
import { courses, questions } from '../../db/schema/index';
import { AppError, notFound } from '../../errors';
import type { Caller } from '../auth/index';
import { writeAudit } from '../audit/index';

// 题库 — maintained by the training centre (operator). Papers already served keep their own copy
// of each question, so editing or disabling a question never changes an attempt in progress.

function row(q: typeof questions.$inferSelect): QuestionRow {
  return {
    id: q.id,
    courseId: q.courseId,
    type: q.type,
    stem: q.stem,
    options: q.options,
    answer: q.answer,
    explanation: q.explanation,
    enabled: q.enabled,
    updatedAt: q.updatedAt.toISOString(),
  };
}

export async function listBankCourses(db: Db): Promise<BankCourseRow[]> {
  const rows = await db
    .select({
      c: courses,
      years: sql<
        number[]
      >`COALESCE((SELECT array_agg(pc.year ORDER BY pc.year) FROM plan_courses pc WHERE pc.course_id = courses.id), '{}')`,
      questionCount: sql<number>`(SELECT count(*)::int FROM questions q WHERE q.course_id = courses.id)`,
      enabledCount: sql<number>`(SELECT count(*)::int FROM questions q WHERE q.course_id = courses.id AND q.enabled)`,
    })
    .from(courses)
    .orderBy(asc(courses.code));
  return rows.map((r) => ({
    id: r.c.id,
    code: r.c.code,
    title: r.c.title,
    kind: r.c.kind,
    area: r.c.area,
    years: (r.years ?? []).map(Number),
    questionCount: Number(r.questionCount),
    enabledCount: Number(r.enabledCount),
  }));
}

export async function listQuestions(db: Db, courseId: number): Promise<QuestionRow[]> {
  const [c] = await db.select({ id: courses.id }).from(courses).where(eq(courses.id, courseId));
  if (!c) throw notFound('课程');
  return (await db.select().from(questions).where(eq(questions.courseId, courseId)).orderBy(asc(questions.id))).map(
    row,
  );
}

async function assertUniqueStem(db: Db, courseId: number, stem: string, exceptId?: number) {
  const [dup] = await db
    .select({ id: questions.id })
    .from(questions)
    .where(
      and(
        eq(questions.courseId, courseId),
        eq(questions.stem, stem),
        exceptId ? ne(questions.id, exceptId) : sql`true`,
      ),
    );
  if (dup) throw new AppError('CONFLICT', '本课程题库中已有相同题干的试题');
}

/**
 * The one way questions enter a bank: enabled, the answer's option numbers in order. Used by 新增试题 and,
 * a batch at a time, by 题库导入 (whose whole file has one audit entry).
 */
export async function insertQuestions(db: Db, courseId: number, inputs: QuestionInput[], at = now()) {
  if (!inputs.length) return [];
  return db
    .insert(questions)
    .values(
      inputs.map((input) => ({
        courseId,
        type: input.type,
        stem: input.stem,
        options: input.options,
        answer: [...input.answer].sort((a, b) => a - b),
        explanation: input.explanation,
        enabled: true,
        createdAt: at,
        updatedAt: at,
      })),
    )
    .returning();
}

/** The stems of a course's bank among `stems` (duplicate stems are refused). */
export async function existingStems(db: Db, courseId: number, stems: string[]): Promise<Set<string>> {
  if (!stems.length) return new Set();
  const rows = await db
    .select({ stem: questions.stem })
    .from(questions)
    .where(and(eq(questions.courseId, courseId), inArray(questions.stem, stems)));
  return new Set(rows.map((r) => r.stem));
}

export async function createQuestion(ctx: Caller, courseId: number, input: QuestionInput): Promise<QuestionRow> {
  return ctx.db.transaction(async (tx) => {
    const [c] = await tx.select({ id: courses.id }).from(courses).where(eq(courses.id, courseId));
    if (!c) throw notFound('课程');
    await assertUniqueStem(tx, courseId, input.stem);
    const [q] = await insertQuestions(tx, courseId, [input]);
    await writeAudit(
      tx,
      { actor: ctx.actor, ip: ctx.ip },
      {
        action: 'exam.question_create',
        targetType: 'question',
        targetId: q!.id,
        detail: { courseId, type: input.type },
      },
    );
    return row(q!);
  });
}

export async function updateQuestion(ctx: Caller, questionId: number, patch: QuestionUpdate): Promise<QuestionRow> {
  return ctx.db.transaction(async (tx) => {
    const [old] = await tx.select().from(questions).where(eq(questions.id, questionId)).for('update');
    if (!old) throw notFound('试题');
    if (patch.stem !== undefined) await assertUniqueStem(tx, old.courseId, patch.stem, questionId);
    const set: Partial<typeof questions.$inferInsert> = { updatedAt: now() };
    for (const k of ['type', 'stem', 'options', 'explanation', 'enabled'] as const)
      if (patch[k] !== undefined) (set as Record<string, unknown>)[k] = patch[k];
    if (patch.answer) set.answer = [...patch.answer].sort((a, b) => a - b);
    const [q] = await tx.update(questions).set(set).where(eq(questions.id, questionId)).returning();
    await writeAudit(
      tx,
      { actor: ctx.actor, ip: ctx.ip },
      {
        action: 'exam.question_update',
        targetType: 'question',
        targetId: questionId,
        detail: {
          courseId: old.courseId,
          fields: Object.keys(patch),
          ...(patch.enabled !== undefined ? { enabled: patch.enabled } : {}),
        },
      },
    );
    return row(q!);
  });
}
