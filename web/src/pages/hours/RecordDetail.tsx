// 查看 — one record with its evidence files and its review progress (the "+" of 培训登记详情).
import { Descriptions, Empty, Modal, Timeline } from 'antd';
import { ACTIVITY_TYPE_LABEL, type RecordDetail } from '@ptce/contracts';
import { evidenceUrl, useRecord } from '../../api/hours';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageSpinner } from '../../components/PageSpinner';
import { formatDateTime } from '../../lib/format';
import { sizeText } from './EvidenceField';
import { spanText } from '../../lib/format';
import { StatusTag, hoursText, reviewerText, sourceText } from './labels';
import './hours.css';

type HistoryEntry = RecordDetail['history'][number];

const ACTION_LABEL: Record<HistoryEntry['action'], string> = {
  create: '登记',
  update: '修改',
  submit: '提交审核',
  withdraw: '撤回',
  approve: '通过认定',
  reject: '不予认定',
  delete: '删除',
};

const ACTION_COLOR: Partial<Record<HistoryEntry['action'], string>> = {
  submit: 'blue',
  approve: 'green',
  reject: 'red',
  withdraw: 'gray',
};

/** The review progress: submitted to whom and when, decided by whom, with the opinion. */
export function ReviewProgress({ history }: { history: HistoryEntry[] }) {
  if (history.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无审核进度" />;
  return (
    <Timeline
      className="ptce-progress"
      items={history.map((h, i) => ({
        key: i,
        color: ACTION_COLOR[h.action] ?? 'gray',
        content: (
          <div>
            <div className="ptce-progress-time">{formatDateTime(h.at)}</div>
            <strong>{ACTION_LABEL[h.action]}</strong>
            {h.action === 'submit' && h.targetName && <span>：提交至 {h.targetName}</span>}
            {h.actorName && (
              <span className="ptce-progress-actor">
                （{h.action === 'approve' || h.action === 'reject' ? '审核人' : '操作人'}：{h.actorName}）
              </span>
            )}
            {h.opinion && <div className="ptce-progress-opinion">审核意见：{h.opinion}</div>}
          </div>
        ),
      }))}
    />
  );
}

/** The "+" of a record row: loads the record's history when expanded. */
export function RecordProgressRow({ id }: { id: number }) {
  const detail = useRecord(id);
  if (detail.isPending) return <PageSpinner delayMs={0} label="正在加载审核进度…" />;
  if (detail.isError) return <ErrorAlert error={detail.error} title="审核进度加载失败" />;
  return (
    <div className="ptce-progress-row">
      <h3 className="ptce-progress-title">审核进度</h3>
      <ReviewProgress history={detail.data.history} />
    </div>
  );
}

function RecordDescription({ r, showPerson }: { r: RecordDetail; showPerson: boolean }) {
  const items = [
    ...(showPerson
      ? [
          { key: 'person', label: '姓名', children: r.personName },
          { key: 'id', label: '身份证号码', children: r.idNumberMasked },
          { key: 'dept', label: '所属部门', children: r.departmentName ?? '—' },
        ]
      : []),
    { key: 'year', label: '年度', children: `${r.year}年` },
    { key: 'type', label: '培训类型', children: ACTIVITY_TYPE_LABEL[r.activityType] },
    { key: 'title', label: '培训内容', children: r.title, span: 2 },
    {
      key: 'source',
      label: '来源',
      children: sourceText(r),
      span: 2,
    },
    { key: 'organizer', label: '主办单位', children: r.organizer },
    { key: 'place', label: '培训地点', children: r.place },
    { key: 'span', label: '起止时间', children: spanText(r), span: 2 },
    { key: 'hours', label: '申请学时', children: `${hoursText(r.hours)} 学时` },
    { key: 'status', label: '状态', children: <StatusTag status={r.status} /> },

    { key: 'reviewer', label: '审核单位', children: reviewerText(r) },
    { key: 'submitted', label: '提交时间', children: formatDateTime(r.submittedAt) },
    { key: 'decided', label: '审核时间', children: formatDateTime(r.decidedAt) },
    { key: 'opinion', label: '审核意见', children: r.opinion ?? '—' },
    { key: 'remarks', label: '备注', children: r.remarks || '—', span: 2 },
    {
      key: 'evidence',
      label: '证明材料',
      span: 2,
      children:
        r.evidence.length === 0 ? (
          '无'
        ) : (
          <ul className="ptce-evidence-list">
            {r.evidence.map((e) => (
              <li key={e.id}>
                <a href={evidenceUrl(e.id)} target="_blank" rel="noopener noreferrer">
                  {e.fileName}
                </a>
                <span className="ptce-evidence-meta">{sizeText(e.size)}</span>
              </li>
            ))}
          </ul>
        ),
    },
  ];
  return <Descriptions bordered size="small" column={{ xs: 1, sm: 1, md: 2 }} items={items} />;
}

/** 查看 in a pop-up; `showPerson` on the unit side. */
export function RecordDetailModal({
  recordId,
  showPerson,
  onClose,
}: {
  recordId: number | null;
  showPerson: boolean;
  onClose: () => void;
}) {
  const detail = useRecord(recordId);
  return (
    <Modal title="培训登记详情" open={recordId !== null} onCancel={onClose} footer={null} width={820} destroyOnHidden>
      {detail.isPending ? (
        <PageSpinner />
      ) : detail.isError ? (
        <ErrorAlert error={detail.error} title="记录加载失败" />
      ) : (
        <>
          <RecordDescription r={detail.data} showPerson={showPerson} />
          <h3 className="ptce-progress-title">审核进度</h3>
          <ReviewProgress history={detail.data.history} />
        </>
      )}
    </Modal>
  );
}
