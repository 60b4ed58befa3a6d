import type { FormInstance, FormRule } from 'antd';
import type { z } from 'zod';
import { ApiError } from '../api/client';

/**
 * An antd Form rule that runs one field's zod schema from @ptce/contracts, so the browser
 * rejects exactly what the server would, with the same Chinese message.
 */
export function zodRule(schema: z.ZodType, opts: { skipEmpty?: boolean } = {}): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      if (opts.skipEmpty && (value === undefined || value === null || value === '')) return;
      const r = schema.safeParse(value ?? '');
      if (!r.success) throw new Error(r.error.issues[0]?.message ?? '格式不正确');
    },
  };
}

/**
 * Puts the server's per-field reasons (`error.details[].field`) under the matching inputs.
 * Returns true when at least one field got a message.
 */
export function applyFieldErrors(form: FormInstance, e: unknown, fields: readonly string[]): boolean {
  if (!(e instanceof ApiError)) return false;
  const known = new Set(fields);
  const byField = new Map<string, string[]>();
  for (const d of e.details) {
    if (!d.field || !known.has(d.field)) continue;
    byField.set(d.field, [...(byField.get(d.field) ?? []), d.reason]);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return byField.size > 0;
}

/** Moves the keyboard to the first field that shows an error (after the server's reasons were put under them). */
export function focusFirstError(form: FormInstance): void {
  form.focusField(form.getFieldsError().find((f) => f.errors.length > 0)?.name ?? []);
}
