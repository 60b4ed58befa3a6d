import { Outlet } from 'react-router';
import { useMe } from '../../api/auth';
import { canUseCenter } from './signed-in';
import { HelpDesk } from '../../components/HelpDesk';
import { SYSTEM_NAME } from '../../components/AuthFrame';
import { PageSpinner } from '../../components/PageSpinner';
import CenterLayout from '../../layout/CenterLayout';
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
    <div className="ptce-auth">
      <header className="ptce-auth-banner">
        <span className="ptce-auth-system">{SYSTEM_NAME}</span>
      </header>
      <main className="ptce-notice-public">
        <Outlet />
      </main>
      <footer className="ptce-auth-footer">
        <HelpDesk />
      </footer>
    </div>
  );
}
