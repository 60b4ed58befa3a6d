import { Outlet } from 'react-router';
import { useMe } from '../../api/auth';
import { canUseCenter } from './signed-in';
import { PublicFrame } from '../../components/AuthFrame';
import { PageSpinner } from '../../components/PageSpinner';
import CenterLayout from '../../layout/CenterLayout';
import { OUTSIDE_PAGES } from '../../page-help';
import './notices.css';

/**
 * The frame of /notices/:id: the 用户管理中心 for a signed-in reader who may use it, a public page otherwise
 * (the login page links public notices here).
 */
export default function NoticeShell() {
  const me = useMe();
  if (me.isPending) return <PageSpinner fullscreen />;
  if (canUseCenter(me.data)) return <CenterLayout />;
  return (
    <PublicFrame help={OUTSIDE_PAGES.notice} mainClassName="ptce-notice-public">
      <Outlet />
    </PublicFrame>
  );
}
