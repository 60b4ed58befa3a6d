import type { ReactNode } from 'react';
import type { PageHelp } from '../page-help';
import { HelpDesk } from './HelpDesk';
import { HelpLink } from './HelpLink';

export const SYSTEM_NAME = '专业技术人员继续教育信息管理系统';

const TITLE_ID = 'ptce-auth-title';

/**
 * The frame of every page outside the 用户管理中心 (登录, 注册, the first-login steps, 扫码登录, the public
 * pages): the system's name with 帮助 (the page's own section of the 帮助中心) at the top right, the page, the
 * help desk. Plain markup: 登录 is drawn without antd.
 */
export function PublicFrame({
  help,
  mainClassName,
  children,
}: {
  help: PageHelp;
  mainClassName: string;
  children: ReactNode;
}) {
  return (
    <div className="ptce-auth">
      <header className="ptce-auth-banner">
        <div className="ptce-auth-tools">
          <HelpLink anchor={help.anchor} page={help.page} className="ptce-auth-help" />
        </div>
        <span className="ptce-auth-system">{SYSTEM_NAME}</span>
      </header>
      <main className={mainClassName}>{children}</main>
      <footer className="ptce-auth-footer">
        <HelpDesk />
      </footer>
    </div>
  );
}

/** The centred card used by 登录, 注册 and the first-login steps. */
export function AuthFrame({
  title,
  help,
  children,
  wide = false,
}: {
  title: ReactNode;
  help: PageHelp;
  children: ReactNode;
  wide?: boolean;
}) {
  return (
    <PublicFrame help={help} mainClassName="ptce-auth-main">
      <section className={wide ? 'ptce-auth-card ptce-auth-card-wide' : 'ptce-auth-card'} aria-labelledby={TITLE_ID}>
        <h1 id={TITLE_ID} className="ptce-auth-title">
          {title}
        </h1>
        <div className="ptce-auth-body">{children}</div>
      </section>
    </PublicFrame>
  );
}
