import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { decodeParams, patchParams, type ParamPatch, type ParamSchema } from './url-params';

/**
 * A list's filters, sort and page in the URL (bookmarkable, Back works). `schema` must be a
 * module-level constant. `update` changes some fields (a filter change goes back to page 1);
 * `reset` clears every parameter.
 */
export function useUrlParams<S extends ParamSchema>(schema: S) {
  const [params, setParams] = useSearchParams();
  const key = params.toString();
  const query = useMemo(() => decodeParams(schema, new URLSearchParams(key)), [schema, key]);
  const update = useCallback(
    (patch: ParamPatch<S>, opts?: { replace?: boolean }) => setParams((prev) => patchParams(schema, prev, patch), opts),
    [schema, setParams],
  );
  const reset = useCallback(() => setParams(new URLSearchParams()), [setParams]);
  return { query, update, reset, params };
}
