// One 培训备案: everything filed, its state (退回 with the reason, 已备案 with the 备案号, an open or last 变更 with
// what it proposes), and what the base or the reviewer may do with it (FilingActions).
import { Alert, Card, Descriptions, Space, Table } from 'antd';
import { useParams } from 'react-router';
import {
  FILING_CHANGE_STATUS_LABEL,
  FILING_ENROLMENT_LABEL,
  FILING_FORM_LABEL,
  HALF_DAY_LABEL,
  type Filing,
  type FilingInput,
} from '@ptce/contracts';
import { useMe } from '../../api/auth';
import { useFiling } from '../../api/bases';
import { ButtonLink } from '../../components/ButtonLink';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageSpinner } from '../../components/PageSpinner';
import { PageTitle } from '../../components/PageTitle';
import { formatDateTime } from '../../lib/format';
import { BaseActions, ReviewActions } from './FilingActions';
import { FilingStatusTag } from './filing-columns';

const span = (f: Pick<FilingInput, 'startDate' | 'startHalf' | 'endDate' | 'endHalf'>) =>
  `${f.startDate} ${HALF_DAY_LABEL[f.startHalf]} 至 ${f.endDate} ${HALF_DAY_LABEL[f.endHalf]}`;
const fee = (f: Pick<FilingInput, 'feePerPerson' | 'feeNote'>) =>
  `${f.feePerPerson > 0 ? `${f.feePerPerson}元/人` : '免费'}${f.feeNote ? `（${f.feeNote}）` : ''}`;

export default function FilingPage() {
  const id = Number(useParams().id);
  const filing = useFiling(Number.isInteger(id) && id > 0 ? id : null);
  const { data: me } = useMe();
  const isBase = me?.roles.includes('base') ?? false;
  if (filing.isPending) return <PageSpinner />;
  if (!filing.data) return <ErrorAlert error={filing.error} title="培训备案加载失败" />;
  const f = filing.data;
  return (
    <>
      <PageTitle
        extra={
          <Space wrap>
            {isBase ? <BaseActions f={f} /> : <ReviewActions f={f} />}
            <ButtonLink to={isBase ? '/filings' : '/filings/review'}>返回列表</ButtonLink>
          </Space>
        }
      >
        {f.name}
      </PageTitle>
      <Card className="ptce-section">
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label="状态">
            <FilingStatusTag status={f.status} changePending={f.change?.status === 'pending'} />
          </Descriptions.Item>
          <Descriptions.Item label="备案号">
            <span data-testid="filing-no">{f.filingNo ?? '—'}</span>
          </Descriptions.Item>
          <Descriptions.Item label="继续教育基地">{f.baseName}</Descriptions.Item>
          <Descriptions.Item label="提交时间">{f.submittedAt ? formatDateTime(f.submittedAt) : '—'}</Descriptions.Item>
          {f.decidedAt && (
            <Descriptions.Item label="审核">
              {formatDateTime(f.decidedAt)} {f.decidedByName ?? ''}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      {f.status === 'returned' && f.returnReason && (
        <Alert className="ptce-section" type="error" showIcon message="退回原因" description={f.returnReason} />
      )}
      {f.change && <ChangeCard f={f} />}
      <FilingContent f={f} />
    </>
  );
}

function FilingContent({
  f,
  title = '备案内容',
}: {
  f: FilingInput & { hours: number; industryName?: string };
  title?: string;
}) {
  return (
    <Card className="ptce-section" title={title}>
      <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
        <Descriptions.Item label="项目名称">{f.name}</Descriptions.Item>
        <Descriptions.Item label="项目类目">
          {f.industryName ?? f.industryCode} · {f.field}
        </Descriptions.Item>
        <Descriptions.Item label="培训形式">{FILING_FORM_LABEL[f.form]}</Descriptions.Item>
        <Descriptions.Item label="起止时间">{span(f)}</Descriptions.Item>
        <Descriptions.Item label="培训地点">{f.place}</Descriptions.Item>
        <Descriptions.Item label="计划人数">{f.plannedTrainees}人</Descriptions.Item>
        <Descriptions.Item label="项目学时">{f.hours}学时</Descriptions.Item>
        <Descriptions.Item label="主办单位">{f.organiser}</Descriptions.Item>
        <Descriptions.Item label="承办单位">{f.coOrganiser || '—'}</Descriptions.Item>
        <Descriptions.Item label="收费标准">{fee(f)}</Descriptions.Item>
        <Descriptions.Item label="招生范围">{FILING_ENROLMENT_LABEL[f.enrolment]}</Descriptions.Item>
        <Descriptions.Item label="是否需要审核">{f.needsApproval ? '是' : '否（内部免费培训）'}</Descriptions.Item>
        <Descriptions.Item label="师资" span={2}>
          {f.teachers.map((t) => `${t.name}（${t.title}${t.employer ? `，${t.employer}` : ''}）`).join('；')}
        </Descriptions.Item>
      </Descriptions>
      <Table
        className="ptce-section"
        size="small"
        rowKey={(s) => `${s.date}/${s.half}`}
        pagination={false}
        scroll={{ x: 480 }}
        caption="课程安排"
        dataSource={f.sessions}
        columns={[
          { title: '日期', dataIndex: 'date', key: 'date', width: 110 },
          { title: '时段', key: 'half', width: 60, render: (_, s) => HALF_DAY_LABEL[s.half] },
          { title: '课程内容', dataIndex: 'topic', key: 'topic' },
          { title: '授课教师', dataIndex: 'teacher', key: 'teacher', width: 110 },
        ]}
      />
    </Card>
  );
}

function ChangeCard({ f }: { f: Filing }) {
  const c = f.change!;
  return (
    <>
      <Alert
        className="ptce-section"
        type={c.status === 'returned' ? 'error' : c.status === 'pending' ? 'warning' : 'success'}
        showIcon
        message={`${FILING_CHANGE_STATUS_LABEL[c.status]}（${formatDateTime(c.submittedAt)}提交）`}
        description={
          <>
            <div>变更原因：{c.reason}</div>
            {c.returnReason && <div>退回原因：{c.returnReason}</div>}
          </>
        }
      />
      {c.status === 'pending' && (
        <FilingContent f={c.proposed} title="变更后的内容（待审核，审核通过前仍按原备案执行）" />
      )}
    </>
  );
}
