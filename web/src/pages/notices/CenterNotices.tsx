import { Card, Tag } from 'antd';
import { Link } from 'react-router';
import { useMyNotices, useUnreadNotices } from '../../api/notices';
import { ErrorAlert } from '../../components/ErrorAlert';
import { noticeDate } from './format';
import './notices.css';

/** How many of the reader's notices the 用户管理中心 shows; the rest are on 通知公告. */
const FEW = 5;

/**
 * 通知公告 on the 用户管理中心: the reader's latest few notices in the list's own order (unread first, then
 * pinned, then newest), each unread one marked 未读 and each a link to the notice, with a link to the whole
 * list. Nothing when no notice is addressed to the reader.
 */
export function CenterNotices() {
  const list = useMyNotices({ page: 1, pageSize: FEW });
  const unread = useUnreadNotices();
  if (list.isError) return <ErrorAlert error={list.error} title="通知公告加载失败" className="ptce-section" />;
  const items = list.data?.items;
  if (!items?.length) return null;
  const n = unread.data?.unread ?? 0;
  return (
    <Card
      size="small"
      className="ptce-section"
      title={
        <span>
          通知公告
          {n > 0 && (
            <span className="ptce-center-notices-unread">
              （<strong data-testid="unread-notices">{n}</strong>条未读）
            </span>
          )}
        </span>
      }
      extra={<Link to="/notices">全部通知公告</Link>}
    >
      <ul className="ptce-center-notices" aria-label="通知公告">
        {items.map((r) => (
          <li key={r.id}>
            <span className="ptce-center-notice-title">
              {!r.read && <Tag color="blue">未读</Tag>}
              {r.pinned && <Tag color="red">置顶</Tag>}
              <Link to={`/notices/${r.id}`} title={r.title} className={r.read ? undefined : 'ptce-notice-unread'}>
                {r.title}
              </Link>
            </span>
            <time dateTime={r.publishedAt}>{noticeDate(r.publishedAt)}</time>
          </li>
        ))}
      </ul>
    </Card>
  );
}
