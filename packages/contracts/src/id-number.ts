// Citizen ID numbers (公民身份号码) per GB 11643-1999: 6-digit region code, 8-digit birth date,
// 3-digit sequence (odd = male) and an ISO 7064 MOD 11-2 check character.

export type IdNumberResult =
  { ok: true; birthDate: string; gender: 'male' | 'female'; regionCode: string } | { ok: false; reason: string };

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

// First two digits of GB/T 2260 province-level codes; anything else cannot appear on a real card.
const PROVINCE_CODES = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
]);

const MIN_BIRTH_DATE = '1900-01-01';

/** Trims and upper-cases the check character so `x` and `X` are stored identically. */
export function normalizeIdNumber(s: string): string {
  return s.trim().toUpperCase();
}

/** The check character for the first 17 digits. */
export function idCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error('idCheckChar expects exactly 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/**
 * Validates an 18-character ID number. `today` (YYYY-MM-DD) comes from the application clock so
 * tests and time-shifted demos agree; it defaults to the current date in Asia/Shanghai.
 */
export function validateIdNumber(s: string, today: string = shanghaiToday()): IdNumberResult {
  const id = normalizeIdNumber(s);
  if (id.length !== 18) return { ok: false, reason: '身份证号码应为18位' };
  if (!/^\d{17}[\dX]$/.test(id)) return { ok: false, reason: '身份证号码格式错误' };
  if (!PROVINCE_CODES.has(id.slice(0, 2))) return { ok: false, reason: '地区代码无效' };

  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  // ISO date strings of equal shape compare correctly as strings.
  if (!isCalendarDate(birthDate) || birthDate < MIN_BIRTH_DATE || birthDate > today) {
    return { ok: false, reason: '出生日期无效' };
  }
  if (idCheckChar(id.slice(0, 17)) !== id[17]) return { ok: false, reason: '身份证号码校验位错误' };

  return {
    ok: true,
    birthDate,
    gender: Number(id[16]) % 2 === 1 ? 'male' : 'female',
    regionCode: id.slice(0, 6),
  };
}

/** `450102********1234`: keeps region and last four, which is what staff need to tell people apart. */
export function maskIdNumber(s: string): string {
  const id = normalizeIdNumber(s);
  if (id.length <= 10) return '*'.repeat(id.length);
  return id.slice(0, 6) + '*'.repeat(id.length - 10) + id.slice(-4);
}

/** 张三 → 张*, 欧阳娜娜 → 欧***; a one-character name has nothing to hide behind. */
export function maskName(name: string): string {
  // Array.from splits by code point so rare characters outside the BMP count as one.
  const chars = Array.from(name.trim());
  if (chars.length <= 1) return chars.join('');
  return chars[0] + '*'.repeat(chars.length - 1);
}

function isCalendarDate(iso: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const daysInMonth = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= daysInMonth;
}

function shanghaiToday(): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
}
