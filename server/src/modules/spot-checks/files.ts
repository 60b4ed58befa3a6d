import type { SpotCheckFile } from '@ptce/contracts';
import { evidenceMessages, MAX_EVIDENCE_BYTES, MAX_EVIDENCE_FILES } from '@ptce/rules';
import { sql } from 'drizzle-orm';
import { now } from '../../clock';
import { AppError, invalid, notFound } from '../../errors';
import type { FileStore } from '../../storage/file-store';
import type { Caller } from '../auth/index';
import { writeAudit } from '../audit/index';
import { cleanFileName, sniffEvidenceType } from '../hours/index';
import { findItem, unitOf } from './campaign-scope';

/**
 * 材料 of a sampled record: the unit's answer (until it has answered) or an inspector's (while the campaign is
 * open) — checked like evidence files: PDF, JPG or PNG by content, size- and count-limited.
 */
export async function addItemFile(
  ctx: Caller,
  files: FileStore,
  itemId: number,
  upload: { fileName: string; data: Buffer },
): Promise<SpotCheckFile> {
  const kind = unitOf(ctx.actor) ? 'answer' : 'finding';
  const allowed = async (db: Caller['db'], lock: boolean) => {
    const a = await findItem(db, ctx.actor, itemId, lock);
    if (a.status !== 'open') throw new AppError('STATE_CHANGED', '该抽查已结束');
    if (kind === 'answer' && a.answered) throw new AppError('STATE_CHANGED', '本单位已答复，不能再上传材料');
    if (kind === 'finding' && !a.inspector) throw new AppError('FORBIDDEN', '只有抽中的检查人员可以上传核查材料');
    return a;
  };
  await allowed(ctx.db, false);
  if (upload.data.length === 0) throw invalid('file', '文件为空');
  if (upload.data.length > MAX_EVIDENCE_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', evidenceMessages.tooLarge());
  const mime = sniffEvidenceType(upload.data);
  if (!mime)
    throw new AppError('UNSUPPORTED_MEDIA', '材料只支持PDF、JPG、PNG格式的文件', [
      { field: 'file', reason: '文件内容不是PDF、JPG或PNG' },
    ]);
  const stored = await files.put(upload.data, { prefix: 'spot-checks' });
  try {
    return await ctx.db.transaction(async (tx) => {
      await allowed(tx, true);
      const n = await tx.execute(
        sql`SELECT count(*)::int AS n FROM spot_check_files WHERE item_id = ${itemId} AND kind = ${kind}`,
      );
      if (Number((n.rows[0] as { n: number }).n) >= MAX_EVIDENCE_FILES)
        throw invalid('file', evidenceMessages.tooMany());
      const at = now();
      const r = await tx.execute(sql`
        INSERT INTO spot_check_files (item_id, kind, file_key, file_name, mime, size, sha256, uploaded_by, uploaded_at)
        VALUES (${itemId}, ${kind}, ${stored.key}, ${cleanFileName(upload.fileName)}, ${mime}, ${stored.size},
          ${stored.sha256}, ${ctx.actor.id}, ${at})
        RETURNING id, file_name`);
      const row = r.rows[0] as { id: number; file_name: string };
      await writeAudit(tx, ctx, {
        action: 'spotcheck.file.add',
        targetType: 'spot_check_item',
        targetId: itemId,
        detail: { fileId: Number(row.id), kind, size: stored.size, mime },
      });
      return {
        id: Number(row.id),
        kind,
        fileName: row.file_name,
        mime,
        size: stored.size,
        uploadedAt: at.toISOString(),
      };
    });
  } catch (e) {
    await files.remove(stored.key);
    throw e;
  }
}

/** A file, for whoever reaches its record (the campaign's staff and inspectors, the sampled unit). */
export async function openItemFile(ctx: Caller, files: FileStore, itemId: number, fileId: number) {
  const r = await ctx.db.execute(
    sql`SELECT id, item_id, file_key, file_name, mime, size FROM spot_check_files WHERE id = ${fileId} AND item_id = ${itemId}`,
  );
  const f = r.rows[0] as
    { id: number; item_id: number; file_key: string; file_name: string; mime: string; size: number } | undefined;
  if (!f) throw notFound('抽查材料');
  await findItem(ctx.db, ctx.actor, Number(f.item_id)).catch(() => {
    throw notFound('抽查材料');
  });
  return { meta: { fileName: f.file_name, mime: f.mime, size: Number(f.size) }, stream: files.read(f.file_key) };
}
