import {
  CertificateAdminRow,
  CertificateInfo,
  CertificateSearchQuery,
  CertificateVerification,
  IdParam,
  IssueCertificateRequest,
  Ok,
  RevokeCertificateRequest,
} from '@ptce/contracts';
import { and, eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { certificates } from '../../db/schema/index';
import { notFound } from '../../errors';
import { contentDisposition } from '../../http/content-disposition';
import { ctxOf } from '../../http/context';
import { findCertificates } from './find-certificates';
import { issueCertificate, myCertificates, toInfo } from './issue-certificate';
import { certificatesPolicy } from './policy';
import { revokeCertificate } from './revoke-certificate';
import { verifyCertificate } from './verify-certificate';

export const certificatesRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['certificates'];
  const { files, config } = app.deps;

  app.get(
    '/certificates/my',
    {
      schema: { tags, summary: '我的证书', response: { 200: z.array(CertificateInfo) } },
      config: { policy: certificatesPolicy.own },
    },
    async (req) => myCertificates(ctxOf(req), config),
  );

  app.post(
    '/certificates',
    {
      schema: {
        tags,
        summary: '打印证书：生成（已生成则返回原证书）',
        body: IssueCertificateRequest,
        response: { 200: CertificateInfo },
      },
      config: { policy: certificatesPolicy.own },
    },
    async (req) =>
      issueCertificate(ctxOf(req), { files, config, issuer: config.issuerName }, req.body.kind, req.body.year),
  );

  app.get(
    '/certificates/:id/pdf',
    { schema: { tags, summary: '下载证书PDF', params: IdParam }, config: { policy: certificatesPolicy.own } },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const [c] = await ctx.db
        .select()
        .from(certificates)
        .where(and(eq(certificates.id, req.params.id), eq(certificates.accountId, ctx.actor.id)));
      if (!c) throw notFound('证书');
      return reply
        .header('content-type', 'application/pdf')
        .header('content-length', c.size)
        .header('content-disposition', contentDisposition(`${c.snapshot.title}-${c.year}-${c.snapshot.name}.pdf`))
        .header('cache-control', 'private, no-store')
        .send(files.read(c.fileKey));
    },
  );

  app.get(
    '/certificates/admin',
    {
      schema: {
        tags,
        summary: '证书管理：按身份证号码或证书编号查找（运营）',
        querystring: CertificateSearchQuery,
        response: { 200: z.array(CertificateAdminRow) },
      },
      config: { policy: certificatesPolicy.manage },
    },
    async (req) => findCertificates(ctxOf(req), config, req.query),
  );

  app.get(
    '/certificates/by-serial',
    {
      schema: {
        tags,
        summary: '按证书编号查找（运营）',
        querystring: z.object({ serial: z.string().min(1).max(40) }),
        response: { 200: CertificateInfo },
      },
      config: { policy: certificatesPolicy.manage },
    },
    async (req) => {
      const [c] = await ctxOf(req).db.select().from(certificates).where(eq(certificates.serial, req.query.serial));
      if (!c) throw notFound('证书');
      return toInfo(config, c);
    },
  );

  app.post(
    '/certificates/:id/revoke',
    {
      schema: {
        tags,
        summary: '撤销证书（运营，须填写原因）',
        params: IdParam,
        body: RevokeCertificateRequest,
        response: { 200: Ok },
      },
      config: { policy: certificatesPolicy.manage },
    },
    async (req) => (await revokeCertificate(ctxOf(req), req.params.id, req.body.reason), { ok: true as const }),
  );

  app.get(
    '/verify/:code',
    {
      schema: {
        tags,
        summary: '证书公开验证',
        params: z.object({
          code: z
            .string()
            .min(10)
            .max(40)
            .regex(/^[A-Za-z0-9_-]+$/),
        }),
        response: { 200: CertificateVerification },
      },
      config: { policy: certificatesPolicy.verify, rateLimit: { max: 30, timeWindow: '1 minute' } },
    },
    async (req) => verifyCertificate(app.deps.db, req.params.code),
  );
};
