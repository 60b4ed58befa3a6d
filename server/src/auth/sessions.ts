import crypto from 'node:crypto';
import { and, eq, inArray, lt } from 'drizzle-orm';
import { now } from '../clock';
import type { Db } from '../db/client';
import { queryPrepared } from '../db/prepared';
import { sessions } from '../db/schema/index';
import { actorFromRow, type ActorRow } from './account-actor';
import type { Actor } from './actor';
import type { Policy } from './policy';
import { statementSession, type StatementSession } from './session-in-statement';

export const SESSION_COOKIE = 'ptce_sid';

/**
 * The session and the caller's account, by the session key — only the columns the actor needs — in one round
 * trip that also touches the session: last_seen_at moves to $2 when it is more than a minute old and the session
 * is not idle past the timeout ($3 minutes). The idle timeout does not need a write per request, and a heartbeat
 * every 30 s would otherwise pay a second round trip every other time. The SELECT reads the row as it was before
 * the touch (a data-modifying WITH is not visible to the rest of the statement), which is what the idle check in
 * load() judges. It runs on every authenticated request, so it is constant SQL sent as a prepared statement
 * (db/prepared.ts). The touch commits without waiting for the WAL flush, as the heartbeat does (record-heartbeat.ts):
 * a crash of PostgreSQL could only lose a last_seen_at under a second old.
 */
const SESSION_LOAD_SQL = `
WITH async AS (SELECT set_config('synchronous_commit', 'off', true) AS v), touch AS (
  UPDATE sessions SET last_seen_at = $2::timestamptz
   WHERE id = $1 AND last_seen_at < $2::timestamptz - interval '1 minute'
     AND last_seen_at >= $2::timestamptz - $3::double precision * interval '1 minute'
     AND (SELECT v FROM async) = 'off'
)
SELECT s.last_seen_at, s.csrf_token,
       a.id, a.kind, a.name, a.login_enabled, a.unit_id, a.department_id, a.authority_id, a.base_id, a.must_change_password,
       (a.phone_enc IS NOT NULL AND a.email IS NOT NULL AND a.email <> '') AS has_contact,
       au.region_code, au.industry_code
  FROM sessions s
  JOIN accounts a ON a.id = s.account_id
  LEFT JOIN authorities au ON au.id = a.authority_id
 WHERE s.id = $1
 LIMIT 1`;

interface SessionRow extends ActorRow {
  last_seen_at: Date;
  csrf_token: string;
  login_enabled: boolean;
}

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

  /** The session as a route's own statement checks it (auth/session-in-statement.ts). */
  inStatement(token: string, csrfSent: string | string[] | undefined, policy: Policy): StatementSession {
    return statementSession(this.key(token), csrfSent, this.idleMinutes, policy);
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
    const at = now();
    const [row] = await queryPrepared<SessionRow>(db, 'ptce_session_load_v4', SESSION_LOAD_SQL, [
      id,
      at.toISOString(),
      this.idleMinutes,
    ]);
    if (!row) return null;
    if (at.getTime() - row.last_seen_at.getTime() > this.idleMs || !row.login_enabled) {
      await db.delete(sessions).where(eq(sessions.id, id));
      return null;
    }
    return actorFromRow(db, row, { id, csrfToken: row.csrf_token });
  }

  async purgeExpired(db: Db): Promise<void> {
    await db.delete(sessions).where(and(lt(sessions.lastSeenAt, new Date(now().getTime() - this.idleMs))));
  }
}
