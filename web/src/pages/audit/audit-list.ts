import { param } from '../../components/list';

/** The 审计日志's search lives in the URL, so a result can be bookmarked, shared and reached with Back. */
export const AUDIT_LIST = {
  ...param.paging(),
  action: param.text(),
  actor: param.text(),
  target: param.text(),
  from: param.date(),
  to: param.date(),
};
