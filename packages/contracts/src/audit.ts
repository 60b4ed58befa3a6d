import { z } from 'zod';
import { AccountKind } from './auth';
import { PageQuery } from './common';

/**
 * One entry of the 审计日志. The machine fields (action, targetType, targetId, detail) are what was
 * written; actionLabel, actorRole, target and change are the same entry in Chinese for the page.
 */
export const AuditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  actorId: z.number().int().nullable(),
  actorName: z.string().nullable(),
  actorKind: AccountKind.nullable(),
  /** 操作人's role, in Chinese (null: the system or an anonymous caller). */
  actorRole: z.string().nullable(),
  action: z.string(),
  /** 操作 in Chinese (audit-labels.ts); the code itself when it has no label. */
  actionLabel: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  /**
   * 对象: what the target is, with its name (a person's, a unit's, a record's title …) and, for people,
   * the masked ID number.
   */
  target: z
    .object({
      typeLabel: z.string(),
      name: z.string().nullable(),
      idNumberMasked: z.string().nullable(),
    })
    .nullable(),
  /** 变更: the detail as readable lines (before → after, then the entry's other facts). */
  change: z.array(z.string()),
  result: z.enum(['ok', 'denied', 'failed']),
  ip: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

const Text = (max: number) => z.string().trim().max(max).optional();

/** The 审计日志's filters (also its Excel export's). */
export const AuditFilter = z.object({
  /** An action code, exactly (the 操作 select). */
  action: Text(64),
  /** 操作人: a name, or a username (an ID number for a professional), exactly. */
  actor: Text(64),
  /**
   * 对象: a person's name or ID number (their account and their records, attempts, certificates …) or a
   * unit's name, exactly.
   */
  target: Text(64),
  targetType: Text(64),
  targetId: Text(64),
  /** Shanghai calendar days, inclusive. */
  from: z.string().date().optional(),
  to: z.string().date().optional(),
});
export type AuditFilter = z.infer<typeof AuditFilter>;

export const AuditQuery = PageQuery.extend(AuditFilter.shape);
export type AuditQuery = z.infer<typeof AuditQuery>;
