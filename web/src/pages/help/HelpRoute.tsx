import { Link, Outlet } from 'react-router';
import { useMe } from '../../api/auth';
import { SYSTEM_NAME } from '../../components/AuthFrame';
import { HelpDesk } from '../../components/HelpDesk';
import { PageSpinner } from '../../components/PageSpinner';
import CenterLayout from '../../layout/CenterLayout';

/**
 * /help for everyone: inside the 用户管理中心's frame (menu, header) for a signed-in user who may use the
 * centre, otherwise in a plain public frame with a way back to 登录.
 */
export default function HelpRoute() {
  const me = useMe();
  if (me.isPending) return <PageSpinner fullscreen />;
  const inCentre = me.data && !me.data.mustChangePassword && me.data.profileComplete;
  if (inCentre) return <CenterLayout />;
  return (
    <div className="ptce-help-public">
      <header className="ptce-help-public-banner">
        <span className="ptce-auth-system">{SYSTEM_NAME}</span>
        <Link to="/login" className="ptce-help-public-login">
          {me.data ? '返回' : '返回登录'}
        </Link>
      </header>
      <main id="main" className="ptce-help-public-main">
        <Outlet />
      </main>
      <footer className="ptce-auth-footer">
        <HelpDesk />
      </footer>
    </div>
  );
}
