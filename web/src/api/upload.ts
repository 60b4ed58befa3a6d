// What the file uploads share: they go through XMLHttpRequest (for the progress), not `api()`, so they carry the
// CSRF token themselves and notice an ended session themselves.
import type { QueryClient } from '@tanstack/react-query';
import type { Me } from '@ptce/contracts';
import { meKey } from './auth';
import { ApiError, uploadWithProgress } from './client';

/** What an upload mutation is called with: the file, a progress callback, and `T`'s own fields. */
export type FileUpload<T = object> = T & { file: File; onProgress?: (percent: number) => void };

/** The CSRF token of the signed-in `Me`. */
export function csrfOf(qc: QueryClient): string | null {
  return qc.getQueryData<Me | null>(meKey)?.csrfToken ?? null;
}

/** After a failed upload: if the session ended meanwhile, asking who we are again lets the route guard send us to
 * 登录. */
export function recheckSessionOn401(qc: QueryClient, e: unknown): void {
  if (e instanceof ApiError && e.status === 401) void qc.invalidateQueries({ queryKey: meKey });
}

/** POST `file` as the multipart field "file", reporting the upload progress. */
export function postFileWithProgress<T>(o: {
  url: string;
  file: File;
  csrfToken: string | null;
  onProgress?: (percent: number) => void;
  fallback: (status: number) => string;
}): Promise<T> {
  const form = new FormData();
  form.append('file', o.file, o.file.name);
  return uploadWithProgress<T>({
    method: 'POST',
    url: o.url,
    body: form,
    csrfToken: o.csrfToken,
    onProgress: o.onProgress,
    fallback: o.fallback,
  });
}
