// Unified social credit codes (统一社会信用代码) per GB 32100-2015: 18 characters from a 31-symbol
// alphabet (I, O, Z, S, V are excluded to avoid confusion with digits), the last being a MOD 31 check.

export type CreditCodeResult = { ok: true } | { ok: false; reason: string };

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** Trims and upper-cases so codes typed in lower case are stored in the printed form. */
export function normalizeCreditCode(s: string): string {
  return s.trim().toUpperCase();
}

/** The check character for the first 17 characters. */
export function creditCodeCheckChar(first17: string): string {
  if (first17.length !== 17) throw new Error('creditCodeCheckChar expects exactly 17 characters');
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CHARSET.indexOf(first17[i]!);
    if (value < 0) throw new Error(`illegal credit code character: ${first17[i]}`);
    sum += value * WEIGHTS[i]!;
  }
  // 31 - 0 = 31 has no symbol; the standard maps it to 0.
  return CHARSET[(31 - (sum % 31)) % 31]!;
}

export function validateCreditCode(s: string): CreditCodeResult {
  const code = normalizeCreditCode(s);
  if (code.length !== 18) return { ok: false, reason: '统一社会信用代码应为18位' };
  for (const ch of code) {
    if (!CHARSET.includes(ch)) return { ok: false, reason: '统一社会信用代码含有非法字符' };
  }
  if (creditCodeCheckChar(code.slice(0, 17)) !== code[17]) {
    return { ok: false, reason: '统一社会信用代码校验位错误' };
  }
  return { ok: true };
}
