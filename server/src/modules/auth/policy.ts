import { allow, publicAccess } from '../../auth/policy';

export const authPolicy = {
  login: publicAccess('auth.login'),
  register: publicAccess('auth.register'),
  logout: allow('auth.logout', 'any', { duringPasswordChange: true }),
} as const;
