import { z } from 'zod';

// Validation messages in Simplified Chinese, on the server and in the browser alike.
z.config(z.locales.zhCN());

/** Error body of every non-2xx API response. `details` pinpoints bad input (field, row, reason). */
export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z
      .array(
        z.object({
          field: z.string().optional(),
          row: z.number().int().optional(),
          reason: z.string(),
        }),
      )
      .optional(),
    /** An unexpected error's 错误编号 (the request's id in the server's log); also in its message. */
    reference: z.string().optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export const Ok = z.object({ ok: z.literal(true) });

/** Lists that may be large count at most this many rows unless the reader asks for the exact total. */
export const TOTAL_CAP = 1000;

/**
 * One page of a list. `total` is exact unless `totalCapped` is true: then at least `total` rows match
 * (the count stopped at TOTAL_CAP; shown as "1,000+ 条") and `exactTotal=true` asks for the exact figure.
 * `nextCursor`, when present, fetches the rows after this page however deep (keyset, no offset).
 */
export const Page = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    totalCapped: z.boolean().optional(),
    nextCursor: z.string().nullable().optional(),
  });

export const PageQuery = z.object({
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  /** true: count every matching row (lists that may be large otherwise stop counting at TOTAL_CAP). */
  exactTotal: z.enum(['true', 'false']).optional(),
  /** The `nextCursor` of the previous page: the rows after it (then `page` only labels the page). */
  cursor: z.string().trim().max(200).optional(),
});

/** 8+ characters with at least one letter and one digit. */
export const PASSWORD_RULE_TEXT = '密码至少8位，且须同时包含字母和数字';
export const Password = z
  .string()
  .min(8, PASSWORD_RULE_TEXT)
  .max(128, '密码过长')
  .refine((s) => /[A-Za-z]/.test(s) && /\d/.test(s), PASSWORD_RULE_TEXT);

export const MobilePhone = z.string().regex(/^1[3-9]\d{9}$/, '请输入11位手机号码');
export const Email = z.string().max(254).email('请输入有效的电子邮箱');

/** Help-desk facts the notice gives every user (section 五) — kept with the rules. */
export { HELP_DESK } from '@ptce/rules';

/** An ID number typed into a form: trimmed, a lowercase check character x read as X (GB 11643 writes X). */
export const IdNumberInput = z.string().trim().toUpperCase().min(1, '请输入身份证号码').max(18, '身份证号码应为18位');

/** An ID number typed to look someone up (help desk): 18 characters, check digit not required. */
export const IdNumberLookup = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^\d{17}[\dX]$/, '请输入18位身份证号码');
