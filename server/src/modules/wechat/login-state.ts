import crypto from 'node:crypto';
import { and, desc, eq, gt, isNotNull, isNull, lt, or } from 'drizzle-orm';
import { now } from '../../clock';
import type { Db } from '../../db/client';
import { wechatLoginStates } from '../../db/schema/index';
import { AppError } from '../../errors';

/** A state is good for one callback within this time. */
export const STATE_MINUTES = 10;
/** The 绑定 page waits this long after the scan. */
export const BIND_MINUTES = 10;

/** The HttpOnly cookie naming the browser that started a 扫码登录. */
export const BROWSER_COOKIE = 'ptce_wx';
const BROWSER_TOKEN = /^[A-Za-z0-9_-]{43}$/;

const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');
const minutesFromNow = (m: number) => new Date(now().getTime() + m * 60_000);

/** The browser's token from its cookie when well-formed, else a new one (256 random bits). */
export function browserToken(fromCookie: string | undefined): { token: string; isNew: boolean } {
  if (fromCookie && BROWSER_TOKEN.test(fromCookie)) return { token: fromCookie, isNew: false };
  return { token: crypto.randomBytes(32).toString('base64url'), isNew: true };
}

/** A new state (128 random bits) for this browser, kept as a hash; old rows are swept on the way. */
export async function createState(db: Db, browser: string): Promise<string> {
  const state = crypto.randomBytes(16).toString('hex');
  const at = now();
  await db
    .delete(wechatLoginStates)
    .where(
      and(
        lt(wechatLoginStates.expiresAt, new Date(at.getTime() - 24 * 3600_000)),
        or(isNull(wechatLoginStates.bindExpiresAt), lt(wechatLoginStates.bindExpiresAt, at)),
      ),
    );
  await db.insert(wechatLoginStates).values({
    stateHash: sha256(state),
    browserHash: sha256(browser),
    createdAt: at,
    expiresAt: minutesFromNow(STATE_MINUTES),
  });
  return state;
}

const refused = (message: string) =>
  new AppError('WECHAT_STATE_INVALID', message, [{ field: 'state', reason: message }]);

export const STATE_MESSAGES = {
  missing: '登录请求缺少state参数，请重新扫码登录',
  unknown: '登录请求无效，请重新扫码登录',
  reused: '该扫码登录请求已使用过，请重新扫码登录',
  expired: `扫码登录请求已过期（${STATE_MINUTES}分钟内有效），请重新扫码登录`,
  foreign: '请在发起扫码登录的浏览器中完成登录',
} as const;

/**
 * Uses up a state: refused when missing, unknown, used before, expired, or started in another browser
 * (a foreign callback leaves the state to its own browser). Single use holds under concurrency: the
 * update that marks it used is conditional on it being unused.
 */
export async function consumeState(db: Db, state: string | undefined, browser: string | undefined) {
  if (!state) throw refused(STATE_MESSAGES.missing);
  const hash = sha256(state);
  const [row] = await db.select().from(wechatLoginStates).where(eq(wechatLoginStates.stateHash, hash));
  if (!row) throw refused(STATE_MESSAGES.unknown);
  if (row.usedAt) throw refused(STATE_MESSAGES.reused);
  if (row.expiresAt <= now()) throw refused(STATE_MESSAGES.expired);
  if (!browser || sha256(browser) !== row.browserHash) throw refused(STATE_MESSAGES.foreign);
  const [used] = await db
    .update(wechatLoginStates)
    .set({ usedAt: now() })
    .where(and(eq(wechatLoginStates.stateHash, hash), isNull(wechatLoginStates.usedAt)))
    .returning({ stateHash: wechatLoginStates.stateHash });
  if (!used) throw refused(STATE_MESSAGES.reused);
  return hash;
}

/** Keeps the scanned, not yet bound WeChat for this state's 绑定 page. */
export async function holdForBinding(
  db: Db,
  stateHash: string,
  who: { wechatId: string; kind: 'unionid' | 'openid'; nickname: string | null },
) {
  const bindExpiresAt = minutesFromNow(BIND_MINUTES);
  await db
    .update(wechatLoginStates)
    .set({ wechatId: who.wechatId, wechatIdKind: who.kind, nickname: who.nickname, bindExpiresAt })
    .where(eq(wechatLoginStates.stateHash, stateHash));
  return bindExpiresAt;
}

/** The WeChat this browser scanned last and has not bound yet, while its 绑定 page is open. */
export async function pendingBinding(db: Db, browser: string | undefined) {
  if (!browser) return null;
  const [row] = await db
    .select()
    .from(wechatLoginStates)
    .where(
      and(
        eq(wechatLoginStates.browserHash, sha256(browser)),
        isNotNull(wechatLoginStates.wechatId),
        isNull(wechatLoginStates.boundAt),
        gt(wechatLoginStates.bindExpiresAt, now()),
      ),
    )
    .orderBy(desc(wechatLoginStates.createdAt))
    .limit(1);
  return row ?? null;
}

/** Closes a 绑定 page: the WeChat is bound (or the binding was refused for good). */
export async function closePending(db: Db, stateHash: string) {
  await db.update(wechatLoginStates).set({ boundAt: now() }).where(eq(wechatLoginStates.stateHash, stateHash));
}
