import { sql } from 'drizzle-orm';
import type { Actor } from '../../auth/actor';
import type { Db } from '../../db/client';
import { forbidden } from '../../errors';

/** The unit an actor administers (unit account, total or department admin). */
export function unitOf(actor: Actor): number {
  if (!actor.unitId || !['unit_account', 'unit_admin'].includes(actor.kind))
    throw forbidden('仅单位账号或单位管理员可执行此操作');
  return actor.unitId;
}

/** Serializes changes to one unit's admins and departments (e.g. "keep one total admin"). */
export async function lockUnit(tx: Db, unitId: number): Promise<void> {
  await tx.execute(sql`SELECT id FROM units WHERE id = ${unitId} FOR UPDATE`);
}
