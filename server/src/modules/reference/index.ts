/** 参考数据: regions, industries and other lists the forms choose from. */
export { referenceRoutes } from './routes';
