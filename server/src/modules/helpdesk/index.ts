/** 人员查询 (help desk): find a caller, see their account and history, and act on it. */
export { helpdeskRoutes } from './routes';
