import type { ReactNode } from 'react';
import { Card } from 'antd';
import { HelpDesk } from './HelpDesk';

export const SYSTEM_NAME = '专业技术人员继续教育信息管理系统';

/** The centred card used by 登录, 注册 and the first-login steps. */
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
        <Card
          className={wide ? 'ptce-auth-card ptce-auth-card-wide' : 'ptce-auth-card'}
          title={<h1 className="ptce-auth-title">{title}</h1>}
        >
          {children}
        </Card>
      </main>
      <footer className="ptce-auth-footer">
        <HelpDesk />
      </footer>
    </div>
  );
}
