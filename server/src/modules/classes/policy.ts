import { allow } from '../../auth/policy';

/**
 * 培训班. Organisers are training bases, units (the unit account and total admins) and industry authorities;
 * which classes each reaches is decided by class-scope.ts (its own only). The operator reads every class.
 */
const ORGANISERS = ['base', 'unit_account', 'unit_admin', 'authority'] as const;

export const classesPolicy = {
  /** 培训班 list, a class, its trainees, 学员 across the caller's classes. */
  read: allow('classes.read', [...ORGANISERS, 'operator']),
  /** 新增培训班, 导入学员学时, 添加学员, 更正, 撤销: the organiser of the class. */
  manage: allow('classes.manage', ORGANISERS),
} as const;
