import type { Writable } from 'node:stream';
import type { ImportCredentialsState } from '@ptce/contracts';
import { and, eq } from 'drizzle-orm';
import { now } from '../../clock';
import { importJobs, type ImportCredential } from '../../db/schema/index';
import { AppError, notFound } from '../../errors';
import type { Caller } from '../auth/index';
import { writeAudit } from '../audit/index';
import { xlsxSheetWriter } from './xlsx-writer';

/** New accounts' initial passwords wait this long for their one download (the passwords live 7 days). */
const CREDENTIALS_TTL_MS = 24 * 3600_000;
export const credentialsExpiry = () => new Date(now().getTime() + CREDENTIALS_TTL_MS);

type JobCredentials = {
  credentials: ImportCredential[] | null;
  credentialsExpireAt: Date | null;
  credentialsTakenAt: Date | null;
};

/** available / taken / expired, or null for an import that created no accounts. */
export function credentialsState(j: JobCredentials): {
  credentials: ImportCredentialsState | null;
  credentialsExpireAt: string | null;
} {
  const expireAt = j.credentialsExpireAt?.toISOString() ?? null;
  if (j.credentialsTakenAt) return { credentials: 'taken', credentialsExpireAt: expireAt };
  if (!j.credentialsExpireAt) return { credentials: null, credentialsExpireAt: null };
  if (!j.credentials || j.credentialsExpireAt <= now())
    return { credentials: 'expired', credentialsExpireAt: expireAt };
  return { credentials: 'available', credentialsExpireAt: expireAt };
}

/**
 * The one download of an import's new accounts and initial passwords: only the uploader, only once, only
 * before it expires. The passwords are emptied from the job in the same transaction that hands them out
 * (an expired list is emptied too) and the download is audited; afterwards only their hashes remain.
 */
export async function takeCredentials(ctx: Caller, jobId: number): Promise<ImportCredential[]> {
  const taken = await ctx.db.transaction(async (tx) => {
    const [job] = await tx
      .select({
        id: importJobs.id,
        kind: importJobs.kind,
        credentials: importJobs.credentials,
        credentialsExpireAt: importJobs.credentialsExpireAt,
        credentialsTakenAt: importJobs.credentialsTakenAt,
      })
      .from(importJobs)
      .where(and(eq(importJobs.id, jobId), eq(importJobs.createdBy, ctx.actor.id)))
      .for('update');
    if (!job) throw notFound('导入任务');
    const state = credentialsState(job).credentials;
    if (state === 'taken')
      throw new AppError(
        'STATE_CHANGED',
        '初始密码清单已下载过，不能再次下载。如有遗失，请在单位管理中为该单位“重新生成初始密码”',
      );
    if (state !== 'available') {
      if (job.credentials) await tx.update(importJobs).set({ credentials: null }).where(eq(importJobs.id, job.id));
      throw new AppError(
        state === 'expired' ? 'STATE_CHANGED' : 'NOT_FOUND',
        state === 'expired'
          ? '初始密码清单已过期，已删除。请在单位管理中为需要的单位“重新生成初始密码”'
          : '该次导入没有新建账号',
      );
    }
    await tx.update(importJobs).set({ credentials: null, credentialsTakenAt: now() }).where(eq(importJobs.id, job.id));
    await writeAudit(tx, ctx, {
      action: 'imports.credentials.download',
      targetType: 'import_job',
      targetId: job.id,
      detail: {
        kind: job.kind,
        accounts: job.credentials!.length,
        usernames: job.credentials!.map((c) => c.username),
      },
    });
    return job.credentials!;
  });
  return taken;
}

export const credentialsFileName = (jobId: number) => `新单位账号初始密码_导入${jobId}.xlsx`;

/** The workbook of new accounts: 单位名称, 用户名 (统一社会信用代码), 初始密码, 有效期至. */
export async function writeCredentialsWorkbook(list: ImportCredential[], out: Writable): Promise<number> {
  const sheet = xlsxSheetWriter<ImportCredential>(out, '单位账号初始密码', [
    { header: '单位名称', width: 36, value: (c) => c.name },
    { header: '用户名（统一社会信用代码）', width: 26, text: true, value: (c) => c.username },
    { header: '初始密码', width: 16, text: true, value: (c) => c.password },
    {
      header: '初始密码有效期至',
      width: 20,
      value: (c) => new Date(c.expiresAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }),
    },
    { header: '登录说明', width: 44, value: () => '登录时选择“单位管理员”，首次登录须修改密码' },
  ]);
  await sheet.add(list);
  return sheet.end();
}
