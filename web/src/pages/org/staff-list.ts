// The URL state of 专业技术人员管理: 姓名或身份证号码, 部门 (0 = 无部门), 人员状态, page.
import { param } from '../../components/list';

export const STAFF_LIST = {
  ...param.paging(20, 200),
  q: param.text({ max: 30 }),
  departmentId: param.int({ min: 0 }),
  newRegistration: param.bool(),
};
