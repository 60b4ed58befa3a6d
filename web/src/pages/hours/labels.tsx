// How hour records read on screen, the same on the person side and the unit side.
import { Tag } from 'antd';
import { RECORD_SOURCE_LABEL, RECORD_STATUS_LABEL, type RecordRow, type RecordStatus } from '@ptce/contracts';
import { errorMessage, isApiError } from '../../api/client';

const STATUS_COLOR: Record<RecordStatus, string> = {
  draft: 'default',
  pending: 'processing',
  approved: 'success',
  rejected: 'error',
};

/** 待提交 / 待初审 / 通过认定 / 不予认定 */
export function StatusTag({ status }: { status: RecordStatus }) {
  return <Tag color={STATUS_COLOR[status]}>{RECORD_STATUS_LABEL[status]}</Tag>;
}

export const STATUS_OPTIONS = (Object.keys(RECORD_STATUS_LABEL) as RecordStatus[]).map((s) => ({
  value: s,
  label: RECORD_STATUS_LABEL[s],
}));

/** Hours with at most one decimal, no trailing ".0". */
export function hoursText(n: number): string {
  return String(Math.round(n * 10) / 10);
}

/** Where a submitted record went: the unit or the authority by name. */
/** 来源: who put the record there — an industry system with the credits it pushed, a class its organiser and 备案号. */
export function sourceText(r: Pick<RecordRow, 'source' | 'sourceName' | 'classSource' | 'credit'>): string {
  if (r.source === 'integration' && r.sourceName)
    return `${RECORD_SOURCE_LABEL.integration}：${r.sourceName}${r.credit ? `（${r.credit.type} ${hoursText(r.credit.credits)}学分）` : ''}`;
  if (r.classSource)
    return `培训班导入：${r.classSource.organiserName}${r.classSource.filingNumber ? `（备案号${r.classSource.filingNumber}）` : ''}`;
  return RECORD_SOURCE_LABEL[r.source];
}

export function reviewerText(r: Pick<RecordRow, 'reviewTarget' | 'reviewerName'>): string {
  if (!r.reviewTarget) return '—';
  return r.reviewerName ?? (r.reviewTarget === 'unit' ? '本单位' : '主管部门');
}

/** Today in Asia/Shanghai as YYYY-MM-DD, whatever the browser's zone. */
export function shanghaiToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
}

export function shanghaiYear(): number {
  return Number(shanghaiToday().slice(0, 4));
}

/**
 * A refusal of the hours API in words a professional understands. The server already says why
 * (跨年, 截止日期, 未勾选承诺); a few codes get a hint on what to do next.
 */
export function hoursErrorMessage(e: unknown): string {
  if (!isApiError(e)) return errorMessage(e);
  switch (e.code) {
    case 'STATE_CHANGED':
      return `${e.message}（记录状态已变化，列表已刷新）`;
    case 'YEAR_CLOSED':
      return `${e.message}。如确需登记，请联系单位管理员或客服。`;
    case 'PAYLOAD_TOO_LARGE':
      return '文件过大：证明材料不能超过10MB';
    default:
      return e.message;
  }
}
