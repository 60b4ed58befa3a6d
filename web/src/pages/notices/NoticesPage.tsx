import { Tag, type TableProps } from 'antd';
import { Link } from 'react-router';
import type { NoticeRow } from '@ptce/contracts';
import { useMyNotices } from '../../api/notices';
import { ListCard, ListTable, param, useUrlParams } from '../../components/list';
import { PageTitle } from '../../components/PageTitle';
import { noticeDate } from './format';
import './notices.css';

const LIST = param.paging();

const columns: NonNullable<TableProps<NoticeRow>['columns']> = [
  {
    title: '标题',
    key: 'title',
    render: (_: unknown, r) => (
      <span className="ptce-notice-title-cell">
        {r.pinned && <Tag color="red">置顶</Tag>}
        <Link to={`/notices/${r.id}`} className={r.read ? undefined : 'ptce-notice-unread'}>
          {r.title}
        </Link>
      </span>
    ),
  },
  {
    title: '状态',
    key: 'status',
    width: 90,
    render: (_: unknown, r) => (r.read ? <Tag>已读</Tag> : <Tag color="blue">未读</Tag>),
  },
  { title: '发布日期', dataIndex: 'publishedAt', width: 120, render: (v: string) => noticeDate(v) },
  { title: '附件', dataIndex: 'attachmentCount', width: 80, render: (n: number) => (n ? `${n}个` : '—') },
];

/** 通知公告 — what the 人社厅 / 培训中心 published for the reader: unread first, then pinned, then newest. */
export default function NoticesPage() {
  const { query, update } = useUrlParams(LIST);
  const list = useMyNotices(query);
  return (
    <>
      <PageTitle>通知公告</PageTitle>
      <ListCard>
        <ListTable<NoticeRow>
          rowKey="id"
          columns={columns}
          result={list}
          errorTitle="通知公告加载失败"
          empty="暂无通知公告"
          paging={{ page: query.page, pageSize: query.pageSize, onChange: update }}
        />
      </ListCard>
    </>
  );
}
