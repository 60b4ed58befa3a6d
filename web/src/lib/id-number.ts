// Client-side check of 公民身份号码 (GB 11643-1999) so the register form can answer as the
// user types. The server repeats the check (server/src/domain/id-number.ts) and is the authority;
// keep the two in step — or move both into @ptce/contracts.

export type IdNumberCheck =
  | { ok: true; birthDate: string; gender: 'male' | 'female' }
  | { ok: false; reason: string };

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';
const PROVINCE_CODES = new Set(
  '11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 71 81 82'.split(' '),
);

export function normalizeIdNumber(s: string): string {
  return s.trim().toUpperCase();
}

export function checkIdNumber(raw: string, today: string = shanghaiToday()): IdNumberCheck {
  const id = normalizeIdNumber(raw);
  if (id.length !== 18) return { ok: false, reason: '身份证号码应为18位' };
  if (!/^\d{17}[\dX]$/.test(id)) return { ok: false, reason: '身份证号码格式错误' };
  if (!PROVINCE_CODES.has(id.slice(0, 2))) return { ok: false, reason: '地区代码无效' };
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (!isCalendarDate(birthDate) || birthDate < '1900-01-01' || birthDate > today) {
    return { ok: false, reason: '出生日期无效' };
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * WEIGHTS[i]!;
  if (CHECK_CHARS[sum % 11] !== id[17]) return { ok: false, reason: '身份证号码校验位错误' };
  return { ok: true, birthDate, gender: Number(id[16]) % 2 === 1 ? 'male' : 'female' };
}

function isCalendarDate(iso: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1]!;
}

function shanghaiToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
}
