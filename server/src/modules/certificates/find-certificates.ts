import type { CertificateAdminRow, CertificateSearchQuery } from '@ptce/contracts';
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Config } from '../../config';
import type { Db } from '../../db/client';
import { accounts, certificates } from '../../db/schema/index';
import { idNumberIs } from '../../db/pii-lookup';
import type { Caller } from '../auth/index';
import { toInfo } from './issue-certificate';

/**
 * 证书管理 (help desk): a person's certificates, newest first, found by their ID number — or one
 * certificate by its serial (printed on the PDF). Shown as issued: the stored snapshot, not today's
 * account data, with the ID number masked as on the certificate.
 */
export async function findCertificates(
  ctx: Caller,
  config: Pick<Config, 'publicUrl'>,
  q: CertificateSearchQuery,
): Promise<CertificateAdminRow[]> {
  let where;
  if (q.serial) {
    where = eq(certificates.serial, q.serial);
  } else {
    const people = await ctx.db
      .select({ id: accounts.id })
      .from(accounts)
      .where(and(eq(accounts.kind, 'professional'), idNumberIs(q.idNumber!)));
    if (!people.length) return [];
    where = inArray(
      certificates.accountId,
      people.map((p) => p.id),
    );
  }
  const rows = await ctx.db
    .select()
    .from(certificates)
    .where(where)
    .orderBy(desc(certificates.year), desc(certificates.issuedAt))
    .limit(200);
  return rows.map((c) => adminRow(config, c));
}

const adminRow = (config: Pick<Config, 'publicUrl'>, c: typeof certificates.$inferSelect): CertificateAdminRow => ({
  ...toInfo(config, c),
  title: c.snapshot.title,
  name: c.snapshot.name,
  idNumberMasked: c.snapshot.idNumberMasked,
  unitName: c.snapshot.unitName,
  totalHours: c.snapshot.totalHours,
});

/** 人员查询: one person's certificates (valid and revoked), newest year first, as issued. */
export async function certificatesOf(
  db: Db,
  config: Pick<Config, 'publicUrl'>,
  accountId: number,
): Promise<CertificateAdminRow[]> {
  const rows = await db
    .select()
    .from(certificates)
    .where(eq(certificates.accountId, accountId))
    .orderBy(desc(certificates.year), desc(certificates.issuedAt))
    .limit(200);
  return rows.map((c) => adminRow(config, c));
}
