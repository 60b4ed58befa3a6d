import { allow, UNIT_STAFF } from '../../auth/policy';

export const compliancePolicy = {
  /** The professional's own progress panel. */
  own: allow('compliance.own', ['professional']),
  /** Per-person compliance lists: units (scoped by department), authorities, HR bureaus, the operator. */
  list: allow('compliance.list', [...UNIT_STAFF, 'authority', 'hr_bureau', 'operator']),
} as const;
