import { Tag, Typography, type TableProps } from 'antd';
import type { AuditEntry } from '@ptce/contracts';
import { formatDateTime } from '../../lib/format';

const RESULT_TAGS: Record<AuditEntry['result'], { color: string; label: string }> = {
  ok: { color: 'success', label: '成功' },
  denied: { color: 'warning', label: '拒绝' },
  failed: { color: 'error', label: '失败' },
};

function Actor({ r }: { r: AuditEntry }) {
  const name = r.actorName ?? (r.actorId != null ? `#${r.actorId}` : '系统');
  return (
    <>
      {name}
      {r.actorRole && (
        <Typography.Text type="secondary" className="ptce-audit-sub">
          {r.actorRole}
        </Typography.Text>
      )}
    </>
  );
}

function Target({ r }: { r: AuditEntry }) {
  if (!r.target) return <>—</>;
  return (
    <>
      <Typography.Text type="secondary">{r.target.typeLabel}：</Typography.Text>
      {r.target.name ?? '—'}
      {r.target.idNumberMasked && (
        <Typography.Text type="secondary" className="ptce-audit-sub">
          {r.target.idNumberMasked}
        </Typography.Text>
      )}
    </>
  );
}

function Change({ r }: { r: AuditEntry }) {
  if (!r.change.length) return <>—</>;
  return (
    <ul className="ptce-audit-change">
      {r.change.map((line, i) => (
        <li key={i}>{line}</li>
      ))}
    </ul>
  );
}

/** 时间, 操作 (Chinese, the code on hover), 操作人 and role, 对象, 变更, 结果, 客户端地址. */
export const auditColumns: NonNullable<TableProps<AuditEntry>['columns']> = [
  { title: '时间', dataIndex: 'at', key: 'at', width: 170, render: (v: string) => formatDateTime(v) },
  {
    title: '操作',
    key: 'action',
    width: 170,
    render: (_: unknown, r) => <span title={r.action}>{r.actionLabel}</span>,
  },
  { title: '操作人', key: 'actor', width: 130, render: (_: unknown, r) => <Actor r={r} /> },
  { title: '对象', key: 'target', width: 220, render: (_: unknown, r) => <Target r={r} /> },
  { title: '变更', key: 'change', render: (_: unknown, r) => <Change r={r} /> },
  {
    title: '结果',
    dataIndex: 'result',
    key: 'result',
    width: 80,
    render: (v: AuditEntry['result']) => <Tag color={RESULT_TAGS[v]?.color}>{RESULT_TAGS[v]?.label ?? v}</Tag>,
  },
  { title: '客户端地址', dataIndex: 'ip', key: 'ip', width: 130, render: (v: string | null) => v ?? '—' },
];
