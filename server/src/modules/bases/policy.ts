import { allow, publicAccess } from '../../auth/policy';

/**
 * 继续教育基地 and 培训备案. Which filings a caller reaches is decided by filing-scope.ts (a base: its own; the
 * operator: all submitted; an authority: those of the bases it supervises), never in a route.
 */
export const basesPolicy = {
  /** 基地管理: the operator keeps the directory, sets status and gives each base its logins. */
  manageBases: allow('bases.manage', ['operator']),
  /** The base's own console and its filings (草稿, 提交, 变更). */
  file: allow('bases.filings.file', ['base']),
  /** 培训备案审核: the operator, or an authority for the bases it supervises. */
  review: allow('bases.filings.review', ['operator', 'authority'], {
    when: (a) => a.kind === 'operator' || a.authorityId !== null,
  }),
  /** One filing: its base or a reviewer in scope. */
  read: allow('bases.filings.read', ['base', 'operator', 'authority']),
  /** 培训项目公示: public filed classes, without a login. */
  public: publicAccess('bases.filings.public'),
} as const;
