import { ImportJob } from '@ptce/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Policy } from '../../auth/policy';
import { ctxOf } from '../../http/context';
import { receiveFile, type ReceivedFile } from '../../http/upload';
import { xlsxHeaders } from '../../http/xlsx-response';
import type { Caller } from '../auth/index';
import type { AnyImportKind } from './import-kind';
import { listJobs } from './jobs';
import { importLimits, mb } from './limits';
import { buildTemplate } from './template';

type App = Parameters<FastifyPluginAsyncZod>[0];

/** One import kind's three steps of the manual: ① 下载模板 ② 导入模板 ③ 查看导入结果 (its recent jobs). */
export interface ImportKindRoutes<Q extends z.ZodType> {
  /** The path segment: /imports/<path>/template and /imports/<path>/jobs. */
  path: string;
  kind: AnyImportKind;
  policy: Policy;
  summaries: { template: string; upload: string; recent: string };
  /** The upload's query fields (mode, the class or course the file fills …). */
  query: Q;
  /**
   * Starts the job. `file()` reads the upload within the size limit; the kind decides whether its target
   * (a course, a class) is checked before or after the body is read.
   */
  start: (ctx: Caller, query: z.infer<Q>, file: () => Promise<ReceivedFile>) => Promise<ImportJob>;
}

/** The uploaded file, within the import size limit, with a clear message when it is over. */
function uploadedFile(req: FastifyRequest) {
  const { maxFileBytes } = importLimits();
  return receiveFile(req, {
    maxBytes: maxFileBytes,
    tooLarge: `文件超过${mb(maxFileBytes)}，请拆分后分批导入`,
    missing: '请选择要导入的文件',
  });
}

/** Registers the template download, the upload that starts a job, and the caller's recent jobs of a kind. */
export function registerImportKind<Q extends z.ZodType>(app: App, tags: string[], r: ImportKindRoutes<Q>): void {
  app.get(
    `/imports/${r.path}/template`,
    { schema: { tags, summary: r.summaries.template }, config: { policy: r.policy } },
    async (_req, reply) => xlsxHeaders(reply, r.kind.templateFileName).send(await buildTemplate(r.kind)),
  );

  app.post(
    `/imports/${r.path}/jobs`,
    {
      schema: {
        tags,
        summary: r.summaries.upload,
        consumes: ['multipart/form-data'],
        querystring: r.query,
        response: { 202: ImportJob },
      },
      config: { policy: r.policy },
    },
    async (req, reply) =>
      reply.status(202).send(await r.start(ctxOf(req), req.query as z.infer<Q>, () => uploadedFile(req))),
  );

  app.get(
    `/imports/${r.path}/jobs`,
    {
      schema: { tags, summary: r.summaries.recent, response: { 200: z.array(ImportJob) } },
      config: { policy: r.policy },
    },
    async (req) => listJobs(ctxOf(req), r.kind.kind),
  );
}
