// The tables of 年度计划管理: the plans, a plan's 修改历史 and its reopened deadlines.
import { Button, Tag, type TableColumnsType } from 'antd';
import {
  ACTIVITY_TYPE_LABEL,
  DEADLINE_KIND_LABEL,
  PLAN_FIELD_LABEL,
  PLAN_STATUS_LABEL,
  REOPEN_SCOPE_LABEL,
  type ActivityType,
  type PlanSummary,
  type PlanVersion,
  type Reopening,
} from '@ptce/contracts';
import { formatDateTime } from '../../lib/format';

export const planColumns = (onOpen: (year: number) => void): TableColumnsType<PlanSummary> => [
  { title: '年度', dataIndex: 'year', width: 80, render: (y: number) => `${y}年` },
  {
    title: '状态',
    dataIndex: 'status',
    width: 130,
    render: (s: PlanSummary['status']) => (
      <Tag color={s === 'published' ? 'success' : 'warning'}>{PLAN_STATUS_LABEL[s]}</Tag>
    ),
  },
  { title: '版本', dataIndex: 'version', width: 70, render: (v: number) => `第${v}版` },
  { title: '年度总学时', dataIndex: 'totalHours', width: 100 },
  {
    title: '专业科目占比',
    key: 'ratio',
    width: 110,
    render: (_: unknown, p) => `${p.professionalRatioNum}/${p.professionalRatioDen}`,
  },
  { title: '公需科目截止', dataIndex: 'publicDeadline', width: 120 },
  { title: '专业科目截止', dataIndex: 'professionalDeadline', width: 120 },
  {
    title: '操作',
    key: 'actions',
    width: 90,
    render: (_: unknown, p) => (
      <Button type="link" size="small" onClick={() => onOpen(p.year)} aria-label={`查看和修改${p.year}年度计划`}>
        查看修改
      </Button>
    ),
  },
];

/** A plan field's value as the 修改历史 shows it. */
function show(v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (Array.isArray(v))
    return (
      v
        .map((x) =>
          x && typeof x === 'object' && 'hoursPerCredit' in x
            ? `${String((x as { type: string }).type)} 1学分=${String((x as { hoursPerCredit: number }).hoursPerCredit)}学时`
            : String(x),
        )
        .join('、') || '（无）'
    );
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('minutes' in o) {
      const part = (k: string, l: string) => {
        const x = o[k] as { count: number; points: number };
        return `${l}${x.count}题×${x.points}分`;
      };
      return `${String(o.minutes)}分钟，${part('single', '单选')}，${part('multiple', '多选')}，${part('judge', '判断')}`;
    }
    const entries = Object.entries(o);
    return entries.length
      ? entries.map(([k, x]) => `${ACTIVITY_TYPE_LABEL[k as ActivityType] ?? k}${String(x)}学时`).join('；')
      : '（无）';
  }
  return String(v);
}

export const versionColumns: TableColumnsType<PlanVersion> = [
  { title: '版本', dataIndex: 'version', width: 70, render: (v: number) => `第${v}版` },
  { title: '修改时间', dataIndex: 'at', width: 150, render: (v: string) => formatDateTime(v) },
  { title: '修改人', dataIndex: 'actorName', width: 100 },
  { title: '原因', dataIndex: 'reason' },
  {
    title: '修改内容',
    dataIndex: 'diff',
    render: (d: PlanVersion['diff']) => (
      <ul className="ptce-plan-list">
        {Object.entries(d).map(([k, c]) => (
          <li key={k}>
            {PLAN_FIELD_LABEL[k as keyof typeof PLAN_FIELD_LABEL] ?? k}：{show(c.from)} → {show(c.to)}
          </li>
        ))}
      </ul>
    ),
  },
];

export const reopeningColumns: TableColumnsType<Reopening> = [
  {
    title: '范围',
    dataIndex: 'scope',
    width: 160,
    render: (s: Reopening['scope'], r) =>
      `${REOPEN_SCOPE_LABEL[s]}${r.unitName ? `：${r.unitName}` : ''}${r.personName ? `：${r.personName}` : ''}`,
  },
  { title: '截止事项', dataIndex: 'deadline', render: (d: Reopening['deadline']) => DEADLINE_KIND_LABEL[d] },
  { title: '开放至', dataIndex: 'until', width: 110 },
  { title: '原因', dataIndex: 'reason' },
  { title: '操作人', dataIndex: 'actorName', width: 90 },
  { title: '时间', dataIndex: 'at', width: 150, render: (v: string) => formatDateTime(v) },
];
