import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  IntegrationClientRequest,
  IntegrationClientRow,
  IntegrationSecret,
  WebhookDeliveries,
  WebhookEndpoint,
} from '@ptce/contracts';
import { api } from './client';

const KEY = ['integration', 'clients'] as const;

/** GET /api/integration/clients — 行业接口客户端 (operator). */
export function useIntegrationClients() {
  return useQuery({
    queryKey: KEY,
    queryFn: ({ signal }) => api<IntegrationClientRow[]>('/api/integration/clients', { signal }),
  });
}

/** POST /api/integration/clients — the new client's key id and secret, shown once. */
export function useCreateIntegrationClient() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: IntegrationClientRequest) =>
      api<IntegrationSecret>('/api/integration/clients', { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}

/** PUT /api/integration/clients/:id */
export function useUpdateIntegrationClient() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: IntegrationClientRequest & { id: number }) =>
      api<{ ok: true }>(`/api/integration/clients/${id}`, { method: 'PUT', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}

/** POST /api/integration/clients/:id/rotate — a new secret (shown once); the old key works for the overlap. */
export function useRotateIntegrationKey() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, overlapHours }: { id: number; overlapHours: number }) =>
      api<IntegrationSecret>(`/api/integration/clients/${id}/rotate`, { method: 'POST', body: { overlapHours } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}

/** POST /api/integration/clients/:id/enabled — 停用 / 启用. */
export function useSetIntegrationClientEnabled() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, enabled }: { id: number; enabled: boolean }) =>
      api<{ ok: true }>(`/api/integration/clients/${id}/enabled`, { method: 'POST', body: { enabled } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}

/** GET /api/integration/clients/:id/webhook-deliveries — the client's 事件通知 endpoint and delivery log. */
export function useWebhookDeliveries(clientId: number | null) {
  return useQuery({
    queryKey: ['integration', 'webhook-deliveries', clientId],
    enabled: clientId !== null,
    queryFn: ({ signal }) =>
      api<WebhookDeliveries>(`/api/integration/clients/${clientId}/webhook-deliveries?limit=100`, { signal }),
  });
}

/** POST …/webhook-deliveries/:messageId/redeliver — 重新发送 (same webhook-id). */
export function useRedeliverWebhook() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ clientId, messageId }: { clientId: number; messageId: string }) =>
      api<{ ok: true }>(
        `/api/integration/clients/${clientId}/webhook-deliveries/${encodeURIComponent(messageId)}/redeliver`,
        {
          method: 'POST',
        },
      ),
    onSuccess: (_r, v) => qc.invalidateQueries({ queryKey: ['integration', 'webhook-deliveries', v.clientId] }),
  });
}

/** POST /api/integration/clients/:id/webhook/secret — 更换通知密钥; the old one signs too for `overlapHours`. */
export function useRotateWebhookSecret() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ clientId, overlapHours }: { clientId: number; overlapHours: number }) =>
      api<{ endpoint: WebhookEndpoint; secret: string; previousSecretExpiresAt: string | null }>(
        `/api/integration/clients/${clientId}/webhook/secret`,
        { method: 'POST', body: { overlapHours } },
      ),
    onSuccess: (_r, v) => qc.invalidateQueries({ queryKey: ['integration', 'webhook-deliveries', v.clientId] }),
  });
}

/** DELETE /api/integration/clients/:id/records/:externalId — 删除推送记录 with a reason. */
export function useDeletePushedRecord() {
  return useMutation({
    mutationFn: ({ clientId, externalId, reason }: { clientId: number; externalId: string; reason: string }) =>
      api<{ externalId: string; status: 'deleted'; certificatesRevoked: number }>(
        `/api/integration/clients/${clientId}/records/${encodeURIComponent(externalId)}`,
        { method: 'DELETE', body: { reason } },
      ),
  });
}
