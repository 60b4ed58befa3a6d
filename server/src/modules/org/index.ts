/** 组织: units, departments, administrators and the staff of a unit. */
export { orgRoutes } from './routes';
export { findStaff, personSearch } from './staff';
