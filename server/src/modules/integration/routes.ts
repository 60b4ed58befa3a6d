import {
  type IntegrationBatchResponse as BatchResponse,
  ErrorBody,
  IntegrationBatchRequest,
  IntegrationBatchResponse,
  IntegrationChangesQuery,
  IntegrationChangesResponse,
  IntegrationClientRequest,
  IntegrationClientRow,
  IntegrationCompliance,
  IntegrationDeleteResponse,
  DeletePushedRecordRequest,
  IntegrationSecret,
  MessageIdParams,
  Ok,
  RotateKeyRequest,
  RotateWebhookSecretRequest,
  SetClientEnabledRequest,
  WebhookDeliveries,
  WebhookDeliveriesQuery,
  WebhookEndpoint,
  WebhookEndpointRequest,
  WebhookEndpointSaved,
} from '@ptce/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, notFound } from '../../errors';
import { ctxOf } from '../../http/context';
import { writeAudit } from '../audit/index';
import { actorOf, authenticateSigned, countCall, type IntegrationClient } from './authenticate';
import { changesSince } from './changes';
import { clientExists, listClients, registerClient, rotateKey, setClientEnabled, updateClient } from './clients';
import { deleteByExternalId, deleteByOperator } from './delete-record';
import { abandonIdempotent, beginIdempotent, finishIdempotent } from './idempotency';
import { integrationPolicy } from './policy';
import { personCompliance } from './read-compliance';
import { SIGNATURE_HEADERS, sha256Hex } from './signature';
import { upsertRecords } from './upsert-records';
import { removeWebhook, rotateWebhookSecret, setWebhook, webhookOf } from './webhook-endpoint';
import { redeliverWebhook, webhookDeliveries } from './webhook-log';
import { installWebhookWorker } from './webhook-worker';

declare module 'fastify' {
  interface FastifyRequest {
    /** The raw bytes of a signed request's body (what the signature covers). */
    rawBody?: Buffer;
    integrationClient?: IntegrationClient;
    integrationCounts?: Record<string, number>;
    integrationError?: string;
  }
}

const INVALID_JSON = Symbol('invalid JSON');
const NOT_JSON = Symbol('not JSON');
const IdParams = z.object({ id: z.coerce.number().int().positive() });
const errors = (...codes: number[]) => Object.fromEntries(codes.map((c) => [c, ErrorBody]));
/** Every machine operation is signed: the four headers together (docs/INTEGRATION.md). */
const security = [{ ptceKeyId: [], ptceTimestamp: [], ptceNonce: [], ptceSignature: [] }];

const header = (req: FastifyRequest, name: string) => {
  const v = req.headers[name];
  return typeof v === 'string' ? v : undefined;
};

/** The operator's 行业接口管理. */
const clientRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['integration'];
  const config = { policy: integrationPolicy.manage };
  app.get(
    '/integration/clients',
    {
      schema: {
        tags,
        operationId: 'listIntegrationClients',
        summary: '行业接口客户端列表',
        response: { 200: z.array(IntegrationClientRow), ...errors(401, 403) },
      },
      config,
    },
    async (req) => listClients(ctxOf(req).db),
  );
  app.post(
    '/integration/clients',
    {
      schema: {
        tags,
        operationId: 'createIntegrationClient',
        summary: '新增行业接口客户端（密钥仅显示一次）',
        body: IntegrationClientRequest,
        response: { 201: IntegrationSecret, ...errors(400, 401, 403) },
      },
      config,
    },
    async (req, reply) => reply.code(201).send(await registerClient(ctxOf(req), req.body)),
  );
  app.put(
    '/integration/clients/:id',
    {
      schema: {
        tags,
        operationId: 'updateIntegrationClient',
        summary: '修改行业接口客户端的名称、授权范围和调用频率',
        params: IdParams,
        body: IntegrationClientRequest,
        response: { 200: Ok, ...errors(400, 401, 403, 404) },
      },
      config,
    },
    async (req) => {
      await updateClient(ctxOf(req), req.params.id, req.body);
      return { ok: true as const };
    },
  );
  app.post(
    '/integration/clients/:id/rotate',
    {
      schema: {
        tags,
        operationId: 'rotateIntegrationKey',
        summary: '更换密钥：新密钥仅显示一次，旧密钥在过渡期内仍然有效',
        params: IdParams,
        body: RotateKeyRequest,
        response: { 200: IntegrationSecret, ...errors(400, 401, 403, 404) },
      },
      config,
    },
    async (req) => rotateKey(ctxOf(req), req.params.id, req.body.overlapHours),
  );
  app.post(
    '/integration/clients/:id/enabled',
    {
      schema: {
        tags,
        operationId: 'setIntegrationClientEnabled',
        summary: '停用或启用行业接口客户端',
        params: IdParams,
        body: SetClientEnabledRequest,
        response: { 200: Ok, ...errors(400, 401, 403, 404) },
      },
      config,
    },
    async (req) => {
      await setClientEnabled(ctxOf(req), req.params.id, req.body.enabled);
      return { ok: true as const };
    },
  );
  app.delete(
    '/integration/clients/:id/records/:externalId',
    {
      schema: {
        tags,
        operationId: 'deletePushedRecord',
        summary: '删除行业系统推送的一条学时记录（须填写原因；该系统收到 record.deleted 通知，证书随之失效）',
        params: IdParams.extend({ externalId: z.string().min(1).max(64) }),
        body: DeletePushedRecordRequest,
        response: { 200: IntegrationDeleteResponse, ...errors(400, 401, 403, 404) },
      },
      config,
    },
    async (req) => deleteByOperator(ctxOf(req), req.params.id, req.params.externalId, req.body.reason),
  );
  app.get(
    '/integration/clients/:id/webhook-deliveries',
    {
      schema: {
        tags,
        operationId: 'listClientWebhookDeliveries',
        summary: '行业接口客户端的事件通知地址和通知记录',
        params: IdParams,
        querystring: WebhookDeliveriesQuery,
        response: { 200: WebhookDeliveries, ...errors(400, 401, 403, 404) },
      },
      config,
    },
    async (req) => {
      await clientExists(ctxOf(req).db, req.params.id);
      return webhookDeliveries(ctxOf(req).db, req.params.id, req.query);
    },
  );
  app.post(
    '/integration/clients/:id/webhook/secret',
    {
      schema: {
        tags,
        operationId: 'rotateClientWebhookSecret',
        summary: '更换行业系统的事件通知密钥（新密钥仅显示一次；过渡期内新旧密钥同时签名）',
        params: IdParams,
        body: RotateWebhookSecretRequest,
        response: { 200: WebhookEndpointSaved, ...errors(400, 401, 403, 404) },
      },
      config,
    },
    async (req) => {
      const ctx = ctxOf(req);
      await clientExists(ctx.db, req.params.id);
      return rotateWebhookSecret(ctx.db, req.params.id, req.body.overlapHours, ctx);
    },
  );
  app.post(
    '/integration/clients/:id/webhook-deliveries/:messageId/redeliver',
    {
      schema: {
        tags,
        operationId: 'redeliverClientWebhook',
        summary: '重新发送一条事件通知（同一 webhook-id）',
        params: IdParams.extend(MessageIdParams.shape),
        response: { 200: Ok, ...errors(400, 401, 403, 404, 409) },
      },
      config,
    },
    async (req) => {
      const ctx = ctxOf(req);
      await redeliverWebhook(ctx.db, ctx, req.params.id, req.params.messageId);
      return { ok: true as const };
    },
  );
};

const clientOf = (req: FastifyRequest): IntegrationClient => {
  if (!req.integrationClient) throw new AppError('SIGNATURE_MISSING', '缺少签名');
  return req.integrationClient;
};

/** The signed machine API, /api/integration/v1. */
const v1Routes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['integration-v1'];
  const db = app.deps.db;
  // The signature covers the raw bytes: keep them, and parse JSON only after the signature is checked.
  // JSON is parsed by Fastify's own parser (which refuses __proto__ and constructor.prototype keys); any other
  // content type is kept as bytes and refused with 415 once the signature is checked.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (req, body: Buffer, done) => {
    req.rawBody = body;
    if (!body.length) return done(null, undefined);
    parseJson(req, body.toString('utf8'), (err, value) => done(null, err ? INVALID_JSON : value));
  });
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (req, body: Buffer, done) => {
    req.rawBody = body;
    done(null, NOT_JSON);
  });
  app.addHook('preValidation', async (req) => {
    const client = await authenticateSigned(db, {
      method: req.method,
      target: req.url,
      body: req.rawBody ?? Buffer.alloc(0),
      keyId: header(req, SIGNATURE_HEADERS.keyId),
      timestamp: header(req, SIGNATURE_HEADERS.timestamp),
      nonce: header(req, SIGNATURE_HEADERS.nonce),
      signature: header(req, SIGNATURE_HEADERS.signature),
    });
    req.integrationClient = client;
    req.actor = actorOf(client);
    await countCall(db, client, `${req.method} ${req.routeOptions.url ?? req.url}`);
    if ((req.body as unknown) === INVALID_JSON) throw new AppError('BAD_REQUEST', '请求内容不是有效的JSON');
    if ((req.body as unknown) === NOT_JSON)
      throw new AppError('UNSUPPORTED_MEDIA', '不支持的请求内容类型，请以JSON提交');
  });
  // Every call with a key id is audited (client, endpoint, answer and counts; refused ones too)
  // before the answer leaves, so a caller that has its answer finds the call in the log.
  app.addHook('onSend', async (req, reply, payload) => {
    if (reply.statusCode >= 400 && typeof payload === 'string') {
      try {
        req.integrationError = (JSON.parse(payload) as { error?: { code?: string } }).error?.code;
      } catch {
        // not JSON
      }
    }
    await auditCall(req, reply.statusCode);
    return payload;
  });
  async function auditCall(req: FastifyRequest, status: number): Promise<void> {
    const keyId = header(req, SIGNATURE_HEADERS.keyId);
    if (!keyId && !req.integrationClient) return;
    const client = req.integrationClient;
    try {
      await writeAudit(
        db,
        { actor: client ? actorOf(client) : null, ip: req.ip },
        {
          action: 'integration.call',
          targetType: 'integration_client',
          targetId: client?.id,
          result: status < 400 ? 'ok' : status === 401 || status === 403 ? 'denied' : 'failed',
          detail: {
            endpoint: `${req.method} ${req.routeOptions.url ?? req.url}`,
            status,
            keyId: keyId?.slice(0, 64) ?? null,
            ...(req.integrationError ? { code: req.integrationError } : {}),
            ...(req.integrationCounts ? { counts: req.integrationCounts } : {}),
          },
        },
      );
    } catch (e) {
      req.log.error({ err: e }, 'integration call audit failed');
    }
  }

  app.post(
    '/integration/v1/hour-records::batch',
    {
      schema: {
        tags,
        operationId: 'upsertHourRecords',
        summary: '批量推送学时记录（按 externalId 新增或更新，逐条返回结果）',
        description:
          '最多1000条。每条记录单独校验并返回 created / updated / unchanged / rejected；合格的记录即使同批有被拒绝的也会写入。支持 Idempotency-Key 请求头。' +
          '每条记录的字段：externalId、idNumber、name、year、startDate、startHalf、endDate、endHalf、title、hours、category、organizer、place、unitCreditCode，' +
          '以及可选的 creditType（年度计划“学分折算学时”定义的学分类型，如“学分 I类”）和 credits（学分）：学时按年度计划折算，hours 可不填；' +
          '未定义的学分类型逐条拒绝（field: creditType, code: UNKNOWN_CREDIT_TYPE）。详见 docs/INTEGRATION.md。',
        security,
        headers: z.object({ 'idempotency-key': z.string().max(100).optional() }).passthrough(),
        body: IntegrationBatchRequest,
        response: { 200: IntegrationBatchResponse, ...errors(400, 401, 403, 409, 413, 422, 429) },
      },
      config: { policy: integrationPolicy.write },
    },
    async (req, reply) => {
      const client = clientOf(req);
      const key = header(req, 'idempotency-key');
      let lease: Date | undefined;
      if (key) {
        const fingerprint = sha256Hex(
          Buffer.concat([Buffer.from(`${req.method} ${req.url}\n`), req.rawBody ?? Buffer.alloc(0)]),
        );
        const s = await beginIdempotent(db, client.id, key, fingerprint);
        if ('fresh' in s) lease = s.startedAt;
        if ('replay' in s) {
          req.integrationCounts = { replayed: 1 };
          return reply
            .code(200)
            .header('idempotent-replayed', 'true')
            .send(s.replay.body as BatchResponse);
        }
      }
      try {
        const result = await upsertRecords(db, client, req.body.items, req.ip);
        req.integrationCounts = { items: req.body.items.length, ...result.summary };
        if (key && lease) await finishIdempotent(db, client.id, key, lease, 200, result);
        return result;
      } catch (e) {
        if (key && lease) await abandonIdempotent(db, client.id, key, lease);
        throw e;
      }
    },
  );
  app.delete(
    '/integration/v1/hour-records/:externalId',
    {
      schema: {
        tags,
        operationId: 'deleteHourRecord',
        summary: '按 externalId 删除本系统推送的学时记录（已生成的继续教育合格证书随之失效）',
        security,
        params: z.object({ externalId: z.string().min(1).max(64) }),
        response: { 200: IntegrationDeleteResponse, ...errors(401, 403, 404, 429) },
      },
      config: { policy: integrationPolicy.write },
    },
    async (req) => {
      const r = await deleteByExternalId(db, clientOf(req), req.params.externalId, req.ip);
      req.integrationCounts = { deleted: 1, certificatesRevoked: r.certificatesRevoked };
      return r;
    },
  );
  app.get(
    '/integration/v1/people/:idNumber/compliance/:year',
    {
      schema: {
        tags,
        operationId: 'getPersonCompliance',
        summary: '人员年度达标情况（公需必修、达标、学时）',
        security,
        params: z.object({
          idNumber: z
            .string()
            .trim()
            .toUpperCase()
            .regex(/^\d{17}[\dX]$/, '身份证号码格式错误'),
          year: z.coerce.number().int().min(2000).max(2100),
        }),
        response: { 200: IntegrationCompliance, ...errors(400, 401, 403, 404, 429) },
      },
      config: { policy: integrationPolicy.read },
    },
    async (req) => personCompliance(db, clientOf(req), req.params.idNumber, req.params.year),
  );
  app.get(
    '/integration/v1/changes',
    {
      schema: {
        tags,
        operationId: 'listChanges',
        summary: '增量变更：本系统写入的记录，及授权范围内人员的证书签发、撤销',
        security,
        querystring: IntegrationChangesQuery,
        response: { 200: IntegrationChangesResponse, ...errors(400, 401, 403, 429) },
      },
      config: { policy: integrationPolicy.read },
    },
    async (req) => {
      const r = await changesSince(db, clientOf(req), req.query.cursor, req.query.limit);
      req.integrationCounts = { changes: r.changes.length };
      return r;
    },
  );

  // ---- 事件通知 (webhooks) ----
  app.get(
    '/integration/v1/webhook',
    {
      schema: {
        tags,
        operationId: 'getWebhookEndpoint',
        summary: '查看本系统的事件通知地址',
        security,
        response: { 200: WebhookEndpoint, ...errors(401, 403, 404, 429) },
      },
      config: { policy: integrationPolicy.read },
    },
    async (req) => {
      const w = await webhookOf(db, clientOf(req).id);
      if (!w) throw notFound('事件通知地址');
      return w;
    },
  );
  app.put(
    '/integration/v1/webhook',
    {
      schema: {
        tags,
        operationId: 'setWebhookEndpoint',
        summary: '设置事件通知地址和事件类型（首次设置时返回 whsec_ 密钥，仅此一次）',
        security,
        body: WebhookEndpointRequest,
        response: { 200: WebhookEndpointSaved, ...errors(400, 401, 403, 429) },
      },
      config: { policy: integrationPolicy.write },
    },
    async (req) =>
      setWebhook(db, clientOf(req), req.body, { requireHttps: app.deps.config.env === 'production', ip: req.ip }),
  );
  app.post(
    '/integration/v1/webhook/secret',
    {
      schema: {
        tags,
        operationId: 'rotateWebhookSecret',
        summary: '更换事件通知密钥（新密钥仅显示一次；过渡期 overlapHours 内新旧密钥同时签名，默认24小时）',
        description:
          '请求体为 JSON 对象，{} 即过渡期默认24小时。过渡期内每条通知的 webhook-signature 含两个签名（"v1,<新密钥签名> v1,<旧密钥签名>"），接收方持任一密钥均可验签。',
        security,
        body: RotateWebhookSecretRequest,
        response: { 200: WebhookEndpointSaved, ...errors(400, 401, 403, 404, 429) },
      },
      config: { policy: integrationPolicy.write },
    },
    async (req) => {
      const client = clientOf(req);
      return rotateWebhookSecret(db, client.id, req.body.overlapHours, { actor: actorOf(client), ip: req.ip });
    },
  );
  app.delete(
    '/integration/v1/webhook',
    {
      schema: {
        tags,
        operationId: 'deleteWebhookEndpoint',
        summary: '删除事件通知地址',
        security,
        response: { 200: Ok, ...errors(401, 403, 404, 429) },
      },
      config: { policy: integrationPolicy.write },
    },
    async (req) => {
      await removeWebhook(db, clientOf(req), req.ip);
      return { ok: true as const };
    },
  );
  app.get(
    '/integration/v1/webhook/deliveries',
    {
      schema: {
        tags,
        operationId: 'listWebhookDeliveries',
        summary: '事件通知记录（每条通知的状态和每次发送结果）',
        security,
        querystring: WebhookDeliveriesQuery,
        response: { 200: WebhookDeliveries, ...errors(400, 401, 403, 429) },
      },
      config: { policy: integrationPolicy.read },
    },
    async (req) => webhookDeliveries(db, clientOf(req).id, req.query),
  );
  app.post(
    '/integration/v1/webhook/deliveries/:messageId/redeliver',
    {
      schema: {
        tags,
        operationId: 'redeliverWebhook',
        summary: '重新发送一条事件通知（同一 webhook-id）',
        security,
        params: MessageIdParams,
        response: { 200: Ok, ...errors(400, 401, 403, 404, 409, 429) },
      },
      config: { policy: integrationPolicy.write },
    },
    async (req) => {
      const client = clientOf(req);
      await redeliverWebhook(db, { actor: actorOf(client), ip: req.ip }, client.id, req.params.messageId);
      return { ok: true as const };
    },
  );
};

export const integrationRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(clientRoutes);
  await app.register(v1Routes);
  installWebhookWorker(app);
};
