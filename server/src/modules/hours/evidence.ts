import { and, eq, sql } from 'drizzle-orm';
import { now } from '../../clock';
import { hourEvidence, hourRecords } from '../../db/schema/index';
import { AppError, invalid, notFound } from '../../errors';
import type { Caller } from '../auth/index';
import type { FileStore } from '../../storage/file-store';
import { writeAudit } from '../audit/index';
import { findRecord } from './find-record';

import { evidenceMessages, MAX_EVIDENCE_BYTES, MAX_EVIDENCE_FILES } from '@ptce/rules';

export { MAX_EVIDENCE_BYTES, MAX_EVIDENCE_FILES };

type EvidenceMime = 'application/pdf' | 'image/jpeg' | 'image/png';

/** The file's type from its first bytes — never from its name or the browser's claim. */
export function sniffEvidenceType(head: Buffer): EvidenceMime | null {
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  if (head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  return null;
}

export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? 'file';
  // eslint-disable-next-line no-control-regex -- control characters are what is removed from the name
  return base.replace(/[\u0000-\u001f\u007f]/g, '').slice(0, 120) || 'file';
}

function assertEditableStatus(status: string | undefined) {
  if (status !== 'draft' && status !== 'rejected')
    throw new AppError('STATE_CHANGED', '只有待提交或不予认定的记录可以修改证明材料');
}

async function editableRecord(ctx: Caller, id: number) {
  const r = await findRecord(ctx, ctx.db, id);
  assertEditableStatus(r.status);
  if (ctx.actor.kind === 'authority') throw new AppError('FORBIDDEN', '主管部门不能修改证明材料');
  return r;
}

/** 证明材料: PDF, JPG or PNG (checked by content), size-limited, kept in the file store. */
export async function addEvidence(
  ctx: Caller,
  files: FileStore,
  recordId: number,
  upload: { fileName: string; data: Buffer },
) {
  await editableRecord(ctx, recordId);
  if (upload.data.length === 0) throw invalid('file', '文件为空');
  if (upload.data.length > MAX_EVIDENCE_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', evidenceMessages.tooLarge());
  const mime = sniffEvidenceType(upload.data);
  if (!mime)
    throw new AppError('UNSUPPORTED_MEDIA', '证明材料只支持PDF、JPG、PNG格式的文件', [
      { field: 'file', reason: '文件内容不是PDF、JPG或PNG' },
    ]);
  const stored = await files.put(upload.data, { prefix: 'evidence' });
  try {
    return await ctx.db.transaction(async (tx) => {
      // Re-read under the row lock: a submission racing with the upload must not end up with the file.
      const locked = await tx.execute(sql`SELECT status FROM hour_records WHERE id = ${recordId} FOR UPDATE`);
      assertEditableStatus((locked.rows as Array<{ status: string }>)[0]?.status);
      const [count] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(hourEvidence)
        .where(eq(hourEvidence.recordId, recordId));
      if ((count?.n ?? 0) >= MAX_EVIDENCE_FILES) throw invalid('file', evidenceMessages.tooMany());
      const [row] = await tx
        .insert(hourEvidence)
        .values({
          recordId,
          fileKey: stored.key,
          fileName: cleanFileName(upload.fileName),
          mime,
          size: stored.size,
          sha256: stored.sha256,
          uploadedBy: ctx.actor.id,
          uploadedAt: now(),
        })
        .returning();
      await tx.update(hourRecords).set({ updatedAt: now() }).where(eq(hourRecords.id, recordId));
      await writeAudit(tx, ctx, {
        action: 'hours.evidence.add',
        targetType: 'hour_record',
        targetId: recordId,
        detail: { evidenceId: row!.id, size: stored.size, mime },
      });
      return {
        id: row!.id,
        fileName: row!.fileName,
        mime: row!.mime,
        size: row!.size,
        uploadedAt: row!.uploadedAt.toISOString(),
      };
    });
  } catch (e) {
    await files.remove(stored.key);
    throw e;
  }
}

/** An evidence file, only for those who may see its record. */
export async function openEvidence(ctx: Caller, files: FileStore, evidenceId: number) {
  const [e] = await ctx.db.select().from(hourEvidence).where(eq(hourEvidence.id, evidenceId));
  if (!e) throw notFound('证明材料');
  await findRecord(ctx, ctx.db, e.recordId).catch(() => {
    throw notFound('证明材料');
  });
  return { meta: e, stream: files.read(e.fileKey) };
}

export async function removeEvidence(ctx: Caller, files: FileStore, recordId: number, evidenceId: number) {
  await editableRecord(ctx, recordId);
  const [e] = await ctx.db
    .select()
    .from(hourEvidence)
    .where(and(eq(hourEvidence.id, evidenceId), eq(hourEvidence.recordId, recordId)));
  if (!e) throw notFound('证明材料');
  await ctx.db.transaction(async (tx) => {
    const locked = await tx.execute(sql`SELECT status FROM hour_records WHERE id = ${recordId} FOR UPDATE`);
    assertEditableStatus((locked.rows as Array<{ status: string }>)[0]?.status);
    await tx.delete(hourEvidence).where(eq(hourEvidence.id, evidenceId));
    await writeAudit(tx, ctx, {
      action: 'hours.evidence.remove',
      targetType: 'hour_record',
      targetId: recordId,
      detail: { evidenceId },
    });
  });
  await files.remove(e.fileKey);
}
