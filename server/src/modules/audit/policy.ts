import { allow } from '../../auth/policy';

export const auditPolicy = {
  search: allow('audit.search', ['operator']),
} as const;
