import {
  ClassListQuery,
  ClassRow,
  CreateClassRequest,
  IdParam,
  Ok,
  OrganiserTraineeQuery,
  OrganiserTraineeRow,
  Page,
  TraineeAdded,
  TraineeCorrection,
  TraineeInput,
  TraineeListQuery,
  TraineeRow,
  TraineeWithdrawal,
} from '@ptce/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../http/context';
import { addTrainee } from './add-trainee';
import { correctTrainee, withdrawTrainee } from './correct-trainee';
import { createClass } from './create-class';
import { getClass, listClasses } from './list-classes';
import { listOrganiserTrainees } from './list-organiser-trainees';
import { listTrainees } from './list-trainees';
import { classesPolicy } from './policy';

const TraineeParams = IdParam.extend({ traineeId: z.coerce.number().int().positive() });

export const classesRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['classes'];

  app.get(
    '/classes',
    {
      schema: {
        tags,
        summary: '培训班（本机构举办的）',
        querystring: ClassListQuery,
        response: { 200: Page(ClassRow) },
      },
      config: { policy: classesPolicy.read },
    },
    async (req) => listClasses(ctxOf(req), req.query),
  );

  app.post(
    '/classes',
    {
      schema: {
        tags,
        summary: '新增培训班（继续教育基地：选择已备案的项目；单位、主管部门：填写培训班信息）',
        body: CreateClassRequest,
        response: { 200: ClassRow },
      },
      config: { policy: classesPolicy.manage },
    },
    async (req) => createClass(ctxOf(req), req.body),
  );

  app.get(
    '/classes/trainees',
    {
      schema: {
        tags,
        summary: '学员（本机构各培训班的学员，身份证号码隐去部分）',
        querystring: OrganiserTraineeQuery,
        response: { 200: Page(OrganiserTraineeRow) },
      },
      config: { policy: classesPolicy.read },
    },
    async (req) => listOrganiserTrainees(ctxOf(req), req.query),
  );

  app.get(
    '/classes/:id',
    {
      schema: { tags, summary: '培训班详情', params: IdParam, response: { 200: ClassRow } },
      config: { policy: classesPolicy.read },
    },
    async (req) => getClass(ctxOf(req), req.params.id),
  );

  app.get(
    '/classes/:id/trainees',
    {
      schema: {
        tags,
        summary: '培训班学员（身份证号码隐去部分）',
        params: IdParam,
        querystring: TraineeListQuery,
        response: { 200: Page(TraineeRow) },
      },
      config: { policy: classesPolicy.read },
    },
    async (req) => listTrainees(ctxOf(req), req.params.id, req.query),
  );

  app.post(
    '/classes/:id/trainees',
    {
      schema: {
        tags,
        summary: '添加学员（学时直接通过认定；未注册的人员由其注册认领）',
        params: IdParam,
        body: TraineeInput,
        response: { 200: TraineeAdded },
      },
      config: { policy: classesPolicy.manage },
    },
    async (req) => addTrainee(ctxOf(req), req.params.id, req.body),
  );

  app.put(
    '/classes/:id/trainees/:traineeId',
    {
      schema: {
        tags,
        summary: '更正学员学时或考核结果（须填写原因）',
        params: TraineeParams,
        body: TraineeCorrection,
        response: { 200: TraineeRow },
      },
      config: { policy: classesPolicy.manage },
    },
    async (req) => correctTrainee(ctxOf(req), req.params.id, req.params.traineeId, req.body),
  );

  app.delete(
    '/classes/:id/trainees/:traineeId',
    {
      schema: {
        tags,
        summary: '撤销学员学时（须填写原因；已生成的合格证书按规则作废）',
        params: TraineeParams,
        body: TraineeWithdrawal,
        response: { 200: Ok },
      },
      config: { policy: classesPolicy.manage },
    },
    async (req) => {
      await withdrawTrainee(ctxOf(req), req.params.id, req.params.traineeId, req.body);
      return { ok: true as const };
    },
  );
};
