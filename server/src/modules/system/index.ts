/** 系统: the health check and the clock controls. */
export { systemRoutes } from './routes';
