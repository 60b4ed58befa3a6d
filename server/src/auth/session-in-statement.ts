import crypto from 'node:crypto';
import { AccountKind } from '@ptce/contracts';
import { NEEDS_CONTACT, rolesOf } from './actor';
import { permits, type Policy } from './policy';
import type { Actor } from './actor';

/**
 * A session checked inside the route's own statement instead of a round trip of its own (for the heartbeat, one
 * statement per learner every 30 s). The statement accepts the session only when every check the request hooks
 * would make passes — no stricter reading is unsafe, since a session the statement does not accept is then loaded
 * and checked the usual way (http/session-in-statement.ts), which answers 401, 403 or 419 exactly as for any route.
 *
 * The checks, as `sessionGuardSql` writes them:
 * - the session exists and is not idle past the timeout (SessionStore.load);
 * - the CSRF header matches the session's token, compared as SHA-256 digests so that the comparison's timing
 *   reveals nothing about the token itself;
 * - the account may log in, has no pending password change, has given phone and e-mail where its kind must, and is
 *   of a kind the route's policy permits whatever its department (policy.when is never judged here: a policy with
 *   one never takes this path).
 * A session accepted here is touched (last_seen_at) as SessionStore.load touches it.
 */
export interface StatementSession {
  /** The session's stored key (HMAC of the cookie token). */
  key: string;
  /** SHA-256 of the x-csrf-token header sent, or null when none was. */
  csrfDigest: Buffer | null;
  idleMinutes: number;
  /** Account kinds the policy permits. */
  kinds: string[];
  /** Account kinds that must have given phone and e-mail. */
  contactKinds: string[];
}

const kindsOfPolicy = new WeakMap<Policy, string[]>();
const CONTACT_KINDS: string[] = [...NEEDS_CONTACT];

/** The account kinds whose every actor the policy permits; empty when the policy cannot be judged in SQL. */
export function kindsPermitted(policy: Policy): string[] {
  let kinds = kindsOfPolicy.get(policy);
  if (!kinds) {
    kinds =
      policy.kind !== 'roles' || policy.when || policy.signed
        ? []
        : AccountKind.options.filter((kind) =>
            [null, 1].every((departmentId) => permits(policy, { ...rolesOf(kind, departmentId) } as Actor)),
          );
    kindsOfPolicy.set(policy, kinds);
  }
  return kinds;
}

export function statementSession(
  key: string,
  csrfSent: string | string[] | undefined,
  idleMinutes: number,
  policy: Policy,
): StatementSession {
  return {
    key,
    csrfDigest: typeof csrfSent === 'string' ? crypto.createHash('sha256').update(csrfSent).digest() : null,
    idleMinutes,
    kinds: kindsPermitted(policy),
    contactKinds: CONTACT_KINDS,
  };
}

/** Where the statement's parameters put the session's values (placeholders such as `$8`). */
export interface SessionPlaceholders {
  key: string;
  csrf: string;
  idle: string;
  kinds: string;
  contactKinds: string;
}

/**
 * Two WITH items: `ok`, one row (session_id, account_id) when the session is accepted and none otherwise, and the
 * session's touch. `at` is the statement's time parameter. `async` names a WITH item of the statement that the guard
 * refers to, so that the statement's own setting (its commit mode) is made before anything is written.
 */
export function sessionGuardSql(at: string, p: SessionPlaceholders, async: string): string {
  return `ok AS (
  SELECT s.id AS session_id, s.account_id, s.last_seen_at
    FROM sessions s JOIN accounts a ON a.id = s.account_id
   WHERE s.id = ${p.key}::text
     AND s.last_seen_at >= ${at}::timestamptz - ${p.idle}::double precision * interval '1 minute'
     AND sha256(convert_to(s.csrf_token, 'UTF8')) = ${p.csrf}::bytea
     AND a.login_enabled AND NOT a.must_change_password
     AND a.kind = ANY(${p.kinds}::text[])
     AND (a.kind <> ALL(${p.contactKinds}::text[]) OR (a.phone_enc IS NOT NULL AND a.email IS NOT NULL AND a.email <> ''))
     AND (SELECT v FROM ${async}) IS NOT NULL
), touch AS (
  UPDATE sessions t SET last_seen_at = ${at}::timestamptz
    FROM ok
   WHERE t.id = ok.session_id AND ok.last_seen_at < ${at}::timestamptz - interval '1 minute'
)`;
}
