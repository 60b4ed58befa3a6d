import { Alert, App, Button, Card, Tag } from 'antd';
import { PLAN_STATUS_LABEL, type PlanVersion } from '@ptce/contracts';
import { usePlan, usePlanVersions, usePublishPlan } from '../../api/plans';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ListTable } from '../../components/list';
import { PlanCoursesForm } from './PlanCoursesForm';
import { versionColumns } from './plan-columns';
import { PlanForm } from './PlanForm';
import { ReopenForm } from './ReopenForm';

/** One year's plan: its numbers (发布 while a draft), courses, 修改历史 and reopened deadlines. */
export function PlanEditor({ year }: { year: number }) {
  const plan = usePlan(year);
  const versions = usePlanVersions(year);
  const publish = usePublishPlan(year);
  const { modal, message } = App.useApp();
  if (plan.error) return <ErrorAlert error={plan.error} />;
  if (!plan.data) return <Card loading className="ptce-section" />;
  const p = plan.data;
  const onPublish = () =>
    modal.confirm({
      title: `确定发布${year}年度计划吗？`,
      content: '发布后计划即对全区生效（到该年度即开始执行）；之后的修改将记入修改历史。',
      okText: '发布',
      cancelText: '取消',
      onOk: () => publish.mutateAsync().then(() => void message.success(`${year}年度计划已发布`)),
    });
  return (
    <>
      <Card
        className="ptce-section"
        title={
          <>
            <span>{year}年度计划</span>{' '}
            <Tag color={p.status === 'published' ? 'success' : 'warning'}>{PLAN_STATUS_LABEL[p.status]}</Tag>
          </>
        }
        extra={
          p.status === 'draft' && (
            <Button type="primary" onClick={onPublish} loading={publish.isPending}>
              发布
            </Button>
          )
        }
      >
        {p.status === 'draft' && (
          <Alert
            className="ptce-section"
            type="warning"
            showIcon
            title="草稿只有运营管理员可见，发布后才对专业技术人员和单位生效。"
          />
        )}
        <ErrorAlert error={publish.error} />
        <PlanForm plan={p} />
      </Card>
      <Card className="ptce-section" title="本年度课程">
        <PlanCoursesForm plan={p} />
      </Card>
      <Card className="ptce-section" title="修改历史">
        <ErrorAlert error={versions.error} />
        <ListTable<PlanVersion>
          rowKey="version"
          size="small"
          columns={versionColumns}
          result={versions}
          empty="没有修改记录"
          scroll={{ x: 720 }}
          card={false}
        />
      </Card>
      <Card className="ptce-section" title="重新开放截止日期">
        <ReopenForm plan={p} />
      </Card>
    </>
  );
}
