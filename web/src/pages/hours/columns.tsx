// The record table columns every hours list shares; each page picks the optional ones it needs.
import type { ReactNode } from 'react';
import { Tag, type TableColumnsType } from 'antd';
import { ACTIVITY_TYPE_LABEL, HALF_DAY_LABEL, type RecordRow } from '@ptce/contracts';
import { formatDateTime } from '../../lib/format';
import { StatusTag, hoursText, reviewerText, sourceText } from './labels';

export interface ColumnOptions {
  /** Unit side: whose record it is. */
  person?: boolean;
  status?: boolean;
  /** Where it was submitted. */
  reviewer?: boolean;
  submittedAt?: boolean;
  /** Decided when, by which opinion. */
  decision?: boolean;
  /** Decided when (without the opinion). */
  decidedAt?: boolean;
  evidence?: boolean;
  actions?: (r: RecordRow) => ReactNode;
  actionsWidth?: number;
  /** Desktop: keep 操作 in view while the table scrolls sideways. */
  fixedActions?: boolean;
}

export function recordColumns(o: ColumnOptions): TableColumnsType<RecordRow> {
  const cols: TableColumnsType<RecordRow> = [];
  if (o.person) {
    cols.push({
      title: '姓名',
      dataIndex: 'personName',
      width: 180,
      render: (v: string, r) => (
        <div>
          <div className="ptce-cell-title">
            {v}
            {r.personNewRegistration && (
              <Tag
                color="orange"
                className="ptce-new-registration"
                title="自行注册到本单位，单位尚未确认"
                style={{ marginInlineStart: 6 }}
              >
                新注册
              </Tag>
            )}
          </div>
          <div className="ptce-cell-meta">
            {r.idNumberMasked}
            {r.departmentName ? ` · ${r.departmentName}` : ''}
          </div>
        </div>
      ),
    });
  }
  cols.push(
    {
      title: '培训内容',
      dataIndex: 'title',
      width: 210,
      render: (v: string, r) => (
        <div>
          <div className="ptce-cell-title">{v}</div>
          <div className="ptce-cell-meta">
            {ACTIVITY_TYPE_LABEL[r.activityType]} · {r.organizer}
          </div>
          {(r.source === 'integration' || r.source === 'class') && (
            <div className="ptce-cell-meta">{sourceText(r)}</div>
          )}
        </div>
      ),
    },
    {
      title: '起止时间',
      key: 'span',
      width: 150,
      render: (_: unknown, r) => (
        <span className="ptce-cell-span">
          <span>
            {r.startDate} {HALF_DAY_LABEL[r.startHalf]}
          </span>
          <span>
            至 {r.endDate} {HALF_DAY_LABEL[r.endHalf]}
          </span>
        </span>
      ),
    },
    { title: '申请学时', dataIndex: 'hours', width: 84, align: 'right', render: (v: number) => hoursText(v) },
  );
  if (o.evidence)
    cols.push({
      title: '证明材料',
      dataIndex: 'evidenceCount',
      width: 84,
      align: 'right',
      render: (v: number) => (v ? `${v} 个` : '无'),
    });
  if (o.status)
    cols.push({
      title: '状态',
      dataIndex: 'status',
      width: 96,
      render: (v: RecordRow['status']) => <StatusTag status={v} />,
    });
  if (o.reviewer)
    cols.push({ title: '审核单位', key: 'reviewer', width: 160, render: (_: unknown, r) => reviewerText(r) });
  if (o.submittedAt)
    cols.push({
      title: '提交时间',
      dataIndex: 'submittedAt',
      width: 170,
      render: (v: string | null) => formatDateTime(v),
    });
  if (o.decidedAt && !o.decision)
    cols.push({
      title: '认定时间',
      dataIndex: 'decidedAt',
      width: 170,
      render: (v: string | null) => formatDateTime(v),
    });
  if (o.decision) {
    cols.push(
      { title: '审核时间', dataIndex: 'decidedAt', width: 170, render: (v: string | null) => formatDateTime(v) },
      { title: '审核意见', dataIndex: 'opinion', width: 180, render: (v: string | null) => v ?? '—' },
    );
  }
  if (o.actions) {
    cols.push({
      title: '操作',
      key: 'actions',
      width: o.actionsWidth ?? 160,
      fixed: o.fixedActions ? 'right' : undefined,
      render: (_: unknown, r) => <div className="ptce-row-actions">{o.actions!(r)}</div>,
    });
  }
  return cols;
}
