import type { CreditConversion } from './plan';

/**
 * 学分折算学时: an industry system may push a record in its own credits (e.g. 继续医学教育 学分 I类) when the
 * year's annual plan defines that credit type and the 学时 of one credit. The converted hours are then the
 * record's 学时, checked by the plan's record rules like any other.
 */
export type CreditResult =
  | { ok: true; hours: number }
  | {
      ok: false;
      field: 'creditType' | 'credits' | 'hours';
      code: 'UNKNOWN_CREDIT_TYPE' | 'CREDITS_INVALID' | 'HOURS_NOT_CONVERTED';
      reason: string;
    };

/** One decimal, as hours are stored. */
const oneDecimal = (n: number) => Math.round(n * 10) / 10;

export function creditTypesText(conversions: readonly CreditConversion[]): string {
  return conversions.length
    ? conversions.map((c) => `${c.type}（1学分折算${c.hoursPerCredit}学时）`).join('、')
    : '该年度计划未定义任何学分类型';
}

/**
 * The hours of `credits` of `type` under a year's conversions. `hours`, when the caller also gives it, must equal
 * the conversion (one decimal).
 */
export function creditHours(
  conversions: readonly CreditConversion[],
  year: number,
  type: string,
  credits: number | undefined,
  hours?: number,
): CreditResult {
  const c = conversions.find((x) => x.type === type.trim());
  if (!c)
    return {
      ok: false,
      field: 'creditType',
      code: 'UNKNOWN_CREDIT_TYPE',
      reason: `${year}年度计划中没有学分类型“${type}”；可用的学分类型：${creditTypesText(conversions)}`,
    };
  if (credits === undefined || !(credits > 0) || Math.round(credits * 10) !== credits * 10)
    return { ok: false, field: 'credits', code: 'CREDITS_INVALID', reason: '学分须为大于0的数字，最多一位小数' };
  const converted = oneDecimal(credits * c.hoursPerCredit);
  if (hours !== undefined && hours !== converted)
    return {
      ok: false,
      field: 'hours',
      code: 'HOURS_NOT_CONVERTED',
      reason: `${credits}学分（${c.type}）按年度计划折算为${converted}学时，与提交的学时${hours}不一致；可不填学时`,
    };
  return { ok: true, hours: converted };
}
