import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, type ErrorDetail } from '../errors';
import { withReference } from './request-id';

const DB_DOWN_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08006',
]);

/** A lost or refused database connection (PostgreSQL server down, network cut, pool exhausted). */
export function isDbUnavailable(err: unknown): boolean {
  let e: unknown = err;
  for (let depth = 0; e && depth < 4; depth++) {
    const x = e as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof x.code === 'string' && DB_DOWN_CODES.has(x.code)) return true;
    if (
      typeof x.message === 'string' &&
      /Connection terminated|connection timeout|Client has encountered a connection error|timeout exceeded when trying to connect|Query read timeout|PGlite is closed/i.test(
        x.message,
      )
    )
      return true;
    e = x.cause;
  }
  return false;
}

function pgCode(err: unknown): string | undefined {
  let e: unknown = err;
  for (let depth = 0; e && depth < 4; depth++) {
    const c = (e as { code?: unknown }).code;
    if (typeof c === 'string' && /^[0-9A-Z]{5}$/.test(c)) return c;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

function body(code: string, message: string, details?: ErrorDetail[]) {
  return { error: details?.length ? { code, message, details } : { code, message } };
}

/**
 * An error the user cannot mend: its message carries the request's id (错误编号), which its log lines carry too; so
 * does the X-Request-Id header, for a program calling the API.
 */
function unexpected(reply: FastifyReply, status: number, code: string, message: string) {
  const reference = reply.request.id;
  return reply
    .status(status)
    .header('x-request-id', reference)
    .send({ error: { code, message: withReference(message, reference), reference } });
}

/** The one mapping from errors to HTTP responses. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof AppError) {
      if (err.retryAfterSeconds !== undefined) reply.header('Retry-After', String(err.retryAfterSeconds));
      // An outside service that is down (WeChat, 502) says so; an internal failure gets its 错误编号.
      if (err.status === 500) {
        req.log.error({ err }, 'server error');
        return unexpected(reply, err.status, err.code, err.message);
      }
      return reply.status(err.status).send(body(err.code, err.message, err.details));
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const details = err.validation.map((v) => ({
        field: v.instancePath.replace(/^\//, '').replace(/\//g, '.') || (err.validationContext ?? 'body'),
        reason: v.message ?? '格式不正确',
      }));
      const first = details[0]!;
      return reply.status(400).send(body('VALIDATION', `${first.field}：${first.reason}`, details));
    }
    if (isResponseSerializationError(err as never)) {
      req.log.error({ err }, 'response did not match its schema');
      return unexpected(reply, 500, 'INTERNAL', '服务器内部错误，请稍后重试');
    }
    // The browser went away mid-request (a cancelled upload, a closed tab): the request stream fails
    // with ECONNRESET "aborted", which is not the database. No one is left to answer; 499 for the log.
    if (req.raw.destroyed && !req.raw.complete) {
      req.log.info({ err: { message: err.message, code: err.code } }, 'request aborted by the client');
      return reply.status(499).send(body('CLIENT_CLOSED', '请求已取消'));
    }
    if (isDbUnavailable(err)) {
      req.log.error({ err: { message: err.message, code: err.code } }, 'database unavailable');
      return unexpected(reply, 503, 'DB_UNAVAILABLE', '数据库暂时不可用，请稍后重试');
    }
    const code = pgCode(err);
    if (code === '23505') return reply.status(409).send(body('CONFLICT', '记录已存在，请勿重复提交'));
    if (
      code === '22P02' ||
      code === '22003' ||
      code === '22007' ||
      code === '22008' ||
      code === '22021' ||
      code === '22P05'
    ) {
      return reply.status(400).send(body('VALIDATION', '输入的数据格式不正确'));
    }
    if (code === '40001' || code === '40P01') {
      return reply.status(409).send(body('STATE_CHANGED', '数据正被他人修改，请刷新后重试'));
    }
    switch (err.code) {
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return reply.status(415).send(body('UNSUPPORTED_MEDIA', '不支持的请求内容类型，请以JSON提交'));
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
      case 'FST_REQ_FILE_TOO_LARGE':
        return reply.status(413).send(body('PAYLOAD_TOO_LARGE', '提交的内容过大'));
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return reply.status(400).send(body('BAD_REQUEST', '请求内容为空'));
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
        return reply.status(400).send(body('BAD_REQUEST', '请求内容不是有效的JSON'));
      case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
        return reply.status(400).send(body('BAD_REQUEST', '请求长度不正确'));
    }
    if (err.statusCode === 429) {
      return reply.status(429).send(body('RATE_LIMITED', '操作过于频繁，请稍后再试'));
    }
    if (err instanceof SyntaxError) {
      return reply.status(400).send(body('BAD_REQUEST', '请求内容不是有效的JSON'));
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return reply.status(err.statusCode).send(body('BAD_REQUEST', '请求无效'));
    }
    req.log.error({ err }, 'unhandled error');
    return unexpected(reply, 500, 'INTERNAL', '服务器内部错误，请稍后重试');
  });
}
