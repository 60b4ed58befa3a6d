// Deterministic generator of plausible Guangxi professionals for demo data. Everything is driven by
// a seeded PRNG so a demo database can be rebuilt identically and tests can pin expectations.

import { idCheckChar } from '../../../domain/id-number.js';
import { COUNTY_CODES } from '../reference/regions.js';

export type Rng = () => number;
export type Gender = 'male' | 'female';

/** mulberry32: tiny, fast and good enough for demo data; returns floats in [0, 1). */
export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomInt(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  if (items.length === 0) throw new Error('pick from an empty list');
  return items[Math.floor(rng() * items.length)]!;
}

// Rough weights reflecting Guangxi, where Zhuang surnames (韦, 覃, 蒙, 蓝, 莫) are common and 黄 leads.
const SURNAMES: readonly (readonly [string, number])[] = [
  ['黄', 10],
  ['李', 7],
  ['陈', 6],
  ['韦', 6],
  ['梁', 5],
  ['刘', 4],
  ['莫', 4],
  ['覃', 4],
  ['林', 4],
  ['张', 4],
  ['罗', 3],
  ['王', 3],
  ['蒙', 3],
  ['陆', 3],
  ['廖', 3],
  ['杨', 3],
  ['周', 2],
  ['吴', 2],
  ['邓', 2],
  ['何', 2],
  ['蓝', 2],
  ['黎', 2],
  ['谢', 2],
  ['苏', 2],
  ['卢', 2],
  ['赵', 1],
  ['徐', 1],
  ['孙', 1],
  ['马', 1],
  ['朱', 1],
  ['胡', 1],
  ['郭', 1],
  ['高', 1],
  ['潘', 1],
  ['钟', 1],
  ['唐', 1],
  ['蒋', 1],
  ['农', 1],
  ['秦', 1],
  ['庞', 1],
  ['冯', 1],
  ['曾', 1],
  ['欧阳', 1],
];
const SURNAME_POOL: readonly string[] = SURNAMES.flatMap(([s, w]) => Array<string>(w).fill(s));

// Whole given names rather than free character pairs, so every combination reads naturally.
const GIVEN_NAMES: Readonly<Record<Gender, readonly string[]>> = {
  male: [
    '伟',
    '强',
    '勇',
    '军',
    '磊',
    '涛',
    '斌',
    '杰',
    '鹏',
    '华',
    '峰',
    '超',
    '浩',
    '宇',
    '健',
    '毅',
    '建华',
    '志强',
    '国平',
    '海涛',
    '俊杰',
    '文斌',
    '家豪',
    '浩然',
    '明辉',
    '永康',
    '伟东',
    '振宇',
    '德明',
    '立新',
    '宏伟',
    '少华',
    '学军',
    '荣生',
    '冠宇',
    '思远',
    '承志',
    '嘉诚',
    '光明',
    '耀文',
    '东升',
    '志刚',
    '海波',
    '春生',
    '小龙',
    '文杰',
    '子豪',
    '宇航',
    '国强',
    '金华',
    '晓东',
    '永明',
    '世杰',
    '振华',
    '家明',
    '建新',
    '一鸣',
    '博文',
    '俊宇',
    '天宇',
  ],
  female: [
    '芳',
    '敏',
    '静',
    '丽',
    '艳',
    '娟',
    '霞',
    '燕',
    '玲',
    '婷',
    '琳',
    '洁',
    '颖',
    '倩',
    '莉',
    '萍',
    '丽娟',
    '秀英',
    '海燕',
    '晓燕',
    '静怡',
    '雅婷',
    '美玲',
    '春梅',
    '玉兰',
    '桂芳',
    '慧敏',
    '思琪',
    '欣怡',
    '诗涵',
    '婉婷',
    '丽华',
    '凤英',
    '红梅',
    '金凤',
    '晓玲',
    '艳萍',
    '雪梅',
    '佳琪',
    '梦瑶',
    '雨婷',
    '秋菊',
    '嘉欣',
    '翠萍',
    '小红',
    '丽萍',
    '春燕',
    '美华',
    '桂兰',
    '秀梅',
    '晓丽',
    '文静',
    '雅琴',
    '月娥',
    '海英',
    '淑芬',
    '子涵',
    '心怡',
    '可欣',
    '紫琳',
  ],
};

/** A realistic full name; pass the gender so it matches the person's ID number. */
export function randomChineseName(rng: Rng, gender: Gender = rng() < 0.5 ? 'male' : 'female'): string {
  return pick(rng, SURNAME_POOL) + pick(rng, GIVEN_NAMES[gender]);
}

export interface IdNumberOptions {
  /** 6-digit county code; a random current Guangxi county when omitted. */
  regionCode?: string;
  birthYearFrom: number;
  /** Inclusive; keep it in the past, since validation rejects future birth dates. */
  birthYearTo: number;
  gender?: Gender;
}

const DAY_MS = 86_400_000;

/** A valid 18-character ID number: real birth date, gender-consistent sequence, correct check. */
export function randomIdNumber(rng: Rng, options: IdNumberOptions): string {
  const { birthYearFrom, birthYearTo } = options;
  if (birthYearFrom > birthYearTo) throw new Error('birthYearFrom must not be after birthYearTo');
  const region = options.regionCode ?? pick(rng, COUNTY_CODES);
  if (!/^\d{6}$/.test(region)) throw new Error(`invalid region code: ${region}`);

  // Picking a day offset (not year/month/day separately) yields only real dates, spread evenly.
  const start = Date.UTC(birthYearFrom, 0, 1);
  const days = (Date.UTC(birthYearTo + 1, 0, 1) - start) / DAY_MS;
  const birth = new Date(start + randomInt(rng, 0, days - 1) * DAY_MS).toISOString().slice(0, 10).replaceAll('-', '');

  // Sequence 001–999; its last digit is odd for men and even for women.
  const gender = options.gender ?? (rng() < 0.5 ? 'male' : 'female');
  let sequence = randomInt(rng, 0, 499) * 2 + (gender === 'male' ? 1 : 0);
  if (sequence === 0) sequence = 2;

  const first17 = region + birth + String(sequence).padStart(3, '0');
  return first17 + idCheckChar(first17);
}

// Prefixes of the three carriers in wide use; virtual-operator ranges (170, 171) are avoided.
const MOBILE_PREFIXES = [
  '130',
  '131',
  '132',
  '133',
  '134',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '153',
  '155',
  '156',
  '157',
  '158',
  '159',
  '173',
  '175',
  '176',
  '177',
  '178',
  '180',
  '181',
  '182',
  '183',
  '184',
  '185',
  '186',
  '187',
  '188',
  '189',
  '191',
  '193',
  '195',
  '198',
  '199',
] as const;

export function randomMobile(rng: Rng): string {
  return pick(rng, MOBILE_PREFIXES) + String(randomInt(rng, 0, 99_999_999)).padStart(8, '0');
}

// Reserved example domains (RFC 2606): demo addresses must never reach a real mailbox.
const EMAIL_DOMAINS = ['example.com', 'example.net', 'example.org'] as const;
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/**
 * A plausible personal address. `localHint` (ASCII, e.g. a pinyin name) is used as the local part
 * when given; otherwise about half are numeric (QQ-style) local parts, as is common in China.
 */
export function randomEmail(rng: Rng, localHint?: string): string {
  const hint = localHint?.toLowerCase().replace(/[^a-z0-9._]/g, '');
  if (hint) return `${hint}${randomInt(rng, 1, 9999)}@${pick(rng, EMAIL_DOMAINS)}`;
  if (rng() < 0.5) return `${randomInt(rng, 10_000_000, 2_999_999_999)}@${pick(rng, EMAIL_DOMAINS)}`;
  let local = '';
  const length = randomInt(rng, 4, 8);
  for (let i = 0; i < length; i++) local += LETTERS[randomInt(rng, 0, LETTERS.length - 1)];
  return `${local}${randomInt(rng, 10, 999)}@${pick(rng, EMAIL_DOMAINS)}`;
}
