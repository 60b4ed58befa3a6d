/**
 * 继续教育基地 and 培训备案: the operator's directory of training bases (level, batch, valid period,
 * contacts, status, logins), and the classes a base files before running them (草稿 → 待审核 → 已备案 with
 * a 备案号 | 退回; 变更 of a filed class reviewed again), with the public 培训项目公示.
 */
export type { Filing, FilingStatus } from '@ptce/contracts';
export { basesRoutes } from './routes';
export { getFiling } from './get-filing';
export { filingScope } from './filing-scope';
export { filingRefusal } from './check-filing';
export { nextFilingNo } from './filing-number';
