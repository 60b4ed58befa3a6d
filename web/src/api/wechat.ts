import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Me,
  MyWechatBinding,
  WechatBindRequest,
  WechatCallbackRequest,
  WechatCallbackResponse,
  WechatLoginConfig,
  WechatPendingBinding,
  WechatStartResponse,
} from '@ptce/contracts';
import { api, setCsrfToken } from './client';
import { meKey } from './auth';

// 微信扫码登录 (登录, /wechat/callback, /wechat/bind are drawn without antd; these hooks need none).

/** GET /api/auth/wechat/config — whether 扫码登录 is offered, and whether it is the simulation (模拟). */
export function useWechatConfig(enabled = true) {
  return useQuery({
    queryKey: ['wechat', 'config'],
    queryFn: () => api<WechatLoginConfig>('/api/auth/wechat/config', { redirectOn401: false }),
    staleTime: Infinity,
    enabled,
  });
}

/** POST /api/auth/wechat/start → WeChat's QR-connect page for a fresh state. */
export function useWechatStart() {
  return useMutation({
    mutationFn: () => api<WechatStartResponse>('/api/auth/wechat/start', { method: 'POST', redirectOn401: false }),
  });
}

/** A login through WeChat (callback or 绑定): the new session's Me replaces whatever was cached. */
function useSignedIn() {
  const qc = useQueryClient();
  return (me: Me) => {
    setCsrfToken(me.csrfToken);
    qc.removeQueries({ predicate: (q) => q.queryKey[0] !== meKey[0] });
    qc.setQueryData(meKey, me);
  };
}

/** POST /api/auth/wechat/callback — what WeChat's redirect brought back. */
export function useWechatCallback() {
  const signedIn = useSignedIn();
  return useMutation({
    mutationFn: (body: WechatCallbackRequest) =>
      api<WechatCallbackResponse>('/api/auth/wechat/callback', { method: 'POST', body, redirectOn401: false }),
    onSuccess: (out) => {
      if (out.status === 'logged_in') signedIn(out.me);
    },
  });
}

/** GET /api/auth/wechat/pending — the scanned WeChat waiting on this browser's 绑定 page. */
export function useWechatPending() {
  return useQuery({
    queryKey: ['wechat', 'pending'],
    queryFn: () => api<WechatPendingBinding>('/api/auth/wechat/pending', { redirectOn401: false }),
    retry: false,
    staleTime: Infinity,
  });
}

/** POST /api/auth/wechat/bind — 绑定 and log in. */
export function useWechatBind() {
  const signedIn = useSignedIn();
  return useMutation({
    mutationFn: (body: WechatBindRequest) =>
      api<{ me: Me }>('/api/auth/wechat/bind', { method: 'POST', body, redirectOn401: false }),
    onSuccess: ({ me }) => signedIn(me),
  });
}

/** GET /api/wechat/binding — 我的信息's 微信绑定. */
export function useMyWechatBinding(enabled: boolean) {
  return useQuery({
    queryKey: ['wechat', 'mine'],
    queryFn: () => api<MyWechatBinding>('/api/wechat/binding'),
    enabled,
  });
}

/** POST /api/wechat/unbind — with the password. */
export function useUnbindMyWechat() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (password: string) => api<{ ok: true }>('/api/wechat/unbind', { method: 'POST', body: { password } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['wechat', 'mine'] }),
  });
}
