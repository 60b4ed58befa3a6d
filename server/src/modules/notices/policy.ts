import { allow, publicAccess } from '../../auth/policy';

/**
 * 通知公告. The operator (人社厅 / 培训中心) writes and publishes; every login reads what is addressed to it
 * (audience.ts decides which notices those are); the login page reads the public ones without a login.
 */
export const noticesPolicy = {
  manage: allow('notices.manage', ['operator']),
  read: allow('notices.read', [
    'professional',
    'unit_account',
    'unit_admin',
    'dept_admin',
    'authority',
    'hr_bureau',
    'base',
    'operator',
  ]),
  public: publicAccess('notices.public'),
} as const;
