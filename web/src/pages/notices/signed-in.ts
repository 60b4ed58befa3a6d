import type { Me } from '@ptce/contracts';

/** Signed in and past the first-login steps: reads notices as themself, inside the 用户管理中心. */
export function canUseCenter(me: Me | null | undefined): me is Me {
  return Boolean(me && !me.mustChangePassword && me.profileComplete);
}
