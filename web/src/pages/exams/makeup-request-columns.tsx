import { Tag, Typography, type TableProps } from 'antd';
import { MAKEUP_REQUEST_STATUS_LABEL, type MakeupRequestRow } from '@ptce/contracts';
import { formatDateTime } from '../../lib/format';

const STATUS_COLOR = { pending: 'processing', granted: 'success', refused: 'default' } as const;

function Attempts({ r }: { r: MakeupRequestRow }) {
  if (!r.attempts.length) return <>—</>;
  return (
    <ul className="ptce-makeup-attempts">
      {r.attempts.map((a) => (
        <li key={a.id}>
          第{a.attemptNo}次：{a.score === null ? '未交卷' : `${a.score}分`}
          <Typography.Text type="secondary">（{formatDateTime(a.submittedAt ?? a.startedAt)}）</Typography.Text>
        </li>
      ))}
    </ul>
  );
}

/** The queue's columns: who, the failed attempts, earlier makeups, reason and phone, status, actions. */
export function makeupRequestColumns(
  actions: (r: MakeupRequestRow) => React.ReactNode,
): NonNullable<TableProps<MakeupRequestRow>['columns']> {
  return [
    {
      title: '申请人',
      key: 'person',
      width: 170,
      render: (_: unknown, r) => (
        <>
          {r.person.name}
          <Typography.Text type="secondary" className="ptce-makeup-sub">
            {r.person.idNumberMasked}
          </Typography.Text>
        </>
      ),
    },
    { title: '单位', key: 'unit', width: 160, render: (_: unknown, r) => r.person.unitName ?? '—' },
    {
      title: '考试记录',
      key: 'attempts',
      width: 230,
      render: (_: unknown, r) => (
        <>
          <Typography.Text type="secondary">
            {r.year}年度 第{r.roundNo}轮
          </Typography.Text>
          <Attempts r={r} />
        </>
      ),
    },
    {
      title: '以往补考',
      key: 'previous',
      width: 120,
      render: (_: unknown, r) =>
        r.previousMakeups.length
          ? r.previousMakeups.map((m) => `第${m.roundNo}轮（${formatDateTime(m.openedAt).slice(0, 10)}）`).join('、')
          : '无',
    },
    {
      title: '申请原因',
      key: 'reason',
      width: 200,
      render: (_: unknown, r) => (
        <>
          {r.reason}
          {r.decisionReason && (
            <Typography.Text type="secondary" className="ptce-makeup-sub">
              拒绝原因：{r.decisionReason}
            </Typography.Text>
          )}
        </>
      ),
    },
    { title: '联系电话', dataIndex: 'phone', key: 'phone', width: 120 },
    {
      title: '申请时间',
      dataIndex: 'createdAt',
      key: 'createdAt',
      width: 150,
      render: (v: string) => formatDateTime(v),
    },
    {
      title: '状态',
      key: 'status',
      width: 110,
      render: (_: unknown, r) => (
        <>
          <Tag color={STATUS_COLOR[r.status]}>{MAKEUP_REQUEST_STATUS_LABEL[r.status]}</Tag>
          {r.decidedByName && (
            <Typography.Text type="secondary" className="ptce-makeup-sub">
              {r.decidedByName}
            </Typography.Text>
          )}
        </>
      ),
    },
    { title: '操作', key: 'actions', width: 120, fixed: 'right', render: (_: unknown, r) => actions(r) },
  ];
}
