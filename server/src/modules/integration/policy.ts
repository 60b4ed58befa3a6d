import { allow } from '../../auth/policy';

export const integrationPolicy = {
  /** 行业接口管理: the platform operator registers, rotates and disables API clients. */
  manage: allow('integration.clients', ['operator']),
  /** The machine API: an industry system proved by its request signature (never a session). */
  write: allow('integration.write', ['integration'], { signed: true }),
  read: allow('integration.read', ['integration'], { signed: true }),
} as const;
