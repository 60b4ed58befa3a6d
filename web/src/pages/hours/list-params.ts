// The URL state of the record lists (状态, 年度, 姓名或身份证号码, page).
import { RecordStatus } from '@ptce/contracts';
import { param } from '../../components/list';

export const RECORD_LIST = {
  ...param.paging(),
  status: param.oneOf(RecordStatus.options),
  year: param.year(),
  q: param.text({ max: 30 }),
};

/** 专业科目学时审核结果: a status is always chosen, 通过认定 first. */
export const RESULTS_LIST = { ...RECORD_LIST, status: param.oneOf(RecordStatus.options, 'approved') };

/** 专业科目学时查询: `person` opens that person's years in the drawer (and keeps the page). */
export const PERSON_YEARS_LIST = {
  page: RECORD_LIST.page,
  pageSize: RECORD_LIST.pageSize,
  year: RECORD_LIST.year,
  q: RECORD_LIST.q,
  person: { ...param.int({ min: 1 }), keepsPage: true },
};

/** 学时查询: the tab, and the year of 培训总体查询 (培训登记详情 reads RECORD_LIST from the same URL). */
export const HOURS_QUERY_LIST = { ...RECORD_LIST, tab: param.oneOf(['details'] as const) };
