import crypto from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor } from '../auth/actor';
import { permits, type Policy } from '../auth/policy';
import { SESSION_COOKIE } from '../auth/sessions';
import { AppError } from '../errors';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    sessionToken: string | null;
  }
  interface FastifyContextConfig {
    policy?: Policy;
    /** The route checks the session in its own statement (auth/session-in-statement.ts); see installAuthHooks. */
    sessionInStatement?: boolean;
  }
}

/** The header naming an integration client's key (modules/integration/signature.ts). */
export const SIGNATURE_KEY_HEADER = 'x-ptce-key-id';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

function sameOrigin(req: FastifyRequest): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

/**
 * Loads the session on every request and enforces the route's declared policy, then CSRF:
 * a state-changing request with a session must carry the session's token in x-csrf-token
 * and must not come from another origin. Both run at onRequest, before the body is parsed or
 * validated: a caller the policy refuses gets 401/403, never a 400 describing the route's input.
 *
 * A route marked `sessionInStatement` (the heartbeat) checks a session in its own statement: its session is not
 * loaded here, and the route calls `checkSessionAndPolicy` itself when its statement did not accept the session
 * (http/session-in-statement.ts). The origin check still runs here, and a request with no session is refused here.
 */
export function installAuthHooks(app: FastifyInstance): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionToken', null);

  app.addHook('onRequest', async (req) => {
    const token = req.cookies[SESSION_COOKIE];
    if (!token || token.length > 100) return;
    req.sessionToken = token;
    if (!req.url.startsWith('/api/')) return;
    if (req.routeOptions.config.sessionInStatement) return;
    req.actor = await app.deps.sessions.load(app.deps.db, token);
  });

  app.addHook('onRequest', async (req) => {
    const policy = req.routeOptions.config.policy;
    if (!policy) return; // non-API routes (static files); app.ts guarantees every /api route has one
    if (!SAFE_METHODS.has(req.method) && !sameOrigin(req)) {
      throw new AppError('CSRF', '请求来源不被允许');
    }
    if (req.routeOptions.config.sessionInStatement && req.sessionToken) return;
    checkPolicy(req, policy);
  });
}

/**
 * For a `sessionInStatement` route whose statement did not accept the session: loads it and makes every check the
 * hooks make for other routes, throwing the same refusals.
 */
export async function checkSessionAndPolicy(req: FastifyRequest): Promise<void> {
  const policy = req.routeOptions.config.policy;
  if (!policy) throw new AppError('INTERNAL', '路由缺少访问规则');
  if (req.sessionToken && !req.actor)
    req.actor = await req.server.deps.sessions.load(req.server.deps.db, req.sessionToken);
  checkPolicy(req, policy);
}

function checkPolicy(req: FastifyRequest, policy: Policy): void {
  if (policy.kind === 'public') return;
  if (policy.signed) {
    // A machine route: the signature names the caller (verified by the route's own hook once the body
    // is read); a session never does. A signed-in person of another role is refused like anywhere else.
    const sessionActor = req.actor;
    req.actor = null;
    if (sessionActor && !permits(policy, sessionActor)) throw new AppError('FORBIDDEN', '无权访问此功能');
    if (!sessionActor && req.headers[SIGNATURE_KEY_HEADER] === undefined) {
      throw new AppError('UNAUTHENTICATED', '登录已失效，请重新登录');
    }
    return;
  }
  const actor = req.actor;
  if (!actor) throw new AppError('UNAUTHENTICATED', '登录已失效，请重新登录');
  if (!SAFE_METHODS.has(req.method)) {
    const sent = req.headers['x-csrf-token'];
    if (typeof sent !== 'string' || !safeEqual(sent, actor.csrfToken)) {
      throw new AppError('CSRF', '页面已过期，请刷新后重试');
    }
  }
  if (actor.mustChangePassword && !policy.duringPasswordChange) {
    throw new AppError('PASSWORD_CHANGE_REQUIRED', '请先修改初始密码');
  }
  if (!actor.profileComplete && !policy.duringProfileCompletion) {
    throw new AppError('PROFILE_INCOMPLETE', '请先完善手机号码和电子邮箱');
  }
  if (!permits(policy, actor)) {
    throw new AppError('FORBIDDEN', '无权访问此功能');
  }
}
