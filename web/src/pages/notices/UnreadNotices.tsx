import { Alert } from 'antd';
import { Link } from 'react-router';
import { useUnreadNotices } from '../../api/notices';

/** The 用户管理中心's line about unread notices; nothing when all are read. */
export function UnreadNotices() {
  const unread = useUnreadNotices();
  const n = unread.data?.unread ?? 0;
  if (!n) return null;
  return (
    <Alert
      className="ptce-section"
      type="info"
      showIcon
      role="status"
      title={
        <span>
          您有 <strong data-testid="unread-notices">{n}</strong> 条未读通知公告，<Link to="/notices">前往查看</Link>
        </span>
      }
    />
  );
}
