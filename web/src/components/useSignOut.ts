import { useLogout } from '../api/auth';

/**
 * 退出登录. The page is reloaded on the login screen afterwards, so nothing of this account
 * (cached queries, CSRF token, form state) survives into the next one.
 */
export function useSignOut() {
  const logout = useLogout();
  return {
    signOut: () => logout.mutate(undefined, { onSettled: () => window.location.assign('/login') }),
    pending: logout.isPending,
  };
}
