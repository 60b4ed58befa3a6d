import { useEffect } from 'react';
import { Button, Card, Result } from 'antd';
import { Link, useParams } from 'react-router';
import { useMe } from '../../api/auth';
import { useNotice } from '../../api/notices';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageSpinner } from '../../components/PageSpinner';
import { SYSTEM_NAME } from '../../components/AuthFrame';
import { NoticeView } from './NoticeView';
import { canUseCenter } from './signed-in';

/**
 * /notices/:id — one notice. Signed in (inside the 用户管理中心): a notice addressed to the reader, marked read
 * by opening it. Not signed in: a public notice, linked from the login page.
 */
export default function NoticeDetailPage() {
  const { id } = useParams();
  const me = useMe();
  const signedIn = canUseCenter(me.data);
  const notice = useNotice(Number(id), signedIn);

  useEffect(() => {
    if (notice.data) document.title = `${notice.data.title} - ${SYSTEM_NAME}`;
  }, [notice.data]);

  const back = signedIn ? <Link to="/notices">返回通知公告</Link> : <Link to="/login">返回登录</Link>;
  if (notice.isPending) return <PageSpinner />;
  if (notice.isError) {
    return (
      <Card className="ptce-section">
        <Result
          status="404"
          title="通知不存在或已撤回"
          subTitle={<ErrorAlert error={notice.error} />}
          extra={<Button type="primary">{back}</Button>}
        />
      </Card>
    );
  }
  return (
    <Card className="ptce-section" extra={back}>
      <NoticeView notice={notice.data} from={signedIn ? 'reader' : 'public'} />
    </Card>
  );
}
