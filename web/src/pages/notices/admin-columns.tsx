import { Tag, type TableProps } from 'antd';
import { NOTICE_AUDIENCE_LABEL, NOTICE_STATUS_LABEL, type NoticeAdminRow, type NoticeStatus } from '@ptce/contracts';
import type { ReactNode } from 'react';
import { noticeDate } from './format';

const STATUS_COLOR: Record<NoticeStatus, string> = { draft: 'default', published: 'success', withdrawn: 'warning' };

function reads(r: NoticeAdminRow): string {
  if (r.status === 'draft') return '—';
  const units = r.unitReads ? `已读单位 ${r.unitReads.read}/${r.unitReads.expected}` : null;
  return units ? `${units}（${r.readers}人次阅读）` : `${r.readers}人已读`;
}

/** 通知公告管理's columns; `actions` renders the 操作 column. */
export function adminColumns(
  actions: (r: NoticeAdminRow) => ReactNode,
): NonNullable<TableProps<NoticeAdminRow>['columns']> {
  return [
    {
      title: '标题',
      key: 'title',
      width: 300,
      render: (_: unknown, r) => (
        <span className="ptce-notice-title-cell">
          {r.pinned && <Tag color="red">置顶</Tag>}
          {r.title}
        </span>
      ),
    },
    {
      title: '状态',
      key: 'status',
      width: 90,
      render: (_: unknown, r) => <Tag color={STATUS_COLOR[r.status]}>{NOTICE_STATUS_LABEL[r.status]}</Tag>,
    },
    {
      title: '发送对象',
      key: 'audience',
      width: 160,
      render: (_: unknown, r) =>
        r.audienceTarget
          ? `${NOTICE_AUDIENCE_LABEL[r.audience]}：${r.audienceTarget}`
          : NOTICE_AUDIENCE_LABEL[r.audience],
    },
    { title: '发布日期', dataIndex: 'publishedAt', width: 110, render: (v: string | null) => noticeDate(v) },
    { title: '阅读情况', key: 'reads', width: 180, render: (_: unknown, r) => reads(r) },
    { title: '附件', dataIndex: 'attachmentCount', width: 70, render: (n: number) => (n ? `${n}个` : '—') },
    { title: '操作', key: 'actions', width: 230, render: (_: unknown, r) => actions(r) },
  ];
}
