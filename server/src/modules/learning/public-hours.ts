import { asc, eq, sql } from 'drizzle-orm';
import { now } from '../../clock';
import type { Db } from '../../db/client';
import { queryPrepared } from '../../db/prepared';
import { publicCredits } from '../../db/schema/index';
import type { CourseKind } from '../../domain/learning';
import { auditEntriesSql, type AuditContext, type AuditEntryExprs } from '../audit/index';

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

/** The audit columns of a statement that credits: when, who, from where (parameters of that statement). */
export type CreditAuditExprs = Pick<AuditEntryExprs, 'at' | 'actorId' | 'actorName' | 'actorKind' | 'ip'>;

/**
 * How public hours are credited, as two CTEs (`credit`, `credit_audit`) over `from` — rows of
 * (account_id, year, kind, hours, source): each credit once per person, year and kind (the unique
 * public_credits_once makes it happen exactly once however many requests race), and an audit entry
 * (learning.credit) for each credit that was new. The one text both creditPublicHours and the exam's
 * one-statement close (exams/finalize-attempt.ts) run; `credit` returns the new credits' account_id.
 */
export function creditCtes(from: string, a: CreditAuditExprs): string {
  return `credit AS (
  INSERT INTO public_credits (account_id, year, kind, hours, credited_at, source)
  SELECT src.account_id, src.year, src.kind, src.hours, ${a.at}, src.source FROM ${from} AS src
  ON CONFLICT ON CONSTRAINT public_credits_once DO NOTHING
  RETURNING account_id, year, kind, hours, source),
credit_audit AS (
  ${auditEntriesSql('credit', {
    ...a,
    action: `'learning.credit'`,
    targetType: `'account'`,
    targetId: 'credit.account_id::text',
    detail: `jsonb_build_object('year', credit.year, 'kind', credit.kind, 'hours', credit.hours::float8, 'source', credit.source)`,
  })})`;
}

const CREDIT_SQL = `
WITH ${creditCtes(
  `(SELECT $1::integer AS account_id, $2::integer AS year, $3::text AS kind, $4::numeric AS hours, $5::text AS source)`,
  { at: '$6::timestamptz', actorId: '$7::integer', actorName: '$8::text', actorKind: '$9::text', ip: '$10::text' },
)}
SELECT count(*)::integer AS credited FROM credit`;

/**
 * Credits public hours inside the caller's transaction, exactly once (see creditCtes); only the
 * insert that wins writes the audit entry. Returns whether this call credited.
 */
export async function creditPublicHours(
  tx: Db,
  audit: AuditContext,
  c: { accountId: number; year: number; kind: CourseKind; hours: number; source: string },
): Promise<boolean> {
  const [row] = await queryPrepared<{ credited: number }>(tx, 'ptce_credit_public_hours', CREDIT_SQL, [
    c.accountId,
    c.year,
    c.kind,
    c.hours,
    c.source,
    now(),
    audit.actor?.id ?? null,
    audit.actor?.name ?? null,
    audit.actor?.kind ?? null,
    audit.ip ?? null,
  ]);
  return Number(row?.credited ?? 0) > 0;
}
