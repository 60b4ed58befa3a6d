import { Alert } from 'antd';
import { useMyMakeupRequest } from '../../api/makeup-requests';
import { ButtonLink } from '../../components/ButtonLink';
import { formatDateTime } from '../../lib/format';

const thisYear = () =>
  Number(new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));

/** On the professional's 用户管理中心: how their 补考申请 of this year stands (nothing when there is none). */
export function MakeupRequestNotice() {
  const { data } = useMyMakeupRequest(thisYear());
  const r = data?.request;
  if (!data || !r || data.passed) return null;
  const toExams = (
    <ButtonLink to="/learning?tab=exams" size="small">
      考试列表
    </ButtonLink>
  );
  if (r.status === 'pending')
    return (
      <Alert
        className="ptce-section"
        type="info"
        showIcon
        role="status"
        title={`您的${r.year}年度补考申请已提交（${formatDateTime(r.createdAt)}），等待客服处理。`}
        action={toExams}
      />
    );
  if (r.status === 'granted')
    return (
      <Alert
        className="ptce-section"
        type="success"
        showIcon
        role="status"
        title={`您的${r.year}年度补考申请已同意，已开通补学补考：请重新完成必修课学习后参加考试。`}
        action={
          <ButtonLink to="/learning" size="small" type="primary">
            前往学习
          </ButtonLink>
        }
      />
    );
  return (
    <Alert
      className="ptce-section"
      type="warning"
      showIcon
      role="status"
      title={`您的${r.year}年度补考申请未通过：${r.decisionReason ?? ''}`}
      action={toExams}
    />
  );
}
