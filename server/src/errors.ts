import type { RuleViolation, RuleViolationCode } from '@ptce/rules';

/** Typed application errors, mapped to HTTP in one place (http/error-handler.ts). */
export type ErrorCode =
  | 'BAD_REQUEST'
  | 'VALIDATION'
  | 'UNAUTHENTICATED'
  | 'INVALID_CREDENTIALS'
  | 'CAPTCHA_REQUIRED'
  | 'CAPTCHA_INVALID'
  | 'LOGIN_DELAYED'
  | 'LOGIN_BUSY'
  | 'PASSWORD_EXPIRED'
  | 'LOGIN_DISABLED'
  | 'PASSWORD_CHANGE_REQUIRED'
  | 'PROFILE_INCOMPLETE'
  | 'CSRF'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'STATE_CHANGED'
  | 'YEAR_CLOSED'
  | 'RATE_LIMITED'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA'
  | 'MALFORMED_UPLOAD'
  | 'DB_UNAVAILABLE'
  | 'INTERNAL'
  // The signed integration API (行业学时对接, modules/integration): why a machine request was refused.
  | 'SIGNATURE_MISSING'
  | 'SIGNATURE_MISMATCH'
  | 'TIMESTAMP_SKEW'
  | 'NONCE_REUSED'
  | 'CLIENT_DISABLED'
  | 'OUT_OF_SCOPE'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'IDEMPOTENCY_IN_PROGRESS'
  // 微信扫码登录 (modules/wechat).
  | 'WECHAT_NOT_CONFIGURED'
  | 'WECHAT_STATE_INVALID'
  | 'WECHAT_DENIED'
  | 'WECHAT_CODE_INVALID'
  | 'WECHAT_UNAVAILABLE'
  | 'WECHAT_BIND_EXPIRED'
  | 'WECHAT_UNIT_ACCOUNT'
  | 'WECHAT_ALREADY_BOUND';

export const STATUS_OF: Record<ErrorCode, number> = {
  BAD_REQUEST: 400,
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  CAPTCHA_REQUIRED: 401,
  CAPTCHA_INVALID: 400,
  LOGIN_DELAYED: 429,
  LOGIN_BUSY: 429,
  PASSWORD_EXPIRED: 403,
  LOGIN_DISABLED: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  PROFILE_INCOMPLETE: 403,
  CSRF: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  STATE_CHANGED: 409,
  YEAR_CLOSED: 422,
  RATE_LIMITED: 429,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA: 415,
  MALFORMED_UPLOAD: 400,
  DB_UNAVAILABLE: 503,
  INTERNAL: 500,
  SIGNATURE_MISSING: 401,
  SIGNATURE_MISMATCH: 401,
  TIMESTAMP_SKEW: 401,
  NONCE_REUSED: 401,
  CLIENT_DISABLED: 403,
  OUT_OF_SCOPE: 403,
  IDEMPOTENCY_KEY_REUSED: 422,
  IDEMPOTENCY_IN_PROGRESS: 409,
  WECHAT_NOT_CONFIGURED: 404,
  WECHAT_STATE_INVALID: 400,
  WECHAT_DENIED: 400,
  WECHAT_CODE_INVALID: 400,
  WECHAT_UNAVAILABLE: 502,
  WECHAT_BIND_EXPIRED: 400,
  WECHAT_UNIT_ACCOUNT: 403,
  WECHAT_ALREADY_BOUND: 409,
};

/** The Chinese message of each refusal of the signed integration API (docs/INTEGRATION.md lists them). */
export const INTEGRATION_MESSAGES = {
  SIGNATURE_MISSING: '缺少签名请求头（X-Ptce-Key-Id、X-Ptce-Timestamp、X-Ptce-Nonce、X-Ptce-Signature）',
  SIGNATURE_MISMATCH: '签名不正确或密钥编号无效',
  TIMESTAMP_SKEW: '请求时间戳与服务器时间相差超过5分钟',
  NONCE_REUSED: '该随机数（nonce）已使用过，请勿重放请求',
  CLIENT_DISABLED: '该接口客户端已停用',
  OUT_OF_SCOPE: '该人员或单位不在本接口客户端的授权范围内',
  IDEMPOTENCY_KEY_REUSED: '该幂等键已用于内容不同的请求',
  IDEMPOTENCY_IN_PROGRESS: '使用该幂等键的请求仍在处理中，请稍后重试',
} as const satisfies Partial<Record<ErrorCode, string>>;

export interface ErrorDetail {
  field?: string;
  row?: number;
  reason: string;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetail[],
    /** Sent as Retry-After (seconds) with the error. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
  get status(): number {
    return STATUS_OF[this.code];
  }
}

/** The error code of each violation of a rule of @ptce/rules: callers map the code, never the message. */
export const ERROR_OF_RULE: Record<RuleViolationCode, ErrorCode> = {
  INVALID_START_DATE: 'VALIDATION',
  INVALID_END_DATE: 'VALIDATION',
  CROSS_YEAR: 'VALIDATION',
  END_BEFORE_START: 'VALIDATION',
  END_AFTER_TODAY: 'VALIDATION',
  HOURS_NOT_POSITIVE: 'VALIDATION',
  HOURS_TOO_PRECISE: 'VALIDATION',
  TRAINING_HOURS_FIXED: 'VALIDATION',
  HOURS_OVER_CAP: 'VALIDATION',
  COMPUTED_HOURS_OVER_CAP: 'VALIDATION',
  DUPLICATE_RECORD: 'CONFLICT',
  NO_PLAN: 'YEAR_CLOSED',
  PLAN_NOT_PUBLISHED: 'YEAR_CLOSED',
  YEAR_CLOSED: 'YEAR_CLOSED',
  PUBLIC_YEAR_CLOSED: 'YEAR_CLOSED',
  SESSION_OUTSIDE_SPAN: 'VALIDATION',
  SESSION_DUPLICATE: 'VALIDATION',
};

/** Broken rules as one error: the first one's code and message; each one a detail (its field and reason). */
export function ruleError(violations: readonly RuleViolation[]): AppError {
  const first = violations[0]!;
  return new AppError(
    ERROR_OF_RULE[first.code],
    first.reason,
    violations.map(({ field, reason }) => ({ field, reason })),
  );
}

export const notFound = (what = '记录') => new AppError('NOT_FOUND', `${what}不存在或无权访问`);
export const forbidden = (message = '无权执行此操作') => new AppError('FORBIDDEN', message);
export const invalid = (field: string, reason: string) => new AppError('VALIDATION', reason, [{ field, reason }]);
