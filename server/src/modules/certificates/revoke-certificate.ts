import { and, eq, isNull } from 'drizzle-orm';
import { now } from '../../clock';
import type { Db } from '../../db/client';
import { certificates } from '../../db/schema/index';
import { emitDomainEvent, type DomainEvent } from '../../events/domain-events';
import { AppError, notFound } from '../../errors';
import type { Caller } from '../auth/index';
import { writeAudit, type AuditContext } from '../audit/index';

async function revoke(tx: Db, ctx: AuditContext, where: ReturnType<typeof and>, reason: string) {
  const revoked = await tx
    .update(certificates)
    .set({ revokedAt: now(), revokeReason: reason, revokedBy: ctx.actor?.id ?? null })
    .where(and(where, isNull(certificates.revokedAt)))
    .returning({
      id: certificates.id,
      serial: certificates.serial,
      kind: certificates.kind,
      accountId: certificates.accountId,
      year: certificates.year,
    });
  for (const c of revoked) {
    await writeAudit(tx, ctx, {
      action: 'certificate.revoke',
      targetType: 'certificate',
      targetId: c.id,
      detail: { serial: c.serial, reason },
    });
    await emitDomainEvent(tx, {
      type: 'certificate.revoked',
      accountId: c.accountId,
      year: c.year,
      payload: { certificateId: c.id, kind: c.kind, serial: c.serial, reason },
    });
  }
  return revoked;
}

/** The operator revokes a certificate with a reason. */
export async function revokeCertificate(ctx: Caller, id: number, reason: string) {
  await ctx.db.transaction(async (tx) => {
    const [c] = await tx.select().from(certificates).where(eq(certificates.id, id));
    if (!c) throw notFound('证书');
    if (c.revokedAt) throw new AppError('STATE_CHANGED', '该证书已撤销');
    await revoke(tx, ctx, and(eq(certificates.id, id)), reason);
  });
}

// 若是已通过审核又被删除学时的，如已生成过《继续教育合格证书》的，则删除学时后原证书自动失效 — notice, attachment 2 §二(二)3.
// Wired to 'hours.approved-deleted' in events/wiring.ts; runs in the transaction that deleted the hours.
export async function revokeCertificateOfDeletedHours(tx: Db, e: DomainEvent): Promise<void> {
  const reason = `单位删除了已通过认定的专业科目学时${e.payload.reason ? `（${String(e.payload.reason)}）` : ''}，原证书自动失效`;
  await revoke(
    tx,
    { actor: null },
    and(eq(certificates.accountId, e.accountId), eq(certificates.year, e.year), eq(certificates.kind, 'ce')),
    reason,
  );
}
