import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  unique,
  uniqueIndex,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import type { ServedQuestion } from '../../domain/learning';
import { hoursColumn, oneOf, tstz } from './columns';
import { accounts } from './accounts';
import { annualPlans } from './plans';

// Public subjects (公需科目). The SQL is server/migrations/0003_learning.sql.

export const COURSE_KINDS = ['compulsory', 'elective'] as const;
export const CHAPTER_KINDS = ['text', 'pdf', 'video'] as const;
export const QUESTION_TYPES = ['single', 'multiple', 'judge'] as const;
export const ROUND_KINDS = ['regular', 'makeup', 'prior_year'] as const;
/** A course is a draft (草稿, seen by the operator only) until it is published (已发布) for learners. */
export const COURSE_STATUSES = ['draft', 'published'] as const;

export const courses = pgTable(
  'courses',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    code: text('code').notNull().unique('courses_code_key'),
    title: text('title').notNull(),
    kind: text('kind', { enum: COURSE_KINDS }).notNull(),
    area: text('area'),
    summary: text('summary').notNull().default(''),
    lecturer: text('lecturer').notNull().default(''),
    /** The plan year the course is made for (migration 0024: the first plan year of older courses). */
    year: integer('year'),
    status: text('status', { enum: COURSE_STATUSES }).notNull().default('published'),
    publishedAt: tstz('published_at'),
    /** 复制上年课程: the course this one was copied from. */
    copiedFrom: integer('copied_from').references((): AnyPgColumn => courses.id, { onDelete: 'set null' }),
    createdAt: tstz('created_at').notNull(),
    updatedAt: tstz('updated_at').notNull(),
  },
  (t) => [
    check('courses_kind_check', oneOf(t.kind, COURSE_KINDS)),
    check('courses_status_check', oneOf(t.status, COURSE_STATUSES)),
    index('courses_year_idx').on(t.year),
  ],
);

export const courseChapters = pgTable(
  'course_chapters',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    courseId: integer('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    title: text('title').notNull(),
    kind: text('kind', { enum: CHAPTER_KINDS }).notNull(),
    requiredSeconds: integer('required_seconds').notNull(),
    body: text('body'),
    fileKey: text('file_key'),
    fileName: text('file_name'),
    mimeType: text('mime_type'),
    fileSize: bigint('file_size', { mode: 'number' }),
    createdAt: tstz('created_at').notNull(),
    updatedAt: tstz('updated_at').notNull(),
  },
  (t) => [
    check('course_chapters_kind_check', oneOf(t.kind, CHAPTER_KINDS)),
    check('course_chapters_required_seconds_check', sql`${t.requiredSeconds} > 0`),
    check('course_chapters_text_body', sql`${t.kind} <> 'text' OR ${t.body} IS NOT NULL`),
    unique('course_chapters_seq').on(t.courseId, t.seq),
  ],
);

/** 相关资料 */
export const courseMaterials = pgTable(
  'course_materials',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    courseId: integer('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    title: text('title').notNull(),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    content: text('content'),
    fileKey: text('file_key'),
    fileSize: bigint('file_size', { mode: 'number' }),
    createdAt: tstz('created_at').notNull(),
  },
  (t) => [
    unique('course_materials_seq').on(t.courseId, t.seq),
    check('course_materials_one_body', sql`(${t.content} IS NULL) <> (${t.fileKey} IS NULL)`),
  ],
);

export const planCourses = pgTable(
  'plan_courses',
  {
    year: integer('year')
      .notNull()
      .references(() => annualPlans.year, { onDelete: 'cascade' }),
    courseId: integer('course_id')
      .notNull()
      .references(() => courses.id),
    kind: text('kind', { enum: COURSE_KINDS }).notNull(),
    seq: integer('seq').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.year, t.courseId] }),
    check('plan_courses_kind_check', oneOf(t.kind, COURSE_KINDS)),
    uniqueIndex('plan_courses_one_compulsory')
      .on(t.year)
      .where(sql`${t.kind} = 'compulsory'`),
    index('plan_courses_course_idx').on(t.courseId),
  ],
);

/** 题库 */
export const questions = pgTable(
  'questions',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    courseId: integer('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    type: text('type', { enum: QUESTION_TYPES }).notNull(),
    stem: text('stem').notNull(),
    options: jsonb('options').$type<string[]>().notNull(),
    answer: jsonb('answer').$type<number[]>().notNull(),
    explanation: text('explanation').notNull().default(''),
    enabled: boolean('enabled').notNull().default(true),
    createdAt: tstz('created_at').notNull(),
    updatedAt: tstz('updated_at').notNull(),
  },
  (t) => [
    check('questions_type_check', oneOf(t.type, QUESTION_TYPES)),
    unique('questions_unique_stem').on(t.courseId, t.stem),
  ],
);

/** A pass at the compulsory course: learning + max_attempts exam attempts (补学补考 opens another). */
export const examRounds = pgTable(
  'exam_rounds',
  {
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    planYear: integer('plan_year')
      .notNull()
      .references(() => annualPlans.year),
    roundNo: integer('round_no').notNull(),
    kind: text('kind', { enum: ROUND_KINDS }).notNull(),
    openedAt: tstz('opened_at').notNull(),
    grantedBy: integer('granted_by').references(() => accounts.id),
    reason: text('reason'),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.planYear, t.roundNo] }),
    check('exam_rounds_round_no_check', sql`${t.roundNo} > 0`),
    check('exam_rounds_kind_check', oneOf(t.kind, ROUND_KINDS)),
    check(
      'exam_rounds_makeup_reason',
      sql`${t.kind} <> 'makeup' OR (${t.grantedBy} IS NOT NULL AND ${t.reason} IS NOT NULL)`,
    ),
  ],
);

export const chapterProgress = pgTable(
  'chapter_progress',
  {
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    planYear: integer('plan_year').notNull(),
    chapterId: integer('chapter_id')
      .notNull()
      .references(() => courseChapters.id, { onDelete: 'cascade' }),
    roundNo: integer('round_no').notNull(),
    creditedMs: integer('credited_ms').notNull().default(0),
    startedAt: tstz('started_at').notNull(),
    updatedAt: tstz('updated_at').notNull(),
    completedAt: tstz('completed_at'),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.planYear, t.chapterId, t.roundNo] }),
    check('chapter_progress_credited_ms_check', sql`${t.creditedMs} >= 0`),
  ],
);

export const courseCompletions = pgTable(
  'course_completions',
  {
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    planYear: integer('plan_year').notNull(),
    courseId: integer('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    roundNo: integer('round_no').notNull(),
    completedAt: tstz('completed_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.planYear, t.courseId, t.roundNo] })],
);

export const learningPresence = pgTable('learning_presence', {
  accountId: integer('account_id')
    .primaryKey()
    .references(() => accounts.id, { onDelete: 'cascade' }),
  tabId: text('tab_id').notNull(),
  planYear: integer('plan_year').notNull(),
  roundNo: integer('round_no').notNull(),
  chapterId: integer('chapter_id')
    .notNull()
    .references(() => courseChapters.id, { onDelete: 'cascade' }),
  requiredSeconds: integer('required_seconds').notNull(),
  video: boolean('video').notNull(),
  openUntil: tstz('open_until').notNull(),
  openedAt: tstz('opened_at').notNull(),
  lastBeatAt: tstz('last_beat_at').notNull(),
  lastCreditMs: integer('last_credit_ms').notNull().default(0),
});

export const examAttempts = pgTable(
  'exam_attempts',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    accountId: integer('account_id').notNull(),
    planYear: integer('plan_year').notNull(),
    roundNo: integer('round_no').notNull(),
    attemptNo: integer('attempt_no').notNull(),
    courseId: integer('course_id')
      .notNull()
      .references(() => courses.id),
    startedAt: tstz('started_at').notNull(),
    deadlineAt: tstz('deadline_at').notNull(),
    submittedAt: tstz('submitted_at'),
    autoSubmitted: boolean('auto_submitted').notNull().default(false),
    paper: jsonb('paper').$type<ServedQuestion[]>().notNull(),
    totalPoints: integer('total_points').notNull(),
    answers: jsonb('answers').$type<Record<string, number[]>>().notNull().default({}),
    earnedPoints: integer('earned_points'),
    score: integer('score'),
    passed: boolean('passed'),
  },
  (t) => [
    check('exam_attempts_attempt_no_check', sql`${t.attemptNo} > 0`),
    foreignKey({
      columns: [t.accountId, t.planYear, t.roundNo],
      foreignColumns: [examRounds.accountId, examRounds.planYear, examRounds.roundNo],
    }).onDelete('cascade'),
    unique('exam_attempts_number').on(t.accountId, t.planYear, t.roundNo, t.attemptNo),
    // At most one open attempt per person and year, whatever the application does.
    uniqueIndex('exam_attempts_one_open')
      .on(t.accountId, t.planYear)
      .where(sql`${t.submittedAt} IS NULL`),
    index('exam_attempts_open_deadline')
      .on(t.deadlineAt)
      .where(sql`${t.submittedAt} IS NULL`),
  ],
);

/** 公需科目学时 — the one ledger of public hours. */
export const publicCredits = pgTable(
  'public_credits',
  {
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    kind: text('kind', { enum: COURSE_KINDS }).notNull(),
    hours: hoursColumn('hours').notNull(),
    creditedAt: tstz('credited_at').notNull(),
    source: text('source').notNull(),
  },
  (t) => [
    check('public_credits_kind_check', oneOf(t.kind, COURSE_KINDS)),
    check('public_credits_hours_check', sql`${t.hours} >= 0`),
    unique('public_credits_once').on(t.accountId, t.year, t.kind),
    index('public_credits_year_idx').on(t.year, t.kind),
  ],
);
