import crypto from 'node:crypto';
import type { CertificateInfo } from '@ptce/contracts';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { now, shanghaiDate } from '../../clock';
import type { Config } from '../../config';
import type { Db } from '../../db/client';
import { accounts, certificates, units, type CertificateKind, type CertificateSnapshot } from '../../db/schema/index';
import { maskIdNumber } from '../../domain/id-number';
import { AppError } from '../../errors';
import type { Caller } from '../auth/index';
import type { FileStore } from '../../storage/file-store';
import { isUniqueViolation } from '../../db/sql-helpers';
import { emitDomainEvent } from '../../events/domain-events';
import { writeAudit } from '../audit/index';
import { complianceFor } from '../compliance/index';
import { CERTIFICATE_TITLE, renderCertificate } from './render-certificate';

export const verifyUrlOf = (config: Pick<Config, 'publicUrl'>, code: string) => `${config.publicUrl}/verify/${code}`;

export function toInfo(config: Pick<Config, 'publicUrl'>, c: typeof certificates.$inferSelect): CertificateInfo {
  return {
    id: c.id,
    kind: c.kind,
    serial: c.serial,
    year: c.year,
    issuedAt: c.issuedAt.toISOString(),
    revokedAt: c.revokedAt?.toISOString() ?? null,
    revokeReason: c.revokeReason,
    verifyUrl: verifyUrlOf(config, c.code),
  };
}

async function validCertificate(db: Db, accountId: number, year: number, kind: CertificateKind) {
  const [c] = await db
    .select()
    .from(certificates)
    .where(
      and(
        eq(certificates.accountId, accountId),
        eq(certificates.year, year),
        eq(certificates.kind, kind),
        isNull(certificates.revokedAt),
      ),
    );
  return c ?? null;
}

/**
 * 打印证书: generates the certificate once the person is eligible, as a stored snapshot — later
 * edits to the person or the rules never change an issued PDF, and asking again returns the same one.
 */
export async function issueCertificate(
  ctx: Caller,
  deps: { files: FileStore; config: Pick<Config, 'publicUrl'>; issuer: string },
  kind: CertificateKind,
  year: number,
): Promise<CertificateInfo> {
  const existing = await validCertificate(ctx.db, ctx.actor.id, year, kind);
  if (existing) return toInfo(deps.config, existing);

  const status = await complianceFor(ctx.db, ctx.actor.id, year);
  if (kind === 'public_exam' && !status.compulsoryDone) {
    throw new AppError('FORBIDDEN', `尚未完成${year}年度公需科目必修课学习和考试，暂不能生成公需科目考试合格证书`);
  }
  if (kind === 'ce' && !status.met) {
    const why = status.missing.map((m) => m.item).join('；');
    throw new AppError(
      'FORBIDDEN',
      `${year}年度继续教育学时尚未达标，暂不能生成继续教育合格证书${why ? `：${why}` : ''}`,
    );
  }
  const [person] = await ctx.db
    .select({ name: accounts.name, idNumber: accounts.idNumber, unitName: units.name })
    .from(accounts)
    .leftJoin(units, eq(units.id, accounts.unitId))
    .where(eq(accounts.id, ctx.actor.id));
  const seqRows = (await ctx.db.execute(sql`SELECT nextval('certificate_serial_seq')::int AS seq`)).rows as Array<{
    seq: number;
  }>;
  const seq = Number(seqRows[0]!.seq);
  const serial = `${year}${kind === 'ce' ? 'JX' : 'GX'}${String(seq).padStart(8, '0')}`;
  const code = crypto.randomBytes(15).toString('base64url');
  const snapshot: CertificateSnapshot = {
    title: CERTIFICATE_TITLE[kind],
    name: person!.name,
    idNumberMasked: maskIdNumber(person!.idNumber ?? ''),
    unitName: person!.unitName,
    year,
    compulsoryHours: status.compulsoryHours,
    electiveHours: kind === 'ce' ? status.electiveHours : 0,
    professionalHours: kind === 'ce' ? status.professionalHours : 0,
    totalHours: kind === 'ce' ? status.totalHours : status.compulsoryHours,
    issuer: deps.issuer,
    issuedOn: shanghaiDate(),
    serial,
    verifyUrl: verifyUrlOf(deps.config, code),
  };
  const pdf = await renderCertificate(kind, snapshot);
  const stored = await deps.files.put(pdf, { prefix: 'certificates' });
  try {
    return await ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(certificates)
        .values({
          kind,
          serial,
          code,
          accountId: ctx.actor.id,
          year,
          snapshot,
          fileKey: stored.key,
          sha256: stored.sha256,
          size: stored.size,
          issuedAt: now(),
        })
        .returning();
      await writeAudit(tx, ctx, {
        action: 'certificate.issue',
        targetType: 'certificate',
        targetId: row!.id,
        detail: { kind, year, serial },
      });
      await emitDomainEvent(tx, {
        type: 'certificate.issued',
        accountId: ctx.actor.id,
        year,
        payload: { certificateId: row!.id, kind, serial },
      });
      return toInfo(deps.config, row!);
    });
  } catch (e) {
    await deps.files.remove(stored.key);
    // Two clicks at once: the other request issued it first; return that one.
    if (isUniqueViolation(e)) {
      const winner = await validCertificate(ctx.db, ctx.actor.id, year, kind);
      if (winner) return toInfo(deps.config, winner);
    }
    throw e;
  }
}

export async function myCertificates(ctx: Caller, config: Pick<Config, 'publicUrl'>) {
  const rows = await ctx.db
    .select()
    .from(certificates)
    .where(eq(certificates.accountId, ctx.actor.id))
    .orderBy(desc(certificates.year), desc(certificates.id));
  return rows.map((r) => toInfo(config, r));
}
