import { asc, eq, sql } from 'drizzle-orm';
import { now } from '../../clock';
import type { Db } from '../../db/client';
import { publicCredits } from '../../db/schema/index';
import type { CourseKind } from '../../domain/learning';
import { writeAudit, type AuditContext } from '../audit/index';

/**
 * 公需科目学时 — the one place public hours are recorded and read. Nobody registers them
 * (notice §二(一): 公需科目所获得学时自动计入…无需个人另行登记): passing the compulsory exam and
 * completing the year's electives insert a row here, once per person, year and kind.
 */
export async function publicHoursByYear(
  db: Db,
  accountId: number,
): Promise<Array<{ year: number; compulsory: number; elective: number }>> {
  const rows = await db
    .select({
      year: publicCredits.year,
      compulsory: sql<string>`COALESCE(SUM(${publicCredits.hours}) FILTER (WHERE ${publicCredits.kind} = 'compulsory'), 0)`,
      elective: sql<string>`COALESCE(SUM(${publicCredits.hours}) FILTER (WHERE ${publicCredits.kind} = 'elective'), 0)`,
    })
    .from(publicCredits)
    .where(eq(publicCredits.accountId, accountId))
    .groupBy(publicCredits.year)
    .orderBy(asc(publicCredits.year));
  // numeric comes back as text from both drivers
  return rows.map((r) => ({ year: r.year, compulsory: Number(r.compulsory), elective: Number(r.elective) }));
}

/**
 * Credits public hours inside the caller's transaction. The unique (account, year, kind) makes it
 * happen exactly once, however many requests race; only the insert that wins writes the audit entry.
 * Returns whether this call credited.
 */
export async function creditPublicHours(
  tx: Db,
  audit: AuditContext,
  c: { accountId: number; year: number; kind: CourseKind; hours: number; source: string },
): Promise<boolean> {
  const inserted = await tx
    .insert(publicCredits)
    .values({ accountId: c.accountId, year: c.year, kind: c.kind, hours: c.hours, creditedAt: now(), source: c.source })
    .onConflictDoNothing()
    .returning({ year: publicCredits.year });
  if (!inserted.length) return false;
  await writeAudit(tx, audit, {
    action: 'learning.credit',
    targetType: 'account',
    targetId: c.accountId,
    detail: { year: c.year, kind: c.kind, hours: c.hours, source: c.source },
  });
  return true;
}
