import { allow } from '../../auth/policy';

export const todoPolicy = {
  /** 待办 on the 用户管理中心: every person who signs in (each provider decides what concerns whom). */
  list: allow('todo.list', [
    'professional',
    'unit_account',
    'unit_admin',
    'dept_admin',
    'authority',
    'hr_bureau',
    'base',
    'operator',
  ]),
} as const;
