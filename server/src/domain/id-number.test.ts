import { describe, it, expect } from 'vitest';
import { idCheckChar, maskIdNumber, maskName, normalizeIdNumber, validateIdNumber } from './id-number.js';

const TODAY = '2024-06-01';

// Builds a number with a correct check character so each test breaks exactly one rule.
function withCheck(first17: string): string {
  return first17 + idCheckChar(first17);
}

describe('idCheckChar', () => {
  it('matches the published sample number 11010519491231002X', () => {
    expect(idCheckChar('11010519491231002')).toBe('X');
  });

  it('maps sum mod 11 through 10X98765432', () => {
    // Weighted sums worked by hand: 161 mod 11 = 7 → '5'; 163 mod 11 = 9 → '3'.
    expect(idCheckChar('45010219800101001')).toBe('5');
    expect(idCheckChar('45010219800101002')).toBe('3');
  });

  it('rejects input that is not 17 digits', () => {
    expect(() => idCheckChar('1234')).toThrow();
  });
});

describe('validateIdNumber', () => {
  it('accepts the published sample number and decodes it', () => {
    expect(validateIdNumber('11010519491231002X', TODAY)).toEqual({
      ok: true,
      birthDate: '1949-12-31',
      gender: 'female',
      regionCode: '110105',
    });
  });

  it('accepts a lower-case x and surrounding spaces', () => {
    expect(validateIdNumber(' 11010519491231002x ', TODAY)).toMatchObject({ ok: true, birthDate: '1949-12-31' });
  });

  it('derives gender from the parity of the 17th digit', () => {
    expect(validateIdNumber(withCheck('45010219800101001'), TODAY)).toMatchObject({ ok: true, gender: 'male' });
    expect(validateIdNumber(withCheck('45010219800101002'), TODAY)).toMatchObject({ ok: true, gender: 'female' });
  });

  it('rejects a wrong check character', () => {
    expect(validateIdNumber('110105194912310021', TODAY)).toEqual({ ok: false, reason: '身份证号码校验位错误' });
    expect(validateIdNumber('450102198001010014', TODAY)).toEqual({ ok: false, reason: '身份证号码校验位错误' });
  });

  it('rejects wrong lengths, including the old 15-digit form', () => {
    expect(validateIdNumber('11010519491231002', TODAY)).toEqual({ ok: false, reason: '身份证号码应为18位' });
    expect(validateIdNumber('11010519491231002X1', TODAY)).toEqual({ ok: false, reason: '身份证号码应为18位' });
    expect(validateIdNumber('110105491231002', TODAY)).toEqual({ ok: false, reason: '身份证号码应为18位' });
    expect(validateIdNumber('', TODAY)).toMatchObject({ ok: false });
  });

  it('rejects non-digits and an X anywhere but the end', () => {
    expect(validateIdNumber('4501021980010100A3', TODAY)).toEqual({ ok: false, reason: '身份证号码格式错误' });
    expect(validateIdNumber('X10105194912310021', TODAY)).toEqual({ ok: false, reason: '身份证号码格式错误' });
    expect(validateIdNumber('4501021980010X0015', TODAY)).toEqual({ ok: false, reason: '身份证号码格式错误' });
  });

  it('rejects dates that do not exist', () => {
    expect(validateIdNumber(withCheck('45010219900230001'), TODAY)).toEqual({ ok: false, reason: '出生日期无效' });
    expect(validateIdNumber(withCheck('45010219900431001'), TODAY)).toEqual({ ok: false, reason: '出生日期无效' });
    expect(validateIdNumber(withCheck('45010219901301001'), TODAY)).toEqual({ ok: false, reason: '出生日期无效' });
    expect(validateIdNumber(withCheck('45010219900100001'), TODAY)).toEqual({ ok: false, reason: '出生日期无效' });
  });

  it('applies the leap-year rule, including centuries', () => {
    expect(validateIdNumber(withCheck('45010220000229001'), TODAY)).toMatchObject({
      ok: true,
      birthDate: '2000-02-29',
    });
    expect(validateIdNumber(withCheck('45010219960229001'), TODAY)).toMatchObject({ ok: true });
    expect(validateIdNumber(withCheck('45010219970229001'), TODAY)).toEqual({ ok: false, reason: '出生日期无效' });
    expect(validateIdNumber(withCheck('45010219000229001'), TODAY)).toEqual({ ok: false, reason: '出生日期无效' });
  });

  it('rejects births after the given today and before 1900', () => {
    expect(validateIdNumber(withCheck('45010220240601001'), TODAY)).toMatchObject({ ok: true });
    expect(validateIdNumber(withCheck('45010220240602001'), TODAY)).toEqual({ ok: false, reason: '出生日期无效' });
    expect(validateIdNumber(withCheck('45010218991231001'), TODAY)).toEqual({ ok: false, reason: '出生日期无效' });
    expect(validateIdNumber(withCheck('45010219000101001'), TODAY)).toMatchObject({ ok: true });
  });

  it('defaults today to the real date, so a birth next year is rejected', () => {
    const nextYear = new Date().getFullYear() + 1;
    expect(validateIdNumber(withCheck(`450102${nextYear}0101001`))).toEqual({ ok: false, reason: '出生日期无效' });
  });

  it('rejects unknown province codes', () => {
    for (const prefix of ['00', '10', '16', '20', '24', '38', '47', '55', '66', '72', '83', '99']) {
      expect(validateIdNumber(withCheck(`${prefix}010219800101001`), TODAY)).toEqual({
        ok: false,
        reason: '地区代码无效',
      });
    }
    for (const prefix of ['11', '45', '65', '71', '81', '82']) {
      expect(validateIdNumber(withCheck(`${prefix}010219800101001`), TODAY)).toMatchObject({ ok: true });
    }
  });
});

describe('normalizeIdNumber', () => {
  it('trims and upper-cases', () => {
    expect(normalizeIdNumber(' 11010519491231002x\n')).toBe('11010519491231002X');
  });
});

describe('masking', () => {
  it('shows the first 6 and last 4 characters of an ID number', () => {
    expect(maskIdNumber('450102198001011234')).toBe('450102********1234');
    expect(maskIdNumber('11010519491231002x')).toBe('110105********002X');
  });

  it('hides everything of a too-short value', () => {
    expect(maskIdNumber('12345')).toBe('*****');
  });

  it('keeps only the first character of a name', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳娜娜')).toBe('欧***');
    expect(maskName('王小明')).toBe('王**');
    expect(maskName('韦')).toBe('韦');
    expect(maskName('')).toBe('');
  });

  it('counts a character outside the BMP as one', () => {
    expect(maskName('𠮷野')).toBe('𠮷*');
  });
});
