import { api, isApiError } from './client';

// An error of the page itself (a render that failed) is reported once, however often the page showing it renders.
const reported = new WeakMap<object, Promise<string | null>>();

/**
 * The 错误编号 of an unexpected error: the server's own for an API error that carries one, otherwise the one the
 * server logs this report under (POST /api/client-errors). null when the report cannot be made (the server is
 * unreachable): no number is better than one nobody can look up.
 */
export function errorReference(error: unknown): Promise<string | null> {
  if (isApiError(error)) return Promise.resolve(error.reference ?? null);
  const e = error instanceof Error ? error : new Error(String(error));
  const key = typeof error === 'object' && error !== null ? error : e;
  let reference = reported.get(key);
  if (!reference) {
    reference = api<{ reference: string }>('/api/client-errors', {
      method: 'POST',
      body: {
        message: (e.message || e.name).slice(0, 1000),
        stack: e.stack?.slice(0, 8000),
        path: `${window.location.pathname}${window.location.search}`.slice(0, 1000),
      },
      redirectOn401: false,
    }).then(
      (r) => r.reference,
      () => null,
    );
    reported.set(key, reference);
  }
  return reference;
}
