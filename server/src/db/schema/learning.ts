import { bigint, boolean, integer, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import type { ServedQuestion } from '../../domain/learning';
import { hoursColumn, tstz } from './columns';

// Public subjects (公需科目). The SQL is server/migrations/0003_learning.sql.

export const COURSE_KINDS = ['compulsory', 'elective'] as const;
export const CHAPTER_KINDS = ['text', 'pdf', 'video'] as const;
export const QUESTION_TYPES = ['single', 'multiple', 'judge'] as const;
export const ROUND_KINDS = ['regular', 'makeup', 'prior_year'] as const;

export const courses = pgTable('courses', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  code: text('code').notNull(),
  title: text('title').notNull(),
  kind: text('kind', { enum: COURSE_KINDS }).notNull(),
  area: text('area'),
  summary: text('summary').notNull(),
  lecturer: text('lecturer').notNull(),
  createdAt: tstz('created_at').notNull(),
  updatedAt: tstz('updated_at').notNull(),
});

export const courseChapters = pgTable('course_chapters', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  courseId: integer('course_id').notNull(),
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
});

/** 相关资料 */
export const courseMaterials = pgTable('course_materials', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  courseId: integer('course_id').notNull(),
  seq: integer('seq').notNull(),
  title: text('title').notNull(),
  fileName: text('file_name').notNull(),
  mimeType: text('mime_type').notNull(),
  content: text('content'),
  fileKey: text('file_key'),
  fileSize: bigint('file_size', { mode: 'number' }),
  createdAt: tstz('created_at').notNull(),
});

export const planCourses = pgTable(
  'plan_courses',
  {
    year: integer('year').notNull(),
    courseId: integer('course_id').notNull(),
    kind: text('kind', { enum: COURSE_KINDS }).notNull(),
    seq: integer('seq').notNull(),
  },
  (t) => [primaryKey({ columns: [t.year, t.courseId] })],
);

/** 题库 */
export const questions = pgTable('questions', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  courseId: integer('course_id').notNull(),
  type: text('type', { enum: QUESTION_TYPES }).notNull(),
  stem: text('stem').notNull(),
  options: jsonb('options').$type<string[]>().notNull(),
  answer: jsonb('answer').$type<number[]>().notNull(),
  explanation: text('explanation').notNull(),
  enabled: boolean('enabled').notNull(),
  createdAt: tstz('created_at').notNull(),
  updatedAt: tstz('updated_at').notNull(),
});

/** A pass at the compulsory course: learning + max_attempts exam attempts (补学补考 opens another). */
export const examRounds = pgTable(
  'exam_rounds',
  {
    accountId: integer('account_id').notNull(),
    planYear: integer('plan_year').notNull(),
    roundNo: integer('round_no').notNull(),
    kind: text('kind', { enum: ROUND_KINDS }).notNull(),
    openedAt: tstz('opened_at').notNull(),
    grantedBy: integer('granted_by'),
    reason: text('reason'),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.planYear, t.roundNo] })],
);

export const chapterProgress = pgTable(
  'chapter_progress',
  {
    accountId: integer('account_id').notNull(),
    planYear: integer('plan_year').notNull(),
    chapterId: integer('chapter_id').notNull(),
    roundNo: integer('round_no').notNull(),
    creditedMs: integer('credited_ms').notNull(),
    startedAt: tstz('started_at').notNull(),
    updatedAt: tstz('updated_at').notNull(),
    completedAt: tstz('completed_at'),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.planYear, t.chapterId, t.roundNo] })],
);

export const courseCompletions = pgTable(
  'course_completions',
  {
    accountId: integer('account_id').notNull(),
    planYear: integer('plan_year').notNull(),
    courseId: integer('course_id').notNull(),
    roundNo: integer('round_no').notNull(),
    completedAt: tstz('completed_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.planYear, t.courseId, t.roundNo] })],
);

export const learningPresence = pgTable('learning_presence', {
  accountId: integer('account_id').primaryKey(),
  tabId: text('tab_id').notNull(),
  planYear: integer('plan_year').notNull(),
  roundNo: integer('round_no').notNull(),
  chapterId: integer('chapter_id').notNull(),
  requiredSeconds: integer('required_seconds').notNull(),
  video: boolean('video').notNull(),
  openUntil: tstz('open_until').notNull(),
  openedAt: tstz('opened_at').notNull(),
  lastBeatAt: tstz('last_beat_at').notNull(),
  lastCreditMs: integer('last_credit_ms').notNull(),
});

export const examAttempts = pgTable('exam_attempts', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  accountId: integer('account_id').notNull(),
  planYear: integer('plan_year').notNull(),
  roundNo: integer('round_no').notNull(),
  attemptNo: integer('attempt_no').notNull(),
  courseId: integer('course_id').notNull(),
  startedAt: tstz('started_at').notNull(),
  deadlineAt: tstz('deadline_at').notNull(),
  submittedAt: tstz('submitted_at'),
  autoSubmitted: boolean('auto_submitted').notNull(),
  paper: jsonb('paper').$type<ServedQuestion[]>().notNull(),
  totalPoints: integer('total_points').notNull(),
  answers: jsonb('answers').$type<Record<string, number[]>>().notNull(),
  earnedPoints: integer('earned_points'),
  score: integer('score'),
  passed: boolean('passed'),
});

/** 公需科目学时 — the one ledger of public hours. */
export const publicCredits = pgTable('public_credits', {
  accountId: integer('account_id').notNull(),
  year: integer('year').notNull(),
  kind: text('kind', { enum: COURSE_KINDS }).notNull(),
  hours: hoursColumn('hours').notNull(),
  creditedAt: tstz('credited_at').notNull(),
  source: text('source').notNull(),
});
