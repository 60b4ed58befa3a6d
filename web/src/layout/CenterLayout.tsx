import { Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { Button, Drawer, Layout, Menu, type MenuProps } from 'antd';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import type { Me, Role } from '@ptce/contracts';
import { useMe } from '../api/auth';
import { roleLabel } from '../lib/format';
import { DESKTOP_QUERY, useMediaQuery } from '../lib/useMediaQuery';
import { MENU, MENU_GROUPS, canSee, entryForPath, helpAnchor, isReady, type MenuGroup } from '../menu';
import { HelpDesk } from '../components/HelpDesk';
import { HelpLink } from '../components/HelpLink';
import { PageSpinner } from '../components/PageSpinner';
import { useSignOut } from '../components/useSignOut';
import { SYSTEM_NAME } from '../components/AuthFrame';

type MenuItem = NonNullable<MenuProps['items']>[number];

// This layout loads alongside antd, before the session is known; on the 用户管理中心 itself, its page is fetched
// now rather than after the layout has drawn.
if (window.location.pathname === '/') void import('../pages/home/CenterPage');

/** Left-menu items for these roles, grouped as the registry says, in registry order. */
function menuItems(roles: readonly Role[]): MenuItem[] {
  const items: MenuItem[] = [];
  const groups = new Map<MenuGroup, MenuItem[]>();
  for (const e of MENU) {
    if (!isReady(e) || e.hideInMenu || !canSee(e, roles)) continue;
    const item: MenuItem = { key: e.key, label: e.label };
    if (!e.group) {
      items.push(item);
      continue;
    }
    let children = groups.get(e.group);
    if (!children) {
      children = [];
      groups.set(e.group, children);
      items.push({ key: `group:${e.group}`, label: MENU_GROUPS[e.group], children });
    }
    children.push(item);
  }
  return items;
}

function NavMenu({
  me,
  selectedKey,
  onNavigate,
}: {
  me: Me;
  selectedKey?: string;
  onNavigate: (path: string) => void;
}) {
  const items = useMemo(() => menuItems(me.roles), [me.roles]);
  const selected = MENU.find((e) => e.key === selectedKey);
  return (
    <Menu
      mode="inline"
      aria-label="功能菜单"
      items={items}
      selectedKeys={selectedKey ? [selectedKey] : []}
      defaultOpenKeys={selected?.group ? [`group:${selected.group}`] : []}
      onClick={({ key }) => {
        const entry = MENU.find((e) => e.key === key);
        if (entry) onNavigate(entry.path);
      }}
      style={{ borderInlineEnd: 0 }}
    />
  );
}

function MenuIcon() {
  return (
    <svg width="20" height="20" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
      <path d="M3 5h14M3 10h14M3 15h14" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
    </svg>
  );
}

/** The 用户管理中心 shell: header, role-filtered left menu (a drawer on phones), content, help desk. */
export default function CenterLayout() {
  const { data: me } = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  const desktop = useMediaQuery(DESKTOP_QUERY);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const { signOut, pending: signingOut } = useSignOut();
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  const current = entryForPath(location.pathname);

  useEffect(() => {
    document.title = current ? `${current.label} - ${SYSTEM_NAME}` : SYSTEM_NAME;
    // After in-app navigation, move keyboard/screen-reader focus to the new page's content.
    if (firstRender.current) firstRender.current = false;
    else mainRef.current?.focus({ preventScroll: true });
  }, [location.pathname, current]);

  if (!me) return null; // RequireAuth renders this layout only with a session

  const go = (path: string) => {
    setDrawerOpen(false);
    navigate(path);
  };

  const role = roleLabel(me.roles);
  const org = me.unit?.name ?? me.organizationName;

  return (
    <Layout className="ptce-shell">
      <a className="ptce-skip-link" href="#main">
        跳到主要内容
      </a>
      <Layout.Header className="ptce-header">
        {!desktop && (
          <Button
            type="text"
            className="ptce-header-menu-btn"
            aria-label="打开功能菜单"
            aria-expanded={drawerOpen}
            aria-controls="ptce-nav-drawer"
            icon={<MenuIcon />}
            onClick={() => setDrawerOpen(true)}
          />
        )}
        <Link to="/" className="ptce-brand">
          {desktop ? SYSTEM_NAME : '继续教育信息管理系统'}
        </Link>
        <div className="ptce-header-user">
          <HelpLink
            anchor={current ? helpAnchor(current, me.roles) : 'center'}
            page={current?.label}
            className="ptce-header-help"
          />
          {desktop && (
            <span className="ptce-header-name">
              {me.name}
              <span className="ptce-header-role">{role}</span>
            </span>
          )}
          <Button type="text" className="ptce-header-logout" onClick={signOut} loading={signingOut}>
            退出登录
          </Button>
        </div>
      </Layout.Header>
      <Layout className="ptce-body">
        {desktop ? (
          <Layout.Sider width={224} theme="light" className="ptce-sider">
            <nav aria-label="功能菜单">
              <NavMenu me={me} selectedKey={current?.key} onNavigate={go} />
            </nav>
          </Layout.Sider>
        ) : (
          <Drawer
            id="ptce-nav-drawer"
            placement="left"
            size={280}
            open={drawerOpen}
            onClose={() => setDrawerOpen(false)}
            title="功能菜单"
            styles={{ body: { padding: 0 } }}
          >
            <div className="ptce-drawer-user">
              <div className="ptce-drawer-name">{me.name}</div>
              <div className="ptce-drawer-meta">{org ? `${org} · ${role}` : role}</div>
            </div>
            <nav aria-label="功能菜单">
              <NavMenu me={me} selectedKey={current?.key} onNavigate={go} />
            </nav>
          </Drawer>
        )}
        <Layout className="ptce-content-wrap">
          <Layout.Content id="main" ref={mainRef} tabIndex={-1} className="ptce-content">
            <Suspense fallback={<PageSpinner />}>
              <Outlet />
            </Suspense>
          </Layout.Content>
          <Layout.Footer className="ptce-footer">
            <HelpDesk />
          </Layout.Footer>
        </Layout>
      </Layout>
    </Layout>
  );
}
