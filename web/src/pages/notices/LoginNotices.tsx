import { Link } from 'react-router';
import { usePublicNotices } from '../../api/notices';
import { noticeDate } from './format';
import './notices.css';

/** 通知公告 on the login page: the latest public notices, each readable without a login. */
export function LoginNotices() {
  const notices = usePublicNotices(5);
  if (!notices.data?.items.length) return null;
  return (
    <section className="ptce-login-notices" aria-labelledby="login-notices-title">
      <h2 id="login-notices-title">通知公告</h2>
      <ul>
        {notices.data.items.map((n) => (
          <li key={n.id}>
            <Link to={`/notices/${n.id}`} title={n.title}>
              {n.pinned ? '【置顶】' : ''}
              {n.title}
            </Link>
            <time dateTime={n.publishedAt}>{noticeDate(n.publishedAt)}</time>
          </li>
        ))}
      </ul>
    </section>
  );
}
