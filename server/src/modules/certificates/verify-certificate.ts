import type { CertificateVerification } from '@ptce/contracts';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { certificates } from '../../db/schema/index';
import { maskName } from '../../domain/id-number';
import { notFound } from '../../errors';

/** Public verification by the QR code's code: what was issued, and whether it still stands. */
export async function verifyCertificate(db: Db, code: string): Promise<CertificateVerification> {
  const [c] = await db.select().from(certificates).where(eq(certificates.code, code));
  if (!c) throw notFound('证书');
  const s = c.snapshot;
  return {
    status: c.revokedAt ? 'revoked' : 'valid',
    kind: c.kind,
    title: s.title,
    serial: c.serial,
    name: maskName(s.name),
    idNumberMasked: s.idNumberMasked,
    unitName: s.unitName,
    year: c.year,
    compulsoryHours: s.compulsoryHours,
    electiveHours: s.electiveHours,
    professionalHours: s.professionalHours,
    totalHours: s.totalHours,
    issuer: s.issuer,
    issuedOn: s.issuedOn,
    revokedAt: c.revokedAt?.toISOString() ?? null,
    revokeReason: c.revokedAt ? c.revokeReason : null,
  };
}
