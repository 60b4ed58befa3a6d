/** 达标: whether a person met a year's required hours, and the unit-wide view of it. */
export { complianceRoutes } from './routes';
export { complianceFor, complianceYears } from './year-compliance';
export { unitCompliancePage } from './unit-compliance';
export { KEPT_COUNT_COLUMNS, keptCountsOf, keptRefresh } from './kept-counts';
