import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import type { Role } from '@ptce/contracts';
import { useMe } from '../api/auth';
import { hasAnyRole, landingPath } from '../lib/format';
import { PageSpinner } from './PageSpinner';
import { ForbiddenPage, ServiceErrorPage } from './StatusPages';

/**
 * Pages behind the login. No session → 登录 with `next`; an account that still has to change its
 * initial password or complete its profile is sent to that step first, unless `setupStep` says
 * this page is one of those steps.
 */
export function RequireAuth({ children, setupStep = false }: { children: ReactNode; setupStep?: boolean }) {
  const me = useMe();
  const location = useLocation();
  const here = location.pathname + location.search;

  if (me.isPending) return <PageSpinner fullscreen />;
  if (me.isError) return <ServiceErrorPage error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) return <Navigate to={`/login?next=${encodeURIComponent(here)}`} replace />;
  if (!setupStep && (me.data.mustChangePassword || !me.data.profileComplete)) {
    return <Navigate to={landingPath(me.data, here === '/' ? null : here)} replace />;
  }
  return <>{children}</>;
}

/** Role check for one page; the server enforces the same rule, this only explains it. */
export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const me = useMe();
  if (!me.data) return null;
  if (!hasAnyRole(me.data, roles)) return <ForbiddenPage />;
  return <>{children}</>;
}
