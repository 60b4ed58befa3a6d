/**
 * Every way a rule of this package can be broken, by machine code. Callers branch on the code (the
 * server maps it to its HTTP error code, the web to a form field); the Chinese message a person reads
 * is looked up by code in `ruleMessages`, the one table of these messages.
 */
export const RULE_VIOLATION_CODES = [
  'INVALID_START_DATE',
  'INVALID_END_DATE',
  'CROSS_YEAR',
  'END_BEFORE_START',
  'END_AFTER_TODAY',
  'HOURS_NOT_POSITIVE',
  'HOURS_TOO_PRECISE',
  'TRAINING_HOURS_FIXED',
  'HOURS_OVER_CAP',
  'COMPUTED_HOURS_OVER_CAP',
  'DUPLICATE_RECORD',
  'NO_PLAN',
  'PLAN_NOT_PUBLISHED',
  'YEAR_CLOSED',
  'PUBLIC_YEAR_CLOSED',
  'SESSION_OUTSIDE_SPAN',
  'SESSION_DUPLICATE',
] as const;

export type RuleViolationCode = (typeof RULE_VIOLATION_CODES)[number];

/** A Shanghai date (YYYY-MM-DD) as the notice writes it: 2025年3月31日. */
export function dateText(date: string): string {
  const [y, m, d] = date.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
}

/** The Chinese message of each violation code. */
export const ruleMessages = {
  INVALID_START_DATE: '开始日期无效',
  INVALID_END_DATE: '结束日期无效',
  // 不能跨年登记 — notice §二(二)
  CROSS_YEAR: (startYear: string | number, endYear: string | number) =>
    `不能跨年登记：开始和结束须在同一年度（${startYear}年与${endYear}年）`,
  END_BEFORE_START: '结束时间不能早于开始时间',
  END_AFTER_TODAY: '结束日期不能晚于今天：请在培训结束后登记',
  HOURS_NOT_POSITIVE: '申请学时必须大于0',
  HOURS_TOO_PRECISE: '申请学时最多保留一位小数',
  TRAINING_HOURS_FIXED: (perHalfDay: number, computed: number) =>
    `培训班/研修班/进修班按每半天${perHalfDay}学时计算，应为${computed}学时`,
  HOURS_OVER_CAP: (cap: number) => `单条记录申请学时不能超过${cap}学时`,
  COMPUTED_HOURS_OVER_CAP: (cap: number) =>
    `按起止时间计算的学时超过该类活动单条记录上限${cap}学时，请核对起止时间或手动填写实际学时`,
  DUPLICATE_RECORD: (existing: {
    id: number;
    title: string;
    startDate: string;
    endDate: string;
    statusLabel: string;
  }) =>
    `已有相同起止时间的学时记录「${existing.title}」（${existing.startDate}至${existing.endDate}，记录编号${existing.id}，${existing.statusLabel}），同一培训不能重复登记`,
  NO_PLAN: (year: number) => `${year}年度没有年度计划`,
  PLAN_NOT_PUBLISHED: (year: number) => `${year}年度计划尚未发布`,
  YEAR_CLOSED: (year: number, deadline: string) => `${year}年度专业科目学时登记和审核已于${dateText(deadline)}截止`,
  PUBLIC_YEAR_CLOSED: (year: number, deadline: string) => `${year}年度公需科目补学补考已于${deadline}截止`,
  SESSION_OUTSIDE_SPAN: (date: string, half: string) => `课程安排${date}${half}不在培训起止时间内`,
  SESSION_DUPLICATE: (date: string, half: string) => `课程安排${date}${half}重复：每个半天只能安排一次`,
} as const satisfies Record<RuleViolationCode, string | ((...args: never[]) => string)>;

type MessageArgs<C extends RuleViolationCode> = (typeof ruleMessages)[C] extends (...args: infer A) => string ? A : [];

/** A broken rule without a form field: the code to branch on and the message to show. */
export interface RuleRefusal<C extends RuleViolationCode = RuleViolationCode> {
  code: C;
  reason: string;
}

/** A broken rule of a form: the code, the field it concerns, and the message to show under it. */
export interface RuleViolation<C extends RuleViolationCode = RuleViolationCode> extends RuleRefusal<C> {
  field: string;
}

/** The refusal of a code, its message looked up in `ruleMessages` with the message's arguments. */
export function refusal<C extends RuleViolationCode>(code: C, ...args: MessageArgs<C>): RuleRefusal<C> {
  // The table's type pairs each code with its message's arguments; TypeScript cannot follow that through C.
  const m = ruleMessages[code] as string | ((...a: MessageArgs<C>) => string);
  return { code, reason: typeof m === 'function' ? m(...args) : m };
}

/** The violation of a code on a field. */
export function violation<C extends RuleViolationCode>(
  field: string,
  code: C,
  ...args: MessageArgs<C>
): RuleViolation<C> {
  return { code, field, reason: refusal(code, ...args).reason };
}
