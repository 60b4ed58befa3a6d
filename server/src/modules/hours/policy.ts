import { allow, UNIT_STAFF } from '../../auth/policy';

/**
 * 专业科目学时. Which records an actor reaches is decided by record-scope.ts; these rules say which
 * roles may call each kind of route.
 */
export const hoursPolicy = {
  /** 我的学时: the professional's own registrations. */
  ownRecords: allow('hours.own', ['professional']),
  /** 学时登记 / 专业科目学时登记: professionals for themselves, unit staff for their staff. */
  register: allow('hours.register', ['professional', ...UNIT_STAFF]),
  /** 专业科目学时审核: units review what was submitted to them, authorities what was submitted to them. */
  review: allow('hours.review', [...UNIT_STAFF, 'authority']),
  /** 审核结果 / 学时查询 lists: unit staff, authorities, HR bureaus and the operator, each in scope. */
  /** 专业科目学时登记 list: what the unit side registered for its staff. */
  unitRegistrations: allow('hours.unit-registrations', UNIT_STAFF),
  read: allow('hours.read', ['professional', ...UNIT_STAFF, 'authority', 'hr_bureau', 'operator']),
  unitLists: allow('hours.unit-lists', [...UNIT_STAFF, 'authority', 'hr_bureau', 'operator']),
} as const;
