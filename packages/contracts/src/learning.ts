import { z } from 'zod';
import { IdNumberLookup } from './common';

// 公需科目: courses and learning progress (前往学习 · 学习课程 · 相关资料), exams (考试列表),
// makeups (补学补考) and the question bank. Shared by server routes and web hooks.

const Id = z.coerce.number().int().positive();
const Year = z.coerce.number().int().min(2000).max(2100);

export const CourseKind = z.enum(['compulsory', 'elective']);
export type CourseKind = z.infer<typeof CourseKind>;
export const COURSE_KIND_LABEL: Record<CourseKind, string> = { compulsory: '必修课', elective: '选修课' };

export const ChapterKind = z.enum(['text', 'pdf', 'video']);
export type ChapterKind = z.infer<typeof ChapterKind>;
export const CHAPTER_KIND_LABEL: Record<ChapterKind, string> = { text: '图文', pdf: 'PDF', video: '视频' };

export const QuestionType = z.enum(['single', 'multiple', 'judge']);
export type QuestionType = z.infer<typeof QuestionType>;
export const QUESTION_TYPE_LABEL: Record<QuestionType, string> = {
  single: '单选题',
  multiple: '多选题',
  judge: '判断题',
};

export const RoundKind = z.enum(['regular', 'makeup', 'prior_year']);
export type RoundKind = z.infer<typeof RoundKind>;
export const ROUND_KIND_LABEL: Record<RoundKind, string> = {
  regular: '正常学习',
  makeup: '补学补考（人工开通）',
  prior_year: '历年补学补考',
};

/** Whether the plan year's public learning is open for this person, until when, or why not. */
export const LearningWindowView = z.object({
  open: z.boolean(),
  kind: z.enum(['current', 'prior']).nullable(),
  until: z.string().nullable(),
  reason: z.string().nullable(),
});
export type LearningWindowView = z.infer<typeof LearningWindowView>;

export const YearParam = z.object({ year: Year });
export const YearCourseParams = z.object({ year: Year, courseId: Id });
export const YearChapterParams = z.object({ year: Year, chapterId: Id });
export const ChapterIdParam = z.object({ chapterId: Id });
export const MaterialIdParam = z.object({ materialId: Id });
export const AttemptIdParam = z.object({ attemptId: Id });
export const CourseIdParam = z.object({ courseId: Id });
export const QuestionIdParam = z.object({ questionId: Id });

export const CourseCard = z.object({
  id: z.number().int(),
  code: z.string(),
  title: z.string(),
  kind: CourseKind,
  area: z.string().nullable(),
  summary: z.string(),
  lecturer: z.string(),
  chapterCount: z.number().int(),
  completedChapters: z.number().int(),
  requiredSeconds: z.number().int(),
  creditedSeconds: z.number().int(),
  started: z.boolean(),
  completed: z.boolean(),
  window: LearningWindowView,
});
export type CourseCard = z.infer<typeof CourseCard>;

/** 前往学习: the year's courses, progress and public hours. */
export const LearningOverview = z.object({
  year: z.number().int(),
  currentYear: z.number().int(),
  publicDeadline: z.string(),
  compulsory: CourseCard.nullable(),
  electives: z.array(CourseCard),
  roundNo: z.number().int(),
  roundKind: RoundKind.nullable(),
  hours: z.object({ compulsory: z.number(), elective: z.number() }),
  plan: z.object({
    compulsoryHours: z.number(),
    electiveHours: z.number(),
    passScore: z.number().int(),
    maxAttempts: z.number().int(),
  }),
});
export type LearningOverview = z.infer<typeof LearningOverview>;

/** 历年培训: one line per plan year up to the current one. */
export const LearningYear = z.object({
  year: z.number().int(),
  isCurrent: z.boolean(),
  compulsoryTitle: z.string().nullable(),
  compulsoryPassed: z.boolean(),
  hours: z.object({ compulsory: z.number(), elective: z.number() }),
  window: LearningWindowView,
});
export type LearningYear = z.infer<typeof LearningYear>;

export const ChapterSummary = z.object({
  id: z.number().int(),
  seq: z.number().int(),
  title: z.string(),
  kind: ChapterKind,
  requiredSeconds: z.number().int(),
  creditedSeconds: z.number().int(),
  started: z.boolean(),
  completed: z.boolean(),
});
export type ChapterSummary = z.infer<typeof ChapterSummary>;

export const MaterialView = z.object({
  id: z.number().int(),
  courseId: z.number().int(),
  courseTitle: z.string(),
  title: z.string(),
  fileName: z.string(),
  size: z.number().int(),
  url: z.string(),
});
export type MaterialView = z.infer<typeof MaterialView>;

export const CourseDetail = CourseCard.extend({
  year: z.number().int(),
  roundNo: z.number().int(),
  chapters: z.array(ChapterSummary),
  materials: z.array(MaterialView),
});
export type CourseDetail = z.infer<typeof CourseDetail>;

export const ChapterView = ChapterSummary.extend({
  year: z.number().int(),
  courseId: z.number().int(),
  courseTitle: z.string(),
  roundNo: z.number().int(),
  /** Markdown-lite text: paragraphs, '## ' headings, '- ' lists (text chapters) */
  body: z.string().nullable(),
  /** PDF or video, served with HTTP Range */
  fileUrl: z.string().nullable(),
  mimeType: z.string().nullable(),
  prevId: z.number().int().nullable(),
  nextId: z.number().int().nullable(),
  window: LearningWindowView,
  heartbeatSeconds: z.number().int(),
});
export type ChapterView = z.infer<typeof ChapterView>;

export const TabId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, '页面标识无效');

export const OpenChapterRequest = z.object({ tabId: TabId });
export type OpenChapterRequest = z.infer<typeof OpenChapterRequest>;

export const HeartbeatRequest = z.object({
  tabId: TabId,
  chapterId: z.number().int().positive(),
  /** video: the player's current position in seconds */
  position: z.number().min(0).max(86_400).optional(),
  /** the page was hidden and is visible again: the gap is not study time */
  resume: z.boolean().optional(),
});
export type HeartbeatRequest = z.infer<typeof HeartbeatRequest>;

export const HeartbeatResponse = z.object({
  /** false: another page or device took over (other_page) or the page must open again (not_open) */
  active: z.boolean(),
  reason: z.enum(['other_page', 'not_open']).nullable(),
  creditedSeconds: z.number().int(),
  requiredSeconds: z.number().int(),
  completed: z.boolean(),
  courseCompleted: z.boolean(),
});
export type HeartbeatResponse = z.infer<typeof HeartbeatResponse>;

/** Public hours of one year, as credited (公需科目学时). */
export const PublicHoursRow = z.object({ year: z.number().int(), compulsory: z.number(), elective: z.number() });
export type PublicHoursRow = z.infer<typeof PublicHoursRow>;

// ------------------------------------------------------------------ exams (考试列表)

/** Chosen option indexes (as served) by question number, 1-based. */
export const ExamAnswers = z.record(z.string().regex(/^\d{1,3}$/), z.array(z.number().int().min(0).max(15)).max(16));
export type ExamAnswers = z.infer<typeof ExamAnswers>;

export const ExamAttemptSummary = z.object({
  id: z.number().int(),
  roundNo: z.number().int(),
  attemptNo: z.number().int(),
  startedAt: z.string(),
  deadlineAt: z.string(),
  submittedAt: z.string().nullable(),
  autoSubmitted: z.boolean(),
  score: z.number().int().nullable(),
  passed: z.boolean().nullable(),
});
export type ExamAttemptSummary = z.infer<typeof ExamAttemptSummary>;

export const ExamOverview = z.object({
  year: z.number().int(),
  course: z.object({ id: z.number().int(), title: z.string() }).nullable(),
  window: LearningWindowView,
  roundNo: z.number().int(),
  roundKind: RoundKind.nullable(),
  courseCompleted: z.boolean(),
  passed: z.boolean(),
  passScore: z.number().int(),
  minutes: z.number().int(),
  questionCount: z.number().int(),
  maxAttempts: z.number().int(),
  attemptsUsed: z.number().int(),
  attemptsLeft: z.number().int(),
  openAttemptId: z.number().int().nullable(),
  canStart: z.boolean(),
  refusal: z.string().nullable(),
  compulsoryHours: z.number(),
  hoursCredited: z.number().nullable(),
  attempts: z.array(ExamAttemptSummary),
});
export type ExamOverview = z.infer<typeof ExamOverview>;

/** A question as the browser sees it during the exam: no answer, no explanation. */
export const PaperQuestion = z.object({
  no: z.number().int(),
  type: QuestionType,
  stem: z.string(),
  options: z.array(z.string()),
  points: z.number().int(),
});
export type PaperQuestion = z.infer<typeof PaperQuestion>;

export const ExamResult = z.object({
  score: z.number().int(),
  earnedPoints: z.number().int(),
  totalPoints: z.number().int(),
  passScore: z.number().int(),
  passed: z.boolean(),
  hoursCredited: z.number().nullable(),
  /**
   * Whether the answer key is shown: only for a passed attempt, when the year's plan says so
   * (reveal_key_after_pass). Otherwise each item says only whether it was answered correctly, so a
   * failed attempt does not hand out the key for the next one.
   */
  keyRevealed: z.boolean(),
  items: z.array(
    z.object({
      no: z.number().int(),
      correct: z.boolean(),
      answer: z.array(z.number().int()).nullable(),
      explanation: z.string().nullable(),
    }),
  ),
});
export type ExamResult = z.infer<typeof ExamResult>;

export const ExamAttemptView = z.object({
  id: z.number().int(),
  year: z.number().int(),
  courseTitle: z.string(),
  roundNo: z.number().int(),
  attemptNo: z.number().int(),
  maxAttempts: z.number().int(),
  status: z.enum(['open', 'submitted']),
  startedAt: z.string(),
  deadlineAt: z.string(),
  /** the server's clock, so the page counts down from the server's time, not the device's */
  serverNow: z.string(),
  submittedAt: z.string().nullable(),
  autoSubmitted: z.boolean(),
  questions: z.array(PaperQuestion),
  answers: ExamAnswers,
  result: ExamResult.nullable(),
});
export type ExamAttemptView = z.infer<typeof ExamAttemptView>;

export const SaveAnswersRequest = z.object({ answers: ExamAnswers });
export type SaveAnswersRequest = z.infer<typeof SaveAnswersRequest>;
export const SubmitExamRequest = z.object({ answers: ExamAnswers.optional() });
export type SubmitExamRequest = z.infer<typeof SubmitExamRequest>;

// ------------------------------------------------------------------ help desk (补学补考)

export const PersonLookupQuery = z.object({
  idNumber: IdNumberLookup,
});
export const PersonLookup = z.object({
  accountId: z.number().int(),
  name: z.string(),
  idNumberMasked: z.string(),
  unitName: z.string().nullable(),
});
export type PersonLookup = z.infer<typeof PersonLookup>;
export const PersonYearParams = z.object({ accountId: Id, year: Year });

export const ExamRoundView = z.object({
  roundNo: z.number().int(),
  kind: RoundKind,
  openedAt: z.string(),
  grantedByName: z.string().nullable(),
  reason: z.string().nullable(),
  courseCompleted: z.boolean(),
  attempts: z.array(ExamAttemptSummary),
});
export type ExamRoundView = z.infer<typeof ExamRoundView>;

export const PersonExamStatus = z.object({
  person: PersonLookup,
  year: z.number().int(),
  courseTitle: z.string().nullable(),
  passed: z.boolean(),
  maxAttempts: z.number().int(),
  window: LearningWindowView,
  canGrant: z.boolean(),
  refusal: z.string().nullable(),
  rounds: z.array(ExamRoundView),
});
export type PersonExamStatus = z.infer<typeof PersonExamStatus>;

export const GrantMakeupRequest = z.object({
  accountId: z.number().int().positive(),
  year: z.number().int().min(2000).max(2100),
  reason: z.string().trim().min(4, '请填写开通原因（不少于4个字）').max(500, '开通原因不能超过500个字'),
});
export type GrantMakeupRequest = z.infer<typeof GrantMakeupRequest>;

// ------------------------------------------------------------------ question bank (题库)

const QuestionFields = z.object({
  type: QuestionType,
  stem: z.string().trim().min(4, '请填写题干').max(500, '题干不能超过500个字'),
  options: z
    .array(z.string().trim().min(1, '选项不能为空').max(200, '选项不能超过200个字'))
    .min(2, '至少两个选项')
    .max(8, '最多八个选项'),
  answer: z.array(z.number().int().min(0)).min(1, '请选择正确答案'),
  explanation: z.string().trim().max(1000, '解析不能超过1000个字').default(''),
});

function checkQuestion(q: { type?: QuestionType; options?: string[]; answer?: number[] }, ctx: z.RefinementCtx) {
  if (!q.type || !q.options || !q.answer) return;
  if (q.answer.some((i) => i >= q.options!.length))
    ctx.addIssue({ code: 'custom', path: ['answer'], message: '正确答案不在选项中' });
  if (new Set(q.answer).size !== q.answer.length)
    ctx.addIssue({ code: 'custom', path: ['answer'], message: '正确答案重复' });
  if (q.type === 'judge' && (q.options.length !== 2 || q.options[0] !== '正确' || q.options[1] !== '错误')) {
    ctx.addIssue({ code: 'custom', path: ['options'], message: '判断题的选项为“正确”“错误”' });
  }
  if (q.type !== 'multiple' && q.answer.length !== 1)
    ctx.addIssue({ code: 'custom', path: ['answer'], message: '单选题和判断题只有一个正确答案' });
  if (q.type === 'multiple' && q.answer.length < 2)
    ctx.addIssue({ code: 'custom', path: ['answer'], message: '多选题至少两个正确答案' });
}

export const QuestionInput = QuestionFields.superRefine(checkQuestion);
export type QuestionInput = z.infer<typeof QuestionInput>;

/** Edit: the whole question (type, stem, options, answer together) and/or enable / disable. */
export const QuestionUpdate = QuestionFields.partial()
  .extend({ enabled: z.boolean().optional() })
  .superRefine((q, ctx) => {
    const parts = [q.type, q.options, q.answer].filter((v) => v !== undefined).length;
    if (parts !== 0 && parts !== 3)
      ctx.addIssue({ code: 'custom', path: ['answer'], message: '修改题型、选项或答案时，三者须一并提交' });
    checkQuestion(q, ctx);
  });
export type QuestionUpdate = z.infer<typeof QuestionUpdate>;

export const QuestionRow = z.object({
  id: z.number().int(),
  courseId: z.number().int(),
  type: QuestionType,
  stem: z.string(),
  options: z.array(z.string()),
  answer: z.array(z.number().int()),
  explanation: z.string(),
  enabled: z.boolean(),
  updatedAt: z.string(),
});
export type QuestionRow = z.infer<typeof QuestionRow>;

export const BankCourseRow = z.object({
  id: z.number().int(),
  code: z.string(),
  title: z.string(),
  kind: CourseKind,
  area: z.string().nullable(),
  years: z.array(z.number().int()),
  questionCount: z.number().int(),
  enabledCount: z.number().int(),
});
export type BankCourseRow = z.infer<typeof BankCourseRow>;

// ------------------------------------------------------------------ operator: chapters with files

export const CreateChapterRequest = z.object({
  title: z.string().trim().min(2, '请填写章节标题').max(100),
  kind: ChapterKind,
  /** required study time; for a video, its length */
  requiredSeconds: z
    .number()
    .int()
    .min(30)
    .max(6 * 3600),
  body: z.string().max(100_000).optional(),
});
export type CreateChapterRequest = z.infer<typeof CreateChapterRequest>;
export const ChapterFileQuery = z.object({ fileName: z.string().trim().min(1).max(200) });

/** 上传相关资料: the material's title and file name (the body is the file itself). */
export const MaterialUploadQuery = z.object({
  title: z.string().trim().min(1, '请填写资料名称').max(100, '资料名称不能超过100个字'),
  fileName: z.string().trim().min(1).max(200),
});
export type MaterialUploadQuery = z.infer<typeof MaterialUploadQuery>;
export const CourseMaterialParam = z.object({ courseId: Id, materialId: Id });

// ------------------------------------------------------------------ operator: 课程管理 (courses and their chapters)

/** One plan year that uses a course, and as what (a course may be 必修课 one year and 选修课 another). */
export const CoursePlanUse = z.object({ year: z.number().int(), kind: CourseKind });
export type CoursePlanUse = z.infer<typeof CoursePlanUse>;

/** 草稿: seen by the training centre only; 已发布: learners of the plan years that use it see it. */
export const CourseStatus = z.enum(['draft', 'published']);
export type CourseStatus = z.infer<typeof CourseStatus>;
export const COURSE_STATUS_LABEL: Record<CourseStatus, string> = { draft: '草稿', published: '已发布' };

export const AdminCourseRow = z.object({
  id: z.number().int(),
  code: z.string(),
  title: z.string(),
  /** the course's own kind; the plan years may use it otherwise (see `plans`) */
  kind: CourseKind,
  area: z.string().nullable(),
  lecturer: z.string(),
  summary: z.string(),
  /** the plan year the course is made for (older courses: the first plan year that used them) */
  year: z.number().int().nullable(),
  status: CourseStatus,
  publishedAt: z.string().nullable(),
  /** enabled questions of its bank by type (the compulsory exam's paper is drawn from them) */
  bank: z.object({ single: z.number().int(), multiple: z.number().int(), judge: z.number().int() }),
  /** newest year first; empty when no annual plan uses the course */
  plans: z.array(CoursePlanUse),
  chapterCount: z.number().int(),
  /** sum of the chapters' required study time */
  requiredSeconds: z.number().int(),
  /** PDF and video chapters whose file has not been uploaded yet */
  chaptersWithoutFile: z.number().int(),
});
export type AdminCourseRow = z.infer<typeof AdminCourseRow>;

export const AdminChapterRow = z.object({
  id: z.number().int(),
  seq: z.number().int(),
  title: z.string(),
  kind: ChapterKind,
  requiredSeconds: z.number().int(),
  /** characters of a text chapter's body; null for PDF and video chapters */
  textLength: z.number().int().nullable(),
  /** the uploaded PDF or video; null while missing (and always for text chapters) */
  file: z.object({ name: z.string(), size: z.number().int(), mimeType: z.string() }).nullable(),
  updatedAt: z.string(),
});
export type AdminChapterRow = z.infer<typeof AdminChapterRow>;

/** A course's chapters in study order, with what the upload of a chapter file accepts. */
export const AdminCourseChapters = z.object({
  course: AdminCourseRow,
  chapters: z.array(AdminChapterRow),
  /** 相关资料, in order */
  materials: z.array(MaterialView),
  upload: z.object({
    maxBytes: z.number().int(),
    types: z.object({ pdf: z.array(z.string()), video: z.array(z.string()), material: z.array(z.string()) }),
  }),
});
export type AdminCourseChapters = z.infer<typeof AdminCourseChapters>;

// ------------------------------------------------------------------ operator: 新增课程 / 发布 / 复制上年课程

const CourseTexts = {
  title: z.string().trim().min(2, '请填写课程名称').max(100, '课程名称不能超过100个字'),
  summary: z.string().trim().max(2000, '课程简介不能超过2000个字').default(''),
  lecturer: z.string().trim().max(100, '主讲人不能超过100个字').default(''),
  area: z.string().trim().max(50, '领域不能超过50个字').nullable().default(null),
};

/** 新增课程: a draft course of a plan year; its chapters, materials and questions are added next. */
export const CreateCourseRequest = z.object({
  year: z.number().int().min(2000, '年度不正确').max(2100, '年度不正确'),
  kind: CourseKind,
  ...CourseTexts,
});
export type CreateCourseRequest = z.infer<typeof CreateCourseRequest>;

/** 修改课程信息. */
export const UpdateCourseRequest = z.object(CourseTexts).partial();
export type UpdateCourseRequest = z.infer<typeof UpdateCourseRequest>;

/** 发布: optionally adding the course to its year's plan (a compulsory course replaces the plan's). */
export const PublishCourseRequest = z.object({
  addToPlan: z.boolean().default(false),
  /** needed when the year's plan is published and people already hold records of it */
  reason: z.string().trim().max(500).optional(),
});
export type PublishCourseRequest = z.infer<typeof PublishCourseRequest>;

/** 复制上年课程: a draft copy for `year` with chapters, materials and questions. */
export const CopyCourseRequest = z.object({ year: z.number().int().min(2000, '年度不正确').max(2100, '年度不正确') });
export type CopyCourseRequest = z.infer<typeof CopyCourseRequest>;

export const CourseCreated = z.object({ id: z.number().int(), code: z.string() });
export type CourseCreated = z.infer<typeof CourseCreated>;
