// 帮助中心: the two operating manuals of the notice (附件1, 附件2) as step-by-step pages in the screens' own
// labels, short pages for the other roles, the FAQ and the help desk. Public (/help, no login); the 帮助 in
// the centre's header opens /help#<section> of the page it is on.
import { useEffect, useMemo } from 'react';
import { Card } from 'antd';
import { useLocation } from 'react-router';
import type { Role } from '@ptce/contracts';
import { useMe } from '../../api/auth';
import { SYSTEM_NAME } from '../../components/AuthFrame';
import { HelpText } from './HelpText';
import { helpPages, type HelpPage as Page } from './help-pages';
import './help.css';

/** The page written for these roles, shown first in the contents. */
const PAGE_OF_ROLE: Partial<Record<Role, string>> = {
  professional: 'professional',
  unit_account: 'unit',
  unit_admin: 'unit',
  dept_admin: 'unit',
  authority: 'authority',
  hr_bureau: 'authority',
  base: 'base',
  operator: 'operator',
};

function currentYear(): number {
  return Number(new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));
}

function Contents({ pages, mine }: { pages: Page[]; mine: string | undefined }) {
  return (
    <nav aria-label="帮助目录" className="ptce-help-toc">
      <ol>
        {pages.map((p) => (
          <li key={p.id}>
            <a href={`#${p.id}`}>{p.title}</a>
            {p.id === mine && <span className="ptce-help-mine">（您的身份）</span>}
          </li>
        ))}
      </ol>
    </nav>
  );
}

export default function HelpPage() {
  const { hash } = useLocation();
  const { data: me } = useMe();
  const pages = useMemo(() => helpPages(currentYear()), []);
  const mine = me?.roles.map((r) => PAGE_OF_ROLE[r]).find(Boolean);

  // Open the section the link asked for (also when only the hash changes, e.g. 帮助 on /help itself).
  useEffect(() => {
    const id = decodeURIComponent(hash.slice(1));
    if (!id) return;
    const el = document.getElementById(id);
    if (el) {
      el.scrollIntoView({ block: 'start' });
      el.focus({ preventScroll: true });
    }
  }, [hash]);

  useEffect(() => {
    document.title = `帮助中心 - ${SYSTEM_NAME}`;
  }, []);

  return (
    <>
      <div className="ptce-page-head">
        <h1 className="ptce-page-title">帮助中心</h1>
      </div>
      <Card size="small" className="ptce-section">
        <Contents pages={pages} mine={mine} />
      </Card>
      {pages.map((p) => (
        <Card key={p.id} className="ptce-section ptce-help-page">
          <HelpText blocks={p.blocks} />
        </Card>
      ))}
    </>
  );
}
