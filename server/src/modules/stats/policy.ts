import { allow } from '../../auth/policy';

/** 统计分析 — notice 四(三): HR bureaus (their region), industry authorities (their units) and the operator (province). */
export const statsPolicy = {
  read: allow('stats.read', ['hr_bureau', 'authority', 'operator']),
  /** 立即刷新: recompute the aggregates now instead of at the next minute. */
  refresh: allow('stats.refresh', ['operator']),
} as const;
