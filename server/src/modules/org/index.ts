/** 组织: units, departments, administrators and the staff of a unit. */
export { orgRoutes } from './routes';
export { findStaff, personSearch } from './staff';
export { newRegistrationsTodo } from './todo';
// 批量导入单位 (modules/excel) checks and writes units as 新增单位 does.
export { insertUnits, type CreatedUnit, type NewUnit } from './create-units';
export { regionAllowed } from './unit-checks';
export { movePersonToUnit, type PersonMove } from './move-person';
export {
  issueInitialPassword,
  issueTemporaryPassword,
  randomPassword,
  INITIAL_PASSWORD_TTL_MS,
} from './reset-password';
