import { allow } from '../../auth/policy';

export const auditPolicy = {
  search: allow('audit.search', ['operator']),
  export: allow('audit.export', ['operator']),
} as const;
