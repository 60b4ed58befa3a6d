import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ChangePasswordRequest, DepartmentOption, Me, UpdateProfileRequest } from '@ptce/contracts';
import { api, setCsrfToken } from './client';
import { meKey } from './auth';

/** PATCH /api/me/profile — phone, e-mail, 所属部门; answers the updated `Me`. */
export function useUpdateProfile() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateProfileRequest) => api<Me>('/api/me/profile', { method: 'PATCH', body }),
    onSuccess: (me) => {
      setCsrfToken(me.csrfToken);
      qc.setQueryData(meKey, me);
    },
  });
}

/** POST /api/me/password (修改密码). */
export function useChangePassword() {
  return useMutation({
    mutationFn: (body: ChangePasswordRequest) => api<{ ok: true }>('/api/me/password', { method: 'POST', body }),
  });
}

/** GET /api/me/departments — the departments of the caller's unit, for 所属部门. */
export function useMyDepartments(enabled = true) {
  return useQuery({
    queryKey: ['me', 'departments'],
    queryFn: ({ signal }) => api<DepartmentOption[]>('/api/me/departments', { signal }),
    enabled,
    staleTime: 60_000,
  });
}
