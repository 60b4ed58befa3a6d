import {
  AttemptIdParam,
  BankCourseRow,
  CourseIdParam,
  ExamAttemptView,
  ExamOverview,
  GrantMakeupRequest,
  MakeupDecision,
  MakeupRequestIdParam,
  MakeupRequestInput,
  MakeupRequestQuery,
  MakeupRequestRow,
  MyMakeupRequest,
  Page,
  PersonExamStatus,
  PersonLookup,
  PersonLookupQuery,
  PersonYearParams,
  QuestionIdParam,
  QuestionInput,
  QuestionRow,
  QuestionUpdate,
  SaveAnswersRequest,
  SubmitExamRequest,
  YearParam,
} from '@ptce/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../http/context';
import { getAttempt } from './get-attempt';
import { getExamOverview } from './get-exam-overview';
import { decideMakeupRequest } from './decide-makeup-request';
import { grantMakeup } from './grant-makeup';
import { listMakeupRequests } from './list-makeup-requests';
import { findPeople, personExamStatus } from './person-exam-status';
import { examsPolicy } from './policy';
import { createQuestion, listBankCourses, listQuestions, updateQuestion } from './question-bank';
import { myMakeupRequest, requestMakeup } from './request-makeup';
import { saveAnswers } from './save-answers';
import { startExam } from './start-exam';
import { submitExam } from './submit-exam';
import { installExamSweep } from './sweep';

export const examsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['exams'];
  const take = { policy: examsPolicy.takeExam };
  installExamSweep(app);

  app.get(
    '/exams/years/:year',
    {
      schema: {
        tags,
        summary: '考试列表：本年度必修课考试与剩余机会',
        params: YearParam,
        response: { 200: ExamOverview },
      },
      config: take,
    },
    async (req) => getExamOverview(ctxOf(req), req.params.year),
  );

  app.post(
    '/exams/years/:year/attempts',
    {
      schema: {
        tags,
        summary: '开始考试（有未交卷的考试时继续该次考试）',
        params: YearParam,
        response: { 200: ExamAttemptView },
      },
      config: take,
    },
    async (req) => startExam(ctxOf(req), req.params.year),
  );

  app.get(
    '/exams/attempts/:attemptId',
    {
      schema: { tags, summary: '考试（试卷或成绩）', params: AttemptIdParam, response: { 200: ExamAttemptView } },
      config: take,
    },
    async (req) => getAttempt(ctxOf(req), req.params.attemptId),
  );

  app.put(
    '/exams/attempts/:attemptId/answers',
    {
      schema: {
        tags,
        summary: '保存答案（答题过程中）',
        params: AttemptIdParam,
        body: SaveAnswersRequest,
        response: { 200: z.object({ savedAt: z.string() }) },
      },
      config: take,
    },
    async (req) => saveAnswers(ctxOf(req), req.params.attemptId, req.body.answers),
  );

  app.post(
    '/exams/attempts/:attemptId/submit',
    {
      schema: {
        tags,
        summary: '交卷',
        params: AttemptIdParam,
        body: SubmitExamRequest,
        response: { 200: ExamAttemptView },
      },
      config: take,
    },
    async (req) => submitExam(ctxOf(req), req.params.attemptId, req.body.answers),
  );

  // 补考申请 (the professional)
  app.get(
    '/exams/years/:year/makeup-request',
    {
      schema: {
        tags,
        summary: '补考申请：能否申请及本年度最近一次申请的处理结果',
        params: YearParam,
        response: { 200: MyMakeupRequest },
      },
      config: take,
    },
    async (req) => myMakeupRequest(ctxOf(req), req.params.year),
  );

  app.post(
    '/exams/years/:year/makeup-request',
    {
      schema: {
        tags,
        summary: '申请补考（考试机会用完仍未通过；填写原因和联系电话）',
        params: YearParam,
        body: MakeupRequestInput,
        response: { 201: MyMakeupRequest },
      },
      config: take,
    },
    async (req, reply) => reply.status(201).send(await requestMakeup(ctxOf(req), req.params.year, req.body)),
  );

  // 补考申请 (help desk)
  app.get(
    '/exams/admin/makeup-requests',
    {
      schema: {
        tags,
        summary: '补考申请：待处理、已同意、已拒绝的申请',
        querystring: MakeupRequestQuery,
        response: { 200: Page(MakeupRequestRow) },
      },
      config: { policy: examsPolicy.helpDesk },
    },
    async (req) => listMakeupRequests(ctxOf(req), req.query),
  );

  app.post(
    '/exams/admin/makeup-requests/:requestId/decision',
    {
      schema: {
        tags,
        summary: '处理补考申请：同意（开通补学补考）或拒绝（须填写原因）',
        params: MakeupRequestIdParam,
        body: MakeupDecision,
        response: { 200: MakeupRequestRow },
      },
      config: { policy: examsPolicy.helpDesk },
    },
    async (req) => decideMakeupRequest(ctxOf(req), req.params.requestId, req.body),
  );

  // 补学补考 (help desk)
  app.get(
    '/exams/admin/people',
    {
      schema: {
        tags,
        summary: '补学补考：按身份证号查找专业技术人员',
        querystring: PersonLookupQuery,
        response: { 200: z.array(PersonLookup) },
      },
      config: { policy: examsPolicy.helpDesk },
    },
    async (req) => findPeople(ctxOf(req), req.query.idNumber),
  );

  app.get(
    '/exams/admin/people/:accountId/years/:year',
    {
      schema: {
        tags,
        summary: '补学补考：某人某年度的学习轮次与考试记录',
        params: PersonYearParams,
        response: { 200: PersonExamStatus },
      },
      config: { policy: examsPolicy.helpDesk },
    },
    async (req) => personExamStatus(ctxOf(req), req.params.accountId, req.params.year),
  );

  app.post(
    '/exams/admin/makeups',
    {
      schema: {
        tags,
        summary: '开通补学补考（须填写原因）',
        body: GrantMakeupRequest,
        response: { 201: PersonExamStatus },
      },
      config: { policy: examsPolicy.helpDesk },
    },
    async (req, reply) => reply.status(201).send(await grantMakeup(ctxOf(req), req.body)),
  );

  // 题库
  app.get(
    '/exams/admin/courses',
    {
      schema: { tags, summary: '题库：课程列表', response: { 200: z.array(BankCourseRow) } },
      config: { policy: examsPolicy.manageBank },
    },
    async (req) => listBankCourses(ctxOf(req).db),
  );

  app.get(
    '/exams/admin/courses/:courseId/questions',
    {
      schema: { tags, summary: '题库：课程试题', params: CourseIdParam, response: { 200: z.array(QuestionRow) } },
      config: { policy: examsPolicy.manageBank },
    },
    async (req) => listQuestions(ctxOf(req).db, req.params.courseId),
  );

  app.post(
    '/exams/admin/courses/:courseId/questions',
    {
      schema: {
        tags,
        summary: '题库：新增试题',
        params: CourseIdParam,
        body: QuestionInput,
        response: { 201: QuestionRow },
      },
      config: { policy: examsPolicy.manageBank },
    },
    async (req, reply) => reply.status(201).send(await createQuestion(ctxOf(req), req.params.courseId, req.body)),
  );

  app.patch(
    '/exams/admin/questions/:questionId',
    {
      schema: {
        tags,
        summary: '题库：修改或停用试题',
        params: QuestionIdParam,
        body: QuestionUpdate,
        response: { 200: QuestionRow },
      },
      config: { policy: examsPolicy.manageBank },
    },
    async (req) => updateQuestion(ctxOf(req), req.params.questionId, req.body),
  );
};
