import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type {
  AdminInput,
  AdminRow,
  AuthoritySummary,
  DepartmentRow,
  IssuedPassword,
  Me,
  StaffPage,
  UnitCreated,
  UnitInput,
  UnitMergeCounts,
  UnitMergePreview,
  UnitRow,
  UnitStatus,
} from '@ptce/contracts';
import { api, setCsrfToken } from './client';
import { meKey } from './auth';

// 单位、部门、管理员、专业技术人员管理 — one hook per call of server/src/modules/org/routes.ts.

interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

const keys = {
  units: ['units', 'list'] as const,
  authorities: ['authorities', 'search'] as const,
  departments: ['org', 'departments'] as const,
  admins: ['org', 'admins'] as const,
  staff: ['org', 'staff'] as const,
};

/** A department's name or counts appear on every org page and in 我的信息's 所属部门 list. */
function invalidateOrg(qc: QueryClient, ...which: (keyof typeof keys)[]) {
  return Promise.all(which.map((k) => qc.invalidateQueries({ queryKey: keys[k] })));
}

// ---------- 单位 ----------

export interface UnitListParams {
  page: number;
  pageSize: number;
  /** 单位名称 or 统一社会信用代码 */
  q?: string;
  /** city or county code */
  regionCode?: string;
  /** 正常 / 已停用 / 已合并 */
  status?: UnitStatus;
}

/** GET /api/units — operator, HR bureau (its region), authority (its units); paged. */
export function useUnits(params: UnitListParams) {
  return useQuery({
    queryKey: [...keys.units, params],
    queryFn: ({ signal }) => api<Paged<UnitRow>>('/api/units', { query: { ...params }, signal }),
    placeholderData: keepPreviousData,
  });
}

export type UnitUpdateBody = Partial<Omit<UnitInput, 'creditCode'>>;

/** PUT /api/units/:id/enabled — 停用 (its account and admins can no longer log in) / 启用. */
export function useSetUnitEnabled() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, enabled }: { id: number; enabled: boolean }) =>
      api<{ ok: true }>(`/api/units/${id}/enabled`, { method: 'PUT', body: { enabled } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['units'] }),
  });
}

/** GET /api/units/:id/merge-preview?sourceId= — what merging the source into this unit would move. */
export function useMergePreview(targetId: number, sourceId: number | null) {
  return useQuery({
    queryKey: ['units', 'merge-preview', targetId, sourceId],
    queryFn: ({ signal }) =>
      api<UnitMergePreview>(`/api/units/${targetId}/merge-preview`, { query: { sourceId }, signal }),
    enabled: sourceId !== null,
    staleTime: 0,
  });
}

/** POST /api/units/:id/merge — 合并单位: the source goes into this unit; answers the counts moved. */
export function useMergeUnits() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ targetId, sourceId }: { targetId: number; sourceId: number }) =>
      api<UnitMergeCounts>(`/api/units/${targetId}/merge`, { method: 'POST', body: { sourceId } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['units'] }),
  });
}

/** POST /api/units — the unit and its 单位账号 (username = credit code, a random password shown once). */
export function useCreateUnit() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: UnitInput) => api<UnitCreated>('/api/units', { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['units'] }),
  });
}

/** POST /api/units/:id/account-password — a new random initial password for the 单位账号, shown once, 7 days. */
export function useReissueUnitPassword() {
  return useMutation({
    mutationFn: (id: number) => api<IssuedPassword>(`/api/units/${id}/account-password`, { method: 'POST' }),
  });
}

/** PATCH /api/units/:id */
export function useUpdateUnit() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: UnitUpdateBody & { id: number }) =>
      api<{ ok: true }>(`/api/units/${id}`, { method: 'PATCH', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['units'] }),
  });
}

/** GET /api/authorities/search?q= — 主管部门 by name (at most 20). Pass a debounced string. */
export function useAuthoritySearch(q: string, enabled = true) {
  const term = q.trim();
  return useQuery({
    queryKey: [...keys.authorities, term],
    queryFn: ({ signal }) => api<AuthoritySummary[]>('/api/authorities/search', { query: { q: term }, signal }),
    enabled,
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  });
}

// ---------- 单位部门管理 ----------

/** GET /api/org/departments — every department of the caller's unit, with direct staff/admin counts. */
export function useDepartments(enabled = true) {
  return useQuery({
    queryKey: keys.departments,
    queryFn: ({ signal }) => api<DepartmentRow[]>('/api/org/departments', { signal }),
    enabled,
    staleTime: 30_000,
  });
}

function useDepartmentMutation<V>(fn: (v: V) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () =>
      Promise.all([
        invalidateOrg(qc, 'departments', 'admins', 'staff'),
        qc.invalidateQueries({ queryKey: ['me', 'departments'] }),
      ]),
  });
}

/** POST /api/org/departments (新增部门) — two levels at most. */
export function useCreateDepartment() {
  return useDepartmentMutation((body: { name: string; parentId: number | null }) =>
    api<{ id: number }>('/api/org/departments', { method: 'POST', body }),
  );
}

/** PATCH /api/org/departments/:id — rename and/or move (上级部门). */
export function useUpdateDepartment() {
  return useDepartmentMutation(({ id, ...body }: { id: number; name?: string; parentId?: number | null }) =>
    api<{ ok: true }>(`/api/org/departments/${id}`, { method: 'PATCH', body }),
  );
}

/** DELETE /api/org/departments/:id — 409 with the reason when the department is not empty. */
export function useDeleteDepartment() {
  return useDepartmentMutation((id: number) => api<{ ok: true }>(`/api/org/departments/${id}`, { method: 'DELETE' }));
}

// ---------- 单位管理员管理 ----------

/** GET /api/org/admins — total admins first. */
export function useAdmins() {
  return useQuery({
    queryKey: keys.admins,
    queryFn: ({ signal }) => api<AdminRow[]>('/api/org/admins', { signal }),
  });
}

function useAdminMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    // Admins are counted per department; an admin editing themself may have changed their own role.
    onSuccess: () =>
      Promise.all([invalidateOrg(qc, 'admins', 'departments'), qc.invalidateQueries({ queryKey: meKey, exact: true })]),
  });
}

/** POST /api/org/admins (新增管理员) — answers the initial-password hint. */
export function useCreateAdmin() {
  return useAdminMutation((body: AdminInput) =>
    api<{ id: number; initialPasswordHint: string; passwordExpiresAt: string }>('/api/org/admins', {
      method: 'POST',
      body,
    }),
  );
}

export interface AdminUpdateBody {
  name?: string;
  phone?: string;
  departmentId?: number | null;
  loginEnabled?: boolean;
}

/** PATCH /api/org/admins/:id — 409 when it would leave the unit without a total admin. */
export function useUpdateAdmin() {
  return useAdminMutation(({ id, ...body }: AdminUpdateBody & { id: number }) =>
    api<{ ok: true }>(`/api/org/admins/${id}`, { method: 'PATCH', body }),
  );
}

/** POST /api/org/admins/:id/reset-password — a random temporary password, shown once, 72 hours. */
export function useResetAdminPassword() {
  return useAdminMutation((id: number) =>
    api<IssuedPassword>(`/api/org/admins/${id}/reset-password`, { method: 'POST' }),
  );
}

/** DELETE /api/org/admins/:id */
export function useDeleteAdmin() {
  return useAdminMutation((id: number) => api<{ ok: true }>(`/api/org/admins/${id}`, { method: 'DELETE' }));
}

// ---------- 专业技术人员管理 ----------

export interface StaffListParams {
  page: number;
  pageSize: number;
  /** 姓名或身份证号码 */
  q?: string;
  /** 0 = 无部门 */
  departmentId?: number;
  /** true = 新注册 only, false = confirmed only */
  newRegistration?: boolean;
}

/** GET /api/org/staff — the caller's scope only (a 二级管理员 sees their department). */
export function useStaff(params: StaffListParams) {
  return useQuery({
    queryKey: [...keys.staff, params],
    queryFn: ({ signal }) => api<StaffPage>('/api/org/staff', { query: { ...params }, signal }),
    placeholderData: keepPreviousData,
  });
}

function useStaffMutation<V>(fn: (v: V) => Promise<unknown>, alsoDepartments: boolean) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () =>
      invalidateOrg(qc, ...(alsoDepartments ? (['staff', 'departments'] as const) : (['staff'] as const))),
  });
}

export interface StaffUpdateBody {
  departmentId?: number | null;
  phone?: string;
  email?: string;
}

/** PATCH /api/org/staff/:id — 所属部门, 手机, 邮箱. */
export function useUpdateStaff() {
  return useStaffMutation(
    ({ id, ...body }: StaffUpdateBody & { id: number }) =>
      api<{ ok: true }>(`/api/org/staff/${id}`, { method: 'PATCH', body }),
    true,
  );
}

/**
 * POST /api/org/staff/:id/reset-password — a random temporary password, shown once, 72 hours,
 * changed at next login.
 */
export function useResetStaffPassword() {
  return useMutation({
    mutationFn: (id: number) => api<IssuedPassword>(`/api/org/staff/${id}/reset-password`, { method: 'POST' }),
  });
}

/** POST /api/org/staff/:id/confirm — the unit confirms a 新注册 person. */
export function useConfirmStaff() {
  return useStaffMutation((id: number) => api<{ ok: true }>(`/api/org/staff/${id}/confirm`, { method: 'POST' }), false);
}

/** POST /api/org/staff/:id/remove (移出本单位) — the person left; their history stays. */
export function useRemoveStaff() {
  return useStaffMutation(
    ({ id, reason }: { id: number; reason?: string }) =>
      api<{ ok: true }>(`/api/org/staff/${id}/remove`, { method: 'POST', body: reason ? { reason } : {} }),
    true,
  );
}

// ---------- 我的信息 ----------

/** PUT /api/me/unit — a professional changes their own 人事（劳动）关系所在单位; answers the new `Me`. */
export function useChangeOwnUnit() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (unitId: number) => api<Me>('/api/me/unit', { method: 'PUT', body: { unitId } }),
    onSuccess: (me) => {
      setCsrfToken(me.csrfToken);
      qc.setQueryData(meKey, me);
      // The department list belongs to the new unit now.
      return qc.invalidateQueries({ queryKey: ['me', 'departments'] });
    },
  });
}

/**
 * Select options for departments, labelled "内科 / 心血管内科" so same-named sub-departments stay
 * distinguishable; top-level departments come first, each followed by its sub-departments.
 */
export function departmentOptions(
  list: readonly Pick<DepartmentRow, 'id' | 'name' | 'parentId'>[],
): { value: number; label: string }[] {
  const byParent = new Map<number | null, Pick<DepartmentRow, 'id' | 'name' | 'parentId'>[]>();
  for (const d of list) byParent.set(d.parentId, [...(byParent.get(d.parentId) ?? []), d]);
  const known = new Set(list.map((d) => d.id));
  const out: { value: number; label: string }[] = [];
  const tops = list.filter((d) => d.parentId === null || !known.has(d.parentId));
  for (const top of tops) {
    out.push({ value: top.id, label: top.name });
    for (const sub of byParent.get(top.id) ?? []) out.push({ value: sub.id, label: `${top.name} / ${sub.name}` });
  }
  return out;
}
