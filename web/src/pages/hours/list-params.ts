// The URL state of the record lists (状态, 年度, 姓名或身份证号码, page).
import { RecordStatus } from '@ptce/contracts';
import { param } from '../../components/list';

export const RECORD_LIST = {
  page: param.page(),
  pageSize: param.pageSize(),
  status: param.oneOf(RecordStatus.options),
  year: param.int({ min: 2000, max: 2100 }),
  q: param.text({ max: 30 }),
};
