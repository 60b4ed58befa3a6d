import type { AccountKind, Role, ScopeLevel } from '@ptce/contracts';

/** The authenticated caller of a request, as loaded from its session. */
export interface Actor {
  id: number;
  kind: AccountKind;
  name: string;
  roles: Role[];
  scope: ScopeLevel;
  unitId: number | null;
  departmentId: number | null;
  /** For a department (二级) admin: the department and its sub-departments. */
  departmentScopeIds: number[] | null;
  authorityId: number | null;
  baseId: number | null;
  /** Region of an HR bureau (city or county code). */
  regionCode: string | null;
  /** Industry of an industry authority. */
  industryCode: string | null;
  mustChangePassword: boolean;
  /** False while a professional or unit admin has not given both phone and e-mail (first login, 附件1 二(一)). */
  profileComplete: boolean;
  sessionId: string;
  csrfToken: string;
}

/** Account kinds that must give phone and e-mail before using the system. */
export const NEEDS_CONTACT: ReadonlySet<AccountKind> = new Set<AccountKind>(['professional', 'unit_admin']);

export function contactComplete(
  kind: AccountKind,
  phone: string | null | undefined,
  email: string | null | undefined,
): boolean {
  return !NEEDS_CONTACT.has(kind) || Boolean(phone && email);
}

/** Roles and scope follow from the account: a unit admin with a department is a 二级管理员. */
export function rolesOf(kind: AccountKind, departmentId: number | null): { roles: Role[]; scope: ScopeLevel } {
  switch (kind) {
    case 'professional':
      return { roles: ['professional'], scope: 'self' };
    case 'unit_account':
      return { roles: ['unit_account'], scope: 'unit' };
    case 'unit_admin':
      return departmentId === null
        ? { roles: ['unit_admin'], scope: 'unit' }
        : { roles: ['dept_admin'], scope: 'department' };
    case 'authority':
      return { roles: ['authority'], scope: 'industry' };
    case 'hr_bureau':
      return { roles: ['hr_bureau'], scope: 'region' };
    case 'base':
      return { roles: ['base'], scope: 'base' };
    case 'operator':
      return { roles: ['operator'], scope: 'province' };
    case 'integration':
      return { roles: ['integration'], scope: 'industry' };
  }
}
