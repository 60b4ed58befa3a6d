import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CaptchaResponse, LoginRequest, Me, RegisterRequest } from '@ptce/contracts';
import { api, isApiError, setCsrfToken } from './client';

export const meKey = ['me'] as const;

/** The signed-in account, or null when there is no session. */
export async function fetchMe(): Promise<Me | null> {
  try {
    const me = await api<Me>('/api/me', { redirectOn401: false });
    setCsrfToken(me.csrfToken);
    return me;
  } catch (e) {
    if (isApiError(e) && e.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw e;
  }
}

/** GET /api/me — null means "not logged in" (the route guard sends the user to 登录). */
export function useMe() {
  return useQuery({ queryKey: meKey, queryFn: fetchMe, staleTime: 5 * 60_000 });
}

/**
 * GET /api/auth/captcha — one 图形验证码 per `draw`; `refetch()` draws another. Never cached across
 * mounts or refetched on its own (a captcha is good for one answer), never retried; the previous
 * image stays while the next one loads.
 */
export function useCaptcha(draw: number) {
  return useQuery({
    queryKey: ['captcha', draw],
    queryFn: () => api<CaptchaResponse>('/api/auth/captcha', { redirectOn401: false }),
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
    placeholderData: keepPreviousData,
  });
}

/** POST /api/auth/login — a refusal (401, 403, 429) is shown on the form, never redirects. */
export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginRequest) =>
      api<{ me: Me }>('/api/auth/login', { method: 'POST', body, redirectOn401: false }),
    onSuccess: ({ me }) => {
      setCsrfToken(me.csrfToken);
      // Nothing cached for a previous account may leak into this one. (Not qc.clear(): that
      // would also drop this very mutation and the observers of `me`.)
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== meKey[0] });
      qc.setQueryData(meKey, me);
    },
  });
}

/** POST /api/auth/logout — the local session is dropped even if the server call fails. */
export function useLogout() {
  return useMutation({
    mutationFn: () => api<{ ok: true }>('/api/auth/logout', { method: 'POST', redirectOn401: false }),
    // The caller reloads the page afterwards (see useSignOut), which drops every cache.
    onSettled: () => setCsrfToken(null),
  });
}

/** POST /api/auth/register (注册) → 201 `{id}`; 409 when the ID number is already registered. */
export function useRegister() {
  return useMutation({
    mutationFn: (body: RegisterRequest) =>
      api<{ id: number }>('/api/auth/register', { method: 'POST', body, redirectOn401: false }),
  });
}
