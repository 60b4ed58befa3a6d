import {
  AdminInput,
  AdminRow,
  AdminUpdate,
  AuthoritySummary,
  ChangeOwnUnitRequest,
  DepartmentInput,
  DepartmentRow,
  DepartmentUpdate,
  IdParam,
  IssuedPassword,
  Me,
  Ok,
  Page,
  ReasonBody,
  StaffPage,
  StaffQuery,
  StaffUpdate,
  UnitCreated,
  UnitInput,
  UnitEnabledBody,
  UnitListQuery,
  UnitMergeBody,
  UnitMergeCounts,
  UnitMergePreview,
  UnitRow,
  UnitUpdate,
} from '@ptce/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../http/context';
import { getMe } from '../accounts/index';
import { createAdmin, deleteAdmin, listAdmins, resetAdminPassword, updateAdmin } from './admins';
import { changeOwnUnit } from './change-own-unit';
import { createDepartment, deleteDepartment, listDepartments, updateDepartment } from './departments';
import { orgPolicy } from './policy';
import { confirmStaff, listStaff, removeStaff, resetStaffPassword, updateStaff } from './staff';
import { mergeUnits, previewMerge } from './merge-units';
import { setUnitEnabled } from './set-unit-enabled';
import { createUnit, listUnits, reissueUnitAccountPassword, searchAuthorities } from './units';
import { updateUnit } from './update-unit';

const ok = { ok: true as const };
const Created = z.object({ id: z.number().int() });

export const orgRoutes: FastifyPluginAsyncZod = async (app) => {
  const { sessions } = app.deps;
  const tags = ['org'];

  // 单位
  app.get(
    '/units',
    {
      schema: { tags, summary: '单位列表', querystring: UnitListQuery, response: { 200: Page(UnitRow) } },
      config: { policy: orgPolicy.listUnits },
    },
    async (req) => listUnits(ctxOf(req), req.query),
  );
  app.post(
    '/units',
    {
      schema: {
        tags,
        summary: '新增单位（含单位账号，随机初始密码仅显示一次）',
        body: UnitInput,
        response: { 201: UnitCreated },
      },
      config: { policy: orgPolicy.manageUnits },
    },
    async (req, reply) => reply.status(201).send(await createUnit(ctxOf(req), req.body)),
  );
  app.post(
    '/units/:id/account-password',
    {
      schema: {
        tags,
        summary: '重新生成单位账号初始密码（仅显示一次，7日内有效）',
        params: IdParam,
        response: { 200: IssuedPassword },
      },
      config: { policy: orgPolicy.manageUnits },
    },
    async (req) => reissueUnitAccountPassword(ctxOf(req), sessions, req.params.id),
  );
  app.patch(
    '/units/:id',
    {
      schema: {
        tags,
        summary: '修改单位（改名、地区、行业、主管部门、联系人）',
        params: IdParam,
        body: UnitUpdate,
        response: { 200: Ok },
      },
      config: { policy: orgPolicy.manageUnits },
    },
    async (req) => (await updateUnit(ctxOf(req), req.params.id, req.body), ok),
  );
  app.put(
    '/units/:id/enabled',
    {
      schema: {
        tags,
        summary: '停用 / 启用单位（停用后单位账号和管理员不能登录）',
        params: IdParam,
        body: UnitEnabledBody,
        response: { 200: Ok },
      },
      config: { policy: orgPolicy.manageUnits },
    },
    async (req) => (await setUnitEnabled(ctxOf(req), sessions, req.params.id, req.body.enabled), ok),
  );
  app.get(
    '/units/:id/merge-preview',
    {
      schema: {
        tags,
        summary: '合并单位：预览将移入本单位的人员、部门、管理员和学时记录',
        params: IdParam,
        querystring: UnitMergeBody.extend({ sourceId: z.coerce.number().int().positive() }),
        response: { 200: UnitMergePreview },
      },
      config: { policy: orgPolicy.manageUnits },
    },
    async (req) => previewMerge(ctxOf(req), req.params.id, req.query.sourceId),
  );
  app.post(
    '/units/:id/merge',
    {
      schema: {
        tags,
        summary: '合并单位：将另一单位并入本单位（被合并单位停用，标记为已合并）',
        params: IdParam,
        body: UnitMergeBody,
        response: { 200: UnitMergeCounts },
      },
      config: { policy: orgPolicy.manageUnits },
    },
    async (req) => mergeUnits(ctxOf(req), req.params.id, req.body.sourceId),
  );
  app.get(
    '/authorities/search',
    {
      schema: {
        tags,
        summary: '搜索主管部门',
        querystring: z.object({ q: z.string().trim().max(60).optional() }),
        response: { 200: z.array(AuthoritySummary) },
      },
      config: { policy: orgPolicy.searchAuthorities },
    },
    async (req) => searchAuthorities(ctxOf(req).db, req.query.q),
  );

  // 单位部门管理
  app.get(
    '/org/departments',
    {
      schema: { tags, summary: '单位部门管理：部门列表', response: { 200: z.array(DepartmentRow) } },
      config: { policy: orgPolicy.listDepartments },
    },
    async (req) => listDepartments(ctxOf(req)),
  );
  app.post(
    '/org/departments',
    {
      schema: { tags, summary: '新增部门', body: DepartmentInput, response: { 201: Created } },
      config: { policy: orgPolicy.manageDepartments },
    },
    async (req, reply) => reply.status(201).send(await createDepartment(ctxOf(req), req.body)),
  );
  app.patch(
    '/org/departments/:id',
    {
      schema: {
        tags,
        summary: '修改部门（改名、移动）',
        params: IdParam,
        body: DepartmentUpdate,
        response: { 200: Ok },
      },
      config: { policy: orgPolicy.manageDepartments },
    },
    async (req) => (await updateDepartment(ctxOf(req), req.params.id, req.body), ok),
  );
  app.delete(
    '/org/departments/:id',
    {
      schema: { tags, summary: '删除部门（仅空部门）', params: IdParam, response: { 200: Ok } },
      config: { policy: orgPolicy.manageDepartments },
    },
    async (req) => (await deleteDepartment(ctxOf(req), req.params.id), ok),
  );

  // 单位管理员管理
  app.get(
    '/org/admins',
    {
      schema: { tags, summary: '单位管理员管理：管理员列表', response: { 200: z.array(AdminRow) } },
      config: { policy: orgPolicy.manageAdmins },
    },
    async (req) => listAdmins(ctxOf(req)),
  );
  app.post(
    '/org/admins',
    {
      schema: {
        tags,
        summary: '新增管理员',
        body: AdminInput,
        response: { 201: Created.extend({ initialPasswordHint: z.string(), passwordExpiresAt: z.string() }) },
      },
      config: { policy: orgPolicy.manageAdmins },
    },
    async (req, reply) => reply.status(201).send(await createAdmin(ctxOf(req), req.body)),
  );
  app.patch(
    '/org/admins/:id',
    {
      schema: {
        tags,
        summary: '修改管理员（部门、允许登录系统）',
        params: IdParam,
        body: AdminUpdate,
        response: { 200: Ok },
      },
      config: { policy: orgPolicy.manageAdmins },
    },
    async (req) => (await updateAdmin(ctxOf(req), sessions, req.params.id, req.body), ok),
  );
  app.post(
    '/org/admins/:id/reset-password',
    {
      schema: {
        tags,
        summary: '重置管理员密码（随机临时密码，仅显示一次，72小时内有效）',
        params: IdParam,
        response: { 200: IssuedPassword },
      },
      config: { policy: orgPolicy.manageAdmins },
    },
    async (req) => resetAdminPassword(ctxOf(req), sessions, req.params.id),
  );
  app.delete(
    '/org/admins/:id',
    {
      schema: { tags, summary: '删除管理员', params: IdParam, response: { 200: Ok } },
      config: { policy: orgPolicy.manageAdmins },
    },
    async (req) => (await deleteAdmin(ctxOf(req), req.params.id), ok),
  );

  // 专业技术人员管理
  app.get(
    '/org/staff',
    {
      schema: { tags, summary: '专业技术人员管理：人员列表', querystring: StaffQuery, response: { 200: StaffPage } },
      config: { policy: orgPolicy.manageStaff },
    },
    async (req) => listStaff(ctxOf(req), req.query),
  );
  app.patch(
    '/org/staff/:id',
    {
      schema: {
        tags,
        summary: '修改人员（部门、手机、邮箱）',
        params: IdParam,
        body: StaffUpdate,
        response: { 200: Ok },
      },
      config: { policy: orgPolicy.manageStaff },
    },
    async (req) => (await updateStaff(ctxOf(req), req.params.id, req.body), ok),
  );
  app.post(
    '/org/staff/:id/reset-password',
    {
      schema: {
        tags,
        summary: '重置人员密码（随机临时密码，仅显示一次，72小时内有效）',
        params: IdParam,
        response: { 200: IssuedPassword },
      },
      config: { policy: orgPolicy.manageStaff },
    },
    async (req) => resetStaffPassword(ctxOf(req), sessions, req.params.id),
  );
  app.post(
    '/org/staff/:id/confirm',
    {
      schema: { tags, summary: '确认新注册人员为本单位人员', params: IdParam, response: { 200: Ok } },
      config: { policy: orgPolicy.manageStaff },
    },
    async (req) => (await confirmStaff(ctxOf(req), req.params.id), ok),
  );
  app.post(
    '/org/staff/:id/remove',
    {
      schema: {
        tags,
        summary: '移出本单位（人员已离开单位）',
        params: IdParam,
        body: ReasonBody,
        response: { 200: Ok },
      },
      config: { policy: orgPolicy.manageStaff },
    },
    async (req) => (await removeStaff(ctxOf(req), req.params.id, req.body.reason), ok),
  );

  // 我的信息 — change of unit
  app.put(
    '/me/unit',
    {
      schema: { tags, summary: '我的信息：更改所在单位', body: ChangeOwnUnitRequest, response: { 200: Me } },
      config: { policy: orgPolicy.changeOwnUnit },
    },
    async (req) => {
      const ctx = ctxOf(req);
      await changeOwnUnit(ctx, req.body.unitId);
      return getMe(ctx.db, ctx.actor);
    },
  );
};
