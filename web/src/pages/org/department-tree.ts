// 单位部门管理's rows as a tree: top-level departments with their sub-departments (two levels at most).
import type { DepartmentRow } from '@ptce/contracts';

export interface DepartmentNode extends DepartmentRow {
  children?: DepartmentNode[];
  /** Staff of this department and its sub-departments. */
  totalStaff: number;
  totalAdmins: number;
}

export function buildTree(rows: readonly DepartmentRow[]): DepartmentNode[] {
  const known = new Set(rows.map((r) => r.id));
  const tops = rows.filter((r) => r.parentId === null || !known.has(r.parentId));
  return tops.map((t) => {
    const subs = rows
      .filter((r) => r.parentId === t.id)
      .map((s) => ({ ...s, totalStaff: s.staffCount, totalAdmins: s.adminCount }));
    return {
      ...t,
      totalStaff: t.staffCount + subs.reduce((n, s) => n + s.staffCount, 0),
      totalAdmins: t.adminCount + subs.reduce((n, s) => n + s.adminCount, 0),
      ...(subs.length ? { children: subs } : {}),
    };
  });
}

export type DialogTarget = { mode: 'create'; parentId: number | null } | { mode: 'edit'; department: DepartmentNode };
