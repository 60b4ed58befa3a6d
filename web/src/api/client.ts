import type { ErrorBody } from '@ptce/contracts';

/** One entry of `error.details`: which field (or spreadsheet row) is wrong and why. */
export type ErrorDetail = NonNullable<ErrorBody['error']['details']>[number];

/** Every failed API call rejects with this; `message` is Chinese and fit to show the user. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: ErrorDetail[];
  /** An unexpected error's 错误编号 (the request's id in the server's log); its message says it too. */
  readonly reference?: string;

  constructor(status: number, code: string, message: string, details: ErrorDetail[] = [], reference?: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
    if (reference) this.reference = reference;
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

// The CSRF token is part of `Me`; it is refreshed whenever /api/me or login answers.
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/**
 * App-wide reactions the client cannot perform itself (it knows nothing about routing or UI).
 * Registered once by the app shell.
 */
export interface ApiEventHandlers {
  /** The session is gone (expired, logged out elsewhere). */
  onUnauthorized?: () => void;
  /** The account must change its initial password before doing anything else. */
  onPasswordChangeRequired?: () => void;
  /** The account must give phone and e-mail (完善个人信息) before doing anything else. */
  onProfileIncomplete?: () => void;
  /** 503: maintenance or overload; the server's message says which. */
  onUnavailable?: (message: string) => void;
}

let handlers: ApiEventHandlers = {};

export function setApiEventHandlers(h: ApiEventHandlers): void {
  handlers = h;
}

type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
  /**
   * false: a 401 is the caller's business (login form, the "who am I" probe) and must not
   * send the browser to the login page.
   */
  redirectOn401?: boolean;
}

export function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    params.set(k, String(v));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

export const NETWORK_MESSAGE = '网络连接失败，请检查网络后重试';

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  const init: RequestInit = { method, headers, credentials: 'same-origin', signal: options.signal };
  if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    init.body = JSON.stringify(options.body);
  }
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let res: Response;
  try {
    res = await fetch(buildUrl(path, options.query), init);
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'NETWORK', NETWORK_MESSAGE);
  }

  if (res.ok) {
    if (res.status === 204) return undefined as T;
    const text = await res.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  const error = await readError(res);
  if (res.status === 401 && options.redirectOn401 !== false) {
    csrfToken = null;
    handlers.onUnauthorized?.();
  } else if (res.status === 403 && error.code === 'PASSWORD_CHANGE_REQUIRED') {
    handlers.onPasswordChangeRequired?.();
  } else if (res.status === 403 && error.code === 'PROFILE_INCOMPLETE') {
    handlers.onProfileIncomplete?.();
  } else if (res.status === 503) {
    handlers.onUnavailable?.(error.message);
  }
  throw error;
}

async function readError(res: Response): Promise<ApiError> {
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    body = undefined;
  }
  const err = (body as Partial<ErrorBody> | undefined)?.error;
  if (err && typeof err.message === 'string') {
    return new ApiError(res.status, err.code ?? `HTTP_${res.status}`, err.message, err.details ?? [], err.reference);
  }
  // No JSON body: a proxy or the dev server answered, not the API.
  const message =
    res.status === 401
      ? '登录已失效，请重新登录'
      : res.status === 403
        ? '无权执行此操作'
        : res.status === 404
          ? '请求的资源不存在'
          : res.status >= 500
            ? `服务暂时不可用（HTTP ${res.status}），请稍后再试`
            : `请求失败（HTTP ${res.status}）`;
  return new ApiError(res.status, `HTTP_${res.status}`, message);
}

/** The API's error from a response body read as text; `fallback` when the body is not the API's. */
export function errorFromText(status: number, text: string, fallback: string): ApiError {
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  const err = (body as Partial<ErrorBody> | undefined)?.error;
  return new ApiError(status, err?.code ?? `HTTP_${status}`, err?.message ?? fallback, err?.details ?? []);
}

export interface UploadOptions {
  method: 'POST' | 'PUT';
  url: string;
  body: FormData | Blob;
  /** For a raw file body; a FormData body sets its own multipart type. */
  contentType?: string;
  csrfToken: string | null;
  onProgress?: (percent: number) => void;
  /** Aborting it cancels the upload; the promise then rejects with an AbortError. */
  signal?: AbortSignal;
  /** The message when the server answers without the API's error body (e.g. a proxy's 413). */
  fallback: (status: number) => string;
  networkMessage?: string;
}

/**
 * A file upload with progress — XMLHttpRequest, because fetch cannot report upload progress. Same
 * session cookie and CSRF header as api(); the server's error (code, message, details) as an ApiError.
 */
export function uploadWithProgress<T>(o: UploadOptions): Promise<T> {
  return new Promise((resolve, reject) => {
    if (o.signal?.aborted) {
      reject(new DOMException('上传已取消', 'AbortError'));
      return;
    }
    const xhr = new XMLHttpRequest();
    xhr.open(o.method, o.url);
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    if (o.contentType) xhr.setRequestHeader('content-type', o.contentType);
    if (o.csrfToken) xhr.setRequestHeader('x-csrf-token', o.csrfToken);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) o.onProgress?.(Math.min(100, Math.floor((e.loaded / e.total) * 100)));
    };
    const onAbort = () => xhr.abort();
    o.signal?.addEventListener('abort', onAbort, { once: true });
    xhr.onloadend = () => o.signal?.removeEventListener('abort', onAbort);
    xhr.onabort = () => reject(new DOMException('上传已取消', 'AbortError'));
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', o.networkMessage ?? NETWORK_MESSAGE));
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve((xhr.responseText ? JSON.parse(xhr.responseText) : undefined) as T);
        return;
      }
      reject(errorFromText(xhr.status, xhr.responseText, o.fallback(xhr.status)));
    };
    xhr.send(o.body);
  });
}

/** The message to show for any error thrown by a query or mutation. */
export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  if (e instanceof Error && e.message) return `操作失败：${e.message}`;
  return '操作失败，请稍后再试';
}
