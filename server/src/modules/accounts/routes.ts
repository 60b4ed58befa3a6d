import { ChangePasswordRequest, DepartmentOption, Me, Ok, UpdateProfileRequest } from '@ptce/contracts';
import { asc, eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { departments } from '../../db/schema/index';
import { ctxOf } from '../../http/context';
import { changeOwnPassword } from './change-password';
import { getMe } from './get-me';
import { accountsPolicy } from './policy';
import { updateOwnProfile } from './update-profile';

export const accountsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/me',
    {
      schema: { tags: ['accounts'], summary: '当前账号', response: { 200: Me } },
      config: { policy: accountsPolicy.me },
    },
    async (req) => {
      const ctx = ctxOf(req);
      return getMe(ctx.db, ctx.actor);
    },
  );

  app.patch(
    '/me/profile',
    {
      schema: { tags: ['accounts'], summary: '我的信息：修改', body: UpdateProfileRequest, response: { 200: Me } },
      config: { policy: accountsPolicy.updateOwnProfile },
    },
    async (req) => {
      const ctx = ctxOf(req);
      await updateOwnProfile(ctx, req.body);
      return getMe(ctx.db, ctx.actor);
    },
  );

  app.post(
    '/me/password',
    {
      schema: { tags: ['accounts'], summary: '修改密码', body: ChangePasswordRequest, response: { 200: Ok } },
      config: { policy: accountsPolicy.changeOwnPassword },
    },
    async (req) => {
      await changeOwnPassword(ctxOf(req), app.deps.sessions, req.body);
      return { ok: true as const };
    },
  );

  app.get(
    '/me/departments',
    {
      schema: {
        tags: ['accounts'],
        summary: '本单位部门（所属部门选项）',
        response: { 200: z.array(DepartmentOption) },
      },
      config: { policy: accountsPolicy.ownUnitDepartments },
    },
    async (req) => {
      const ctx = ctxOf(req);
      if (!ctx.actor.unitId) return [];
      return ctx.db
        .select({ id: departments.id, name: departments.name, parentId: departments.parentId })
        .from(departments)
        .where(eq(departments.unitId, ctx.actor.unitId))
        .orderBy(asc(departments.parentId), asc(departments.name));
    },
  );
};
