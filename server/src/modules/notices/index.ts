/** 通知公告: notices the operator writes, read by the logins they are addressed to and, when public, by anyone. */
export { noticesRoutes } from './routes';
