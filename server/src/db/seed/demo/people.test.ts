import { describe, it, expect } from 'vitest';
import { validateIdNumber } from '../../../domain/id-number.js';
import { COUNTY_CODES } from '../reference/regions.js';
import { createRng, randomChineseName, randomEmail, randomIdNumber, randomMobile } from './people.js';

const TODAY = '2024-06-01';

describe('createRng', () => {
  it('is deterministic per seed and stays in [0, 1)', () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const seqA = Array.from({ length: 100 }, a);
    expect(Array.from({ length: 100 }, b)).toEqual(seqA);
    expect(Array.from({ length: 100 }, c)).not.toEqual(seqA);
    expect(seqA.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});

describe('randomIdNumber', () => {
  it('produces 1,000 valid, unique Guangxi ID numbers for a fixed seed', () => {
    const rng = createRng(20240418);
    const ids = Array.from({ length: 1000 }, () => randomIdNumber(rng, { birthYearFrom: 1960, birthYearTo: 2002 }));
    for (const id of ids) {
      const result = validateIdNumber(id, TODAY);
      expect(result, id).toMatchObject({ ok: true });
      if (result.ok) {
        expect(COUNTY_CODES, id).toContain(result.regionCode);
        expect(result.birthDate >= '1960-01-01' && result.birthDate <= '2002-12-31', id).toBe(true);
      }
    }
    expect(new Set(ids).size).toBe(1000);
  });

  it('honours region, gender and a single-year range, including leap days', () => {
    const rng = createRng(7);
    for (let i = 0; i < 300; i++) {
      const gender = i % 2 === 0 ? 'male' : 'female';
      const id = randomIdNumber(rng, { regionCode: '450103', birthYearFrom: 2000, birthYearTo: 2000, gender });
      expect(validateIdNumber(id, TODAY)).toMatchObject({ ok: true, regionCode: '450103', gender });
      expect(id.slice(6, 10)).toBe('2000');
    }
  });

  it('rejects an inverted year range', () => {
    expect(() => randomIdNumber(createRng(1), { birthYearFrom: 1990, birthYearTo: 1980 })).toThrow();
  });
});

describe('people details', () => {
  it('generates two- to four-character Chinese names', () => {
    const rng = createRng(3);
    for (let i = 0; i < 200; i++) expect(randomChineseName(rng)).toMatch(/^[\u4e00-\u9fff]{2,4}$/);
  });

  it('generates 11-digit mobiles with real carrier prefixes', () => {
    const rng = createRng(5);
    for (let i = 0; i < 200; i++) expect(randomMobile(rng)).toMatch(/^1(3\d|5[0-35-9]|7[35-8]|8\d|9[13589])\d{8}$/);
  });

  it('generates well-formed e-mail addresses', () => {
    const rng = createRng(9);
    // Reserved example domains only: demo addresses must never reach a real mailbox.
    for (let i = 0; i < 200; i++) expect(randomEmail(rng)).toMatch(/^[a-z0-9._]+@example\.(com|net|org)$/);
    expect(randomEmail(rng, 'Wang Lei')).toMatch(/^wanglei\d{1,4}@/);
  });
});
