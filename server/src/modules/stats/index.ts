/** 统计分析: dashboards, drill-down, exports and the annual report over aggregates kept up to date as hours change. */
export { statsRoutes } from './routes';
export { refreshStats } from './refresh-stats';
