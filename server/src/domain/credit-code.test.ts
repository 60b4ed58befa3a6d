import { describe, it, expect } from 'vitest';
import { creditCodeCheckChar, normalizeCreditCode, validateCreditCode } from './credit-code.js';

// Codes of well-known companies as printed on their business licences.
const KNOWN_VALID = [
  '914403001922038216', // 华为技术有限公司
  '91440300708461136T', // 深圳市腾讯计算机系统有限公司
  '91110108551385082Q', // 小米科技有限责任公司
];

describe('creditCodeCheckChar', () => {
  it('reproduces the check character of real codes', () => {
    for (const code of KNOWN_VALID) expect(creditCodeCheckChar(code.slice(0, 17))).toBe(code[17]);
  });

  it('maps a remainder of 0 to 0 rather than 31', () => {
    // All zeros: sum 0 → 31 - 0 = 31 → '0'.
    expect(creditCodeCheckChar('00000000000000000')).toBe('0');
  });

  it('rejects characters outside the alphabet', () => {
    expect(() => creditCodeCheckChar('9144030019220382I')).toThrow();
    expect(() => creditCodeCheckChar('123')).toThrow();
  });
});

describe('validateCreditCode', () => {
  it('accepts real codes, also in lower case with spaces', () => {
    for (const code of KNOWN_VALID) expect(validateCreditCode(code)).toEqual({ ok: true });
    expect(validateCreditCode(' 91110108551385082q ')).toEqual({ ok: true });
  });

  it('rejects a wrong check character', () => {
    expect(validateCreditCode('914403001922038217')).toEqual({ ok: false, reason: '统一社会信用代码校验位错误' });
    // Swapping two characters keeps the charset but breaks the weighted sum.
    expect(validateCreditCode('914403001922038126')).toEqual({ ok: false, reason: '统一社会信用代码校验位错误' });
  });

  it('rejects a wrong length', () => {
    expect(validateCreditCode('91440300192203821')).toEqual({ ok: false, reason: '统一社会信用代码应为18位' });
    expect(validateCreditCode('9144030019220382160')).toEqual({ ok: false, reason: '统一社会信用代码应为18位' });
    expect(validateCreditCode('')).toMatchObject({ ok: false });
  });

  it('rejects the excluded letters I, O, Z, S, V and punctuation', () => {
    for (const bad of ['I', 'O', 'Z', 'S', 'V', '-']) {
      expect(validateCreditCode(`91440300192203${bad}216`)).toEqual({
        ok: false,
        reason: '统一社会信用代码含有非法字符',
      });
    }
  });

  it('accepts every code whose check character was computed', () => {
    const first17 = '91450100MA5K9XYW0';
    expect(validateCreditCode(first17 + creditCodeCheckChar(first17))).toEqual({ ok: true });
  });
});

describe('normalizeCreditCode', () => {
  it('trims and upper-cases', () => {
    expect(normalizeCreditCode(' 91110108551385082q')).toBe('91110108551385082Q');
  });
});
