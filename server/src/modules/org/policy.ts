import { allow, UNIT_STAFF } from '../../auth/policy';

/**
 * 单位、部门、管理员、专业技术人员管理. Target-level scope (which unit, which department) is applied by
 * the scoped queries in auth/scope.ts; these rules say which roles may call each route at all.
 */
export const orgPolicy = {
  /** Units are created by the operator or by a city HR bureau within its region. */
  manageUnits: allow('org.units.manage', ['operator', 'hr_bureau']),
  listUnits: allow('org.units.list', ['operator', 'hr_bureau', 'authority']),
  searchAuthorities: allow('org.authorities.search', 'any'),
  /** The unit account and total admins set up departments and admins (notice, attachment 2 §二(四)). */
  manageDepartments: allow('org.departments.manage', ['unit_account', 'unit_admin']),
  listDepartments: allow('org.departments.list', UNIT_STAFF),
  manageAdmins: allow('org.admins.manage', ['unit_account', 'unit_admin']),
  /** Staff lists and actions: department admins only within their department. */
  manageStaff: allow('org.staff.manage', UNIT_STAFF),
  changeOwnUnit: allow('org.me.unit', ['professional']),
} as const;
