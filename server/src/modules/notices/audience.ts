import { eq, sql, type SQL } from 'drizzle-orm';
import { regionCovers } from '@ptce/rules';
import type { Actor } from '../../auth/actor';
import type { Db } from '../../db/client';
import { notices, units } from '../../db/schema/index';

/** What decides which notices reach an actor: their roles, and the region and industry they belong to. */
export interface Reader {
  /** The operator reads every published notice. */
  all: boolean;
  professional: boolean;
  unitStaff: boolean;
  /** Region codes whose area holds the reader (their unit's region, or an HR bureau's own). */
  regions: string[];
  industryCode: string | null;
}

const UNIT_STAFF_KINDS = new Set(['unit_account', 'unit_admin']);

/** The codes of the regions whose area contains `code`: itself, its city, the province. */
export function regionsCovering(code: string): string[] {
  const candidates = [code, `${code.slice(0, 4)}00`, `${code.slice(0, 2)}0000`];
  return [...new Set(candidates)].filter((c) => regionCovers(c, code));
}

/**
 * A person or unit admin is reached through their unit's region and industry; an HR bureau through its region,
 * an industry authority through its industry.
 */
export async function readerOf(db: Db, actor: Actor): Promise<Reader> {
  let regionCode: string | null = null;
  let industryCode: string | null = null;
  if (actor.unitId !== null && (actor.kind === 'professional' || UNIT_STAFF_KINDS.has(actor.kind))) {
    const [u] = await db
      .select({ regionCode: units.regionCode, industryCode: units.industryCode })
      .from(units)
      .where(eq(units.id, actor.unitId));
    regionCode = u?.regionCode ?? null;
    industryCode = u?.industryCode ?? null;
  } else if (actor.kind === 'hr_bureau') {
    regionCode = actor.regionCode;
  } else if (actor.kind === 'authority') {
    industryCode = actor.industryCode;
  }
  return {
    all: actor.kind === 'operator',
    professional: actor.kind === 'professional',
    unitStaff: UNIT_STAFF_KINDS.has(actor.kind),
    regions: regionCode ? regionsCovering(regionCode) : [],
    industryCode,
  };
}

/** The published notices addressed to the reader (withdrawn ones and drafts reach nobody). */
export function addressedTo(r: Reader): SQL {
  const published = sql`${notices.status} = 'published'`;
  if (r.all) return published;
  const parts: SQL[] = [sql`${notices.audience} = 'everyone'`];
  if (r.professional) parts.push(sql`${notices.audience} = 'professionals'`);
  if (r.unitStaff) parts.push(sql`${notices.audience} = 'unit_admins'`);
  if (r.regions.length)
    parts.push(
      sql`(${notices.audience} = 'region' AND ${notices.regionCode} IN (${sql.join(
        r.regions.map((c) => sql`${c}`),
        sql`, `,
      )}))`,
    );
  if (r.industryCode)
    parts.push(sql`(${notices.audience} = 'industry' AND ${notices.industryCode} = ${r.industryCode})`);
  return sql`${published} AND (${sql.join(parts, sql` OR `)})`;
}

/** The one notice with this id (the operator sees every notice, drafts too). */
export const noticeWithId = (id: number) => sql`${notices.id} = ${id}`;

/** Public: published notices for everyone (the login page). */
export const publicNotice = sql`${notices.status} = 'published' AND ${notices.audience} = 'everyone'`;
