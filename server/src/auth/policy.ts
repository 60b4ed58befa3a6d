import type { Role } from '@ptce/contracts';
import type { Actor } from './actor';

/**
 * A route's access rule, declared in its area's policy.ts and attached as `config.policy`.
 * Every /api route must carry one: the app refuses to start otherwise (see app.ts), and the
 * authorization-matrix test enumerates them.
 */
export type Policy =
  | { kind: 'public'; name: string }
  | {
      kind: 'roles';
      name: string;
      roles: readonly Role[] | 'any';
      /** Routes a person must still reach while a password change is pending (me, password, logout). */
      duringPasswordChange?: boolean;
      /** Routes a person must still reach before giving phone and e-mail (me, profile, password, logout). */
      duringProfileCompletion?: boolean;
      /** Extra actor-level condition (target-level scope is applied by the scoped queries). */
      when?: (actor: Actor) => boolean;
      /**
       * A machine route of the integration API: the caller is proved by the request's signature
       * (modules/integration verifies it), never by a session.
       */
      signed?: boolean;
    };

export const ALL_ROLES: readonly Role[] = [
  'professional',
  'unit_account',
  'unit_admin',
  'dept_admin',
  'authority',
  'hr_bureau',
  'base',
  'operator',
  'integration',
];

/** Unit-side staff who act for a unit: the unit account, total admins and department admins. */
export const UNIT_STAFF: readonly Role[] = ['unit_account', 'unit_admin', 'dept_admin'];

export const publicAccess = (name: string): Policy => ({ kind: 'public', name });

export const allow = (
  name: string,
  roles: readonly Role[] | 'any',
  extra: Partial<
    Pick<Extract<Policy, { kind: 'roles' }>, 'duringPasswordChange' | 'duringProfileCompletion' | 'when' | 'signed'>
  > = {},
): Policy => ({
  kind: 'roles',
  name,
  roles,
  ...extra,
});

export function permits(policy: Policy, actor: Actor | null): boolean {
  if (policy.kind === 'public') return true;
  if (!actor) return false;
  const roleOk = policy.roles === 'any' || actor.roles.some((r) => (policy.roles as readonly Role[]).includes(r));
  return roleOk && (policy.when ? policy.when(actor) : true);
}
