import crypto from 'node:crypto';
import { and, eq, inArray, lt, or } from 'drizzle-orm';
import { now } from '../clock';
import type { Db } from '../db/client';
import { accounts, authorities, departments, sessions } from '../db/schema/index';
import { rolesOf, type Actor } from './actor';

export const SESSION_COOKIE = 'ptce_sid';

export class SessionStore {
  constructor(
    private readonly secret: string,
    private readonly idleMinutes: number,
  ) {}

  /** Sessions are stored by HMAC of the cookie token, so a leaked table row cannot be replayed. */
  private key(token: string): string {
    return crypto.createHmac('sha256', this.secret).update(token).digest('base64url');
  }

  get idleMs(): number {
    return this.idleMinutes * 60_000;
  }

  async create(db: Db, accountId: number, meta: { ip?: string; userAgent?: string }) {
    const token = crypto.randomBytes(32).toString('base64url');
    const csrfToken = crypto.randomBytes(24).toString('base64url');
    const at = now();
    await db.insert(sessions).values({
      id: this.key(token),
      accountId,
      csrfToken,
      createdAt: at,
      lastSeenAt: at,
      ip: meta.ip ?? null,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
    });
    return { token, csrfToken };
  }

  async destroy(db: Db, token: string): Promise<void> {
    await db.delete(sessions).where(eq(sessions.id, this.key(token)));
  }

  async destroyAllFor(db: Db, accountId: number, exceptSessionId?: string): Promise<void> {
    const rows = await db.select({ id: sessions.id }).from(sessions).where(eq(sessions.accountId, accountId));
    const ids = rows.map((r) => r.id).filter((id) => id !== exceptSessionId);
    if (ids.length) await db.delete(sessions).where(inArray(sessions.id, ids));
  }

  /** Loads the caller; an idle session past the timeout is deleted and treated as absent. */
  async load(db: Db, token: string): Promise<Actor | null> {
    const id = this.key(token);
    const [row] = await db
      // Only what the actor needs: this runs on every authenticated request.
      .select({
        s: { lastSeenAt: sessions.lastSeenAt, csrfToken: sessions.csrfToken },
        a: {
          id: accounts.id, kind: accounts.kind, name: accounts.name, loginEnabled: accounts.loginEnabled, unitId: accounts.unitId,
          departmentId: accounts.departmentId, authorityId: accounts.authorityId, baseId: accounts.baseId, mustChangePassword: accounts.mustChangePassword,
        },
        auth: { regionCode: authorities.regionCode, industryCode: authorities.industryCode },
      })
      .from(sessions)
      .innerJoin(accounts, eq(accounts.id, sessions.accountId))
      .leftJoin(authorities, eq(authorities.id, accounts.authorityId))
      .where(eq(sessions.id, id))
      .limit(1);
    if (!row) return null;
    const at = now();
    if (at.getTime() - row.s.lastSeenAt.getTime() > this.idleMs || !row.a.loginEnabled) {
      await db.delete(sessions).where(eq(sessions.id, id));
      return null;
    }
    // Touch at most once a minute: the idle timeout does not need per-request writes.
    if (at.getTime() - row.s.lastSeenAt.getTime() > 60_000) {
      await db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.id, id));
    }
    const { roles, scope } = rolesOf(row.a.kind, row.a.departmentId);
    let departmentScopeIds: number[] | null = null;
    if (row.a.kind === 'unit_admin' && row.a.departmentId !== null) {
      const depts = await db
        .select({ id: departments.id })
        .from(departments)
        .where(or(eq(departments.id, row.a.departmentId), eq(departments.parentId, row.a.departmentId)));
      departmentScopeIds = depts.map((d) => d.id);
    }
    return {
      id: row.a.id,
      kind: row.a.kind,
      name: row.a.name,
      roles,
      scope,
      unitId: row.a.unitId,
      departmentId: row.a.departmentId,
      departmentScopeIds,
      authorityId: row.a.authorityId,
      baseId: row.a.baseId,
      regionCode: row.auth?.regionCode ?? null,
      industryCode: row.auth?.industryCode ?? null,
      mustChangePassword: row.a.mustChangePassword,
      sessionId: id,
      csrfToken: row.s.csrfToken,
    };
  }

  async purgeExpired(db: Db): Promise<void> {
    await db.delete(sessions).where(and(lt(sessions.lastSeenAt, new Date(now().getTime() - this.idleMs))));
  }
}
