import type { RecordDetail } from '@ptce/contracts';
import { and, asc, eq } from 'drizzle-orm';
import { hourEvidence, hourRecordEvents, hourRecords } from '../../db/schema/index';
import { notFound } from '../../errors';
import type { Caller } from '../auth/index';
import { recordScope } from './record-scope';
import { recordQuery, toRecordRow } from './list-records';

/** 查看: the record, its review history (the "+") and its evidence files. */
export async function getRecord(ctx: Caller, id: number): Promise<RecordDetail> {
  const [row] = await recordQuery(ctx.db).where(and(eq(hourRecords.id, id), recordScope(ctx.actor)));
  if (!row) throw notFound('学时记录');
  const [history, evidence] = await Promise.all([
    ctx.db
      .select()
      .from(hourRecordEvents)
      .where(eq(hourRecordEvents.recordId, id))
      .orderBy(asc(hourRecordEvents.at), asc(hourRecordEvents.id)),
    ctx.db.select().from(hourEvidence).where(eq(hourEvidence.recordId, id)).orderBy(asc(hourEvidence.id)),
  ]);
  return {
    ...toRecordRow(row),
    history: history.map((h) => ({
      at: h.at.toISOString(),
      action: h.action,
      actorName: h.actorName,
      targetName: h.targetName,
      opinion: h.opinion,
    })),
    evidence: evidence.map((e) => ({
      id: e.id,
      fileName: e.fileName,
      mime: e.mime,
      size: e.size,
      uploadedAt: e.uploadedAt.toISOString(),
    })),
  };
}
