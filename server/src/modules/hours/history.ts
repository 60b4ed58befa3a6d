import { now } from '../../clock';
import type { Db } from '../../db/client';
import { hourRecordEvents } from '../../db/schema/index';
import type { Actor } from '../../auth/actor';

type Action = (typeof hourRecordEvents.$inferInsert)['action'];

/** Appends to the review history ("+" in 培训登记详情) of one or more records. */
export async function addHistory(
  tx: Db,
  recordIds: number[],
  action: Action,
  actor: Pick<Actor, 'id' | 'name'>,
  extra: { targetName?: string | null; opinion?: string | null } = {},
) {
  if (!recordIds.length) return;
  const at = now();
  await tx.insert(hourRecordEvents).values(
    recordIds.map((recordId) => ({
      recordId,
      at,
      action,
      actorId: actor.id,
      actorName: actor.name,
      targetName: extra.targetName ?? null,
      opinion: extra.opinion ?? null,
    })),
  );
}
