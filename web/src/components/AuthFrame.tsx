import type { ReactNode } from 'react';
import { HelpDesk } from './HelpDesk';

export const SYSTEM_NAME = '专业技术人员继续教育信息管理系统';

const TITLE_ID = 'ptce-auth-title';

/** The centred card used by 登录, 注册 and the first-login steps (plain markup: 登录 is drawn without antd). */
export function AuthFrame({
  title,
  children,
  wide = false,
}: {
  title: ReactNode;
  children: ReactNode;
  wide?: boolean;
}) {
  return (
    <div className="ptce-auth">
      <header className="ptce-auth-banner">
        <span className="ptce-auth-system">{SYSTEM_NAME}</span>
      </header>
      <main className="ptce-auth-main">
        <section className={wide ? 'ptce-auth-card ptce-auth-card-wide' : 'ptce-auth-card'} aria-labelledby={TITLE_ID}>
          <h1 id={TITLE_ID} className="ptce-auth-title">
            {title}
          </h1>
          <div className="ptce-auth-body">{children}</div>
        </section>
      </main>
      <footer className="ptce-auth-footer">
        <HelpDesk />
      </footer>
    </div>
  );
}
