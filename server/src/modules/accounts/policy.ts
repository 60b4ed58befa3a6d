import { allow } from '../../auth/policy';

export const accountsPolicy = {
  me: allow('accounts.me', 'any', { duringPasswordChange: true, duringProfileCompletion: true }),
  changeOwnPassword: allow('accounts.password', 'any', { duringPasswordChange: true, duringProfileCompletion: true }),
  updateOwnProfile: allow(
    'accounts.profile',
    ['professional', 'unit_account', 'unit_admin', 'dept_admin', 'authority', 'hr_bureau', 'base', 'operator'],
    { duringProfileCompletion: true },
  ),
  /** A professional chooses 所属部门 among the departments of their own unit. */
  ownUnitDepartments: allow('accounts.departments', ['professional', 'unit_account', 'unit_admin', 'dept_admin'], {
    duringProfileCompletion: true,
  }),
} as const;
