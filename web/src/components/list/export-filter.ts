/** A list's filter as an export sends it: paging dropped, empty values left out, booleans as text. */
export function exportFilter(
  query: Record<string, string | number | boolean | null | undefined> | undefined,
): Record<string, string | number> {
  const filter: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(query ?? {})) {
    if (k === 'page' || k === 'pageSize' || v === null || v === undefined || v === '') continue;
    filter[k] = typeof v === 'boolean' ? String(v) : v;
  }
  return filter;
}
