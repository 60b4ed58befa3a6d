import { allow } from '../../auth/policy';

export const plansPolicy = {
  /** 年度计划管理: the operator of the province. */
  manage: allow('plans.manage', ['operator']),
  /** Reopened deadlines and an unpublished year, for the people they concern. */
  notices: allow('plans.notices', ['professional']),
} as const;
