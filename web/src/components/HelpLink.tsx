import { Link } from 'react-router';

/**
 * 帮助 in a page's header: opens the 帮助中心 at the section about this page (/help#<anchor>); a screen reader
 * hears which page it is about (帮助：<page>). Plain markup: 登录 draws it without antd.
 */
export function HelpLink({ anchor, page, className }: { anchor: string; page?: string; className: string }) {
  return (
    <Link to={`/help#${anchor}`} className={className} aria-label={page ? `帮助：${page}` : '帮助'}>
      帮助
    </Link>
  );
}
