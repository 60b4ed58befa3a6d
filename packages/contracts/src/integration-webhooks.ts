import { z } from 'zod';

/**
 * 行业学时对接 事件通知 (webhooks, the Standard Webhooks way): an industry system registers one endpoint and the
 * event types it wants; every delivery is signed (webhook-id, webhook-timestamp, webhook-signature).
 */
export const WEBHOOK_EVENT_TYPES = ['certificate.issued', 'certificate.revoked', 'record.deleted'] as const;
export const WebhookEventType = z.enum(WEBHOOK_EVENT_TYPES);
export type WebhookEventType = z.infer<typeof WebhookEventType>;

export const WEBHOOK_EVENT_LABELS: Record<WebhookEventType, string> = {
  'certificate.issued': '继续教育合格证书签发',
  'certificate.revoked': '继续教育合格证书撤销',
  'record.deleted': '推送的学时被平台运营方删除',
};

export const WEBHOOK_STATES = ['pending', 'delivered', 'failed'] as const;
export const WebhookState = z.enum(WEBHOOK_STATES);
export const WEBHOOK_STATE_LABELS: Record<(typeof WEBHOOK_STATES)[number], string> = {
  pending: '待发送',
  delivered: '已送达',
  failed: '发送失败',
};

export const WebhookEndpointRequest = z.object({
  url: z
    .string()
    .trim()
    .max(500, '地址过长')
    .url('请填写完整的通知地址（http:// 或 https:// 开头）')
    .refine((u) => /^https?:\/\//i.test(u), '通知地址只能是 http:// 或 https:// 开头'),
  eventTypes: z
    .array(WebhookEventType)
    .min(1, '请至少选择一种事件')
    .transform((v) => [...new Set(v)]),
});
export type WebhookEndpointRequest = z.infer<typeof WebhookEndpointRequest>;

export const WebhookEndpoint = z.object({
  url: z.string(),
  eventTypes: z.array(WebhookEventType),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type WebhookEndpoint = z.infer<typeof WebhookEndpoint>;

/** The endpoint and, when it was just registered or its secret rotated, the whsec_ secret (shown once). */
export const WebhookEndpointSaved = z.object({
  endpoint: WebhookEndpoint,
  secret: z.string().nullable(),
  /** After a rotation with an overlap: until when the old secret still signs, beside the new one. */
  previousSecretExpiresAt: z.string().nullable().optional(),
});

/** 更换通知密钥: hours the old secret keeps signing beside the new one (0 = at once). */
export const RotateWebhookSecretRequest = z.object({
  overlapHours: z.number().int().min(0, '过渡期不能小于0小时').max(720, '过渡期最长720小时').default(24),
});

export const WebhookAttempt = z.object({
  at: z.string(),
  url: z.string(),
  status: z.number().int().nullable(),
  error: z.string().nullable(),
  durationMs: z.number().int(),
  manual: z.boolean(),
});

export const WebhookDelivery = z.object({
  messageId: z.string(),
  type: WebhookEventType,
  createdAt: z.string(),
  state: WebhookState,
  attempts: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  lastStatus: z.number().int().nullable(),
  lastError: z.string().nullable(),
  log: z.array(WebhookAttempt),
});
export type WebhookDelivery = z.infer<typeof WebhookDelivery>;

export const WebhookDeliveriesQuery = z.object({
  state: WebhookState.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const WebhookDeliveries = z.object({
  endpoint: WebhookEndpoint.nullable(),
  deliveries: z.array(WebhookDelivery),
});
export type WebhookDeliveries = z.infer<typeof WebhookDeliveries>;

export const MessageIdParams = z.object({ messageId: z.string().regex(/^msg_[A-Za-z0-9]{1,64}$/, '消息编号无效') });

/** 删除推送记录: the operator corrects a record an industry system pushed, with a reason the system is told. */
export const DeletePushedRecordRequest = z.object({
  reason: z.string().trim().min(2, '请填写删除原因').max(200, '删除原因过长'),
});
