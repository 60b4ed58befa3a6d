import { describe, it, expect } from 'vitest';
import { CITY_CODES, COUNTY_CODES, GUANGXI_REGIONS, PROVINCE_CODE, regionName } from './regions.js';
import { INDUSTRIES } from './industries.js';
import { TRAINING_BASES } from './training-bases.js';

describe('GUANGXI_REGIONS', () => {
  it('has the autonomous region as the single root', () => {
    const roots = GUANGXI_REGIONS.filter((r) => r.parentCode === null);
    expect(roots).toEqual([{ code: '450000', name: '广西壮族自治区', parentCode: null, level: 'province' }]);
    expect(PROVINCE_CODE).toBe('450000');
  });

  it('lists the 14 prefecture-level cities with their GB/T 2260 codes', () => {
    const cities = GUANGXI_REGIONS.filter((r) => r.level === 'city');
    expect(cities.map((c) => [c.code, c.name])).toEqual([
      ['450100', '南宁市'],
      ['450200', '柳州市'],
      ['450300', '桂林市'],
      ['450400', '梧州市'],
      ['450500', '北海市'],
      ['450600', '防城港市'],
      ['450700', '钦州市'],
      ['450800', '贵港市'],
      ['450900', '玉林市'],
      ['451000', '百色市'],
      ['451100', '贺州市'],
      ['451200', '河池市'],
      ['451300', '来宾市'],
      ['451400', '崇左市'],
    ]);
    expect(cities.every((c) => c.parentCode === '450000')).toBe(true);
    expect(CITY_CODES).toEqual(cities.map((c) => c.code));
  });

  it('files every county under a listed city whose code prefix it shares', () => {
    const counties = GUANGXI_REGIONS.filter((r) => r.level === 'county');
    for (const county of counties) {
      expect(CITY_CODES, county.name).toContain(county.parentCode);
      expect(county.code.slice(0, 4), county.name).toBe(county.parentCode!.slice(0, 4));
      expect(county.code, county.name).toMatch(/^45\d{4}$/);
      expect(county.code.slice(4), county.name).not.toBe('00');
    }
  });

  it('has 111 county-level divisions: 41 districts, 10 cities, 12 autonomous counties, 48 counties', () => {
    const names = GUANGXI_REGIONS.filter((r) => r.level === 'county').map((r) => r.name);
    expect(names).toHaveLength(111);
    expect(COUNTY_CODES).toHaveLength(111);
    const autonomous = names.filter((n) => n.endsWith('自治县'));
    expect(names.filter((n) => n.endsWith('区'))).toHaveLength(41);
    expect(names.filter((n) => n.endsWith('市'))).toHaveLength(10);
    expect(autonomous).toHaveLength(12);
    expect(names.filter((n) => n.endsWith('县')).length - autonomous.length).toBe(48);
  });

  it('uses the current codes after the recent re-designations', () => {
    expect(regionName('450181')).toBe('横州市');
    expect(regionName('450381')).toBe('荔浦市');
    expect(regionName('451082')).toBe('平果市');
    expect(regionName('451081')).toBe('靖西市');
    expect(regionName('451003')).toBe('田阳区');
    expect(regionName('450127')).toBeUndefined(); // 横县, retired in 2021
  });

  it('has unique codes and unique names within each city', () => {
    const codes = GUANGXI_REGIONS.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    const keys = GUANGXI_REGIONS.map((r) => `${r.parentCode}/${r.name}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('INDUSTRIES', () => {
  it('has the 20 sections A–T of GB/T 4754-2017', () => {
    expect(INDUSTRIES.map((i) => i.code).join('')).toBe('ABCDEFGHIJKLMNOPQRST');
    expect(INDUSTRIES[0]).toEqual({ code: 'A', name: '农、林、牧、渔业' });
    expect(INDUSTRIES[19]).toEqual({ code: 'T', name: '国际组织' });
    expect(new Set(INDUSTRIES.map((i) => i.name)).size).toBe(20);
  });
});

describe('TRAINING_BASES', () => {
  it('counts 5 national, 39 regional and 4 dual bases, one entry per organization', () => {
    expect(TRAINING_BASES.filter((b) => b.national)).toHaveLength(5);
    expect(TRAINING_BASES.filter((b) => b.regionalBatch !== null)).toHaveLength(39);
    expect(
      TRAINING_BASES.filter((b) => b.dual)
        .map((b) => b.name)
        .sort(),
    ).toEqual(['广西大学', '广西医科大学', '桂林旅游学院', '广西师范大学'].sort());
    expect(TRAINING_BASES).toHaveLength(40);
    expect(new Set(TRAINING_BASES.map((b) => b.name)).size).toBe(40);
  });

  it('marks dual exactly when a base is both national and regional', () => {
    for (const b of TRAINING_BASES) expect(b.dual, b.name).toBe(b.national && b.regionalBatch !== null);
  });

  it('keeps the training centre national only', () => {
    const centre = TRAINING_BASES.find((b) => b.name === '广西壮族自治区人力资源和社会保障培训中心');
    expect(centre).toMatchObject({ national: true, regionalBatch: null, dual: false, phone: '0771-5595211' });
  });

  it('uses the batches 第一批 … 第十批 and well-formed phones', () => {
    const batches = new Set([
      '第一批',
      '第二批',
      '第三批',
      '第四批',
      '第五批',
      '第六批',
      '第七批',
      '第八批',
      '第九批',
      '第十批',
    ]);
    for (const b of TRAINING_BASES) {
      if (b.regionalBatch !== null) expect(batches, b.name).toContain(b.regionalBatch);
      expect(b.phone, b.name).toMatch(/^(0\d{3}-\d{7}|1\d{10})$/);
    }
  });

  it('locates every base in one of the 14 cities, consistent with its area code', () => {
    const areaCodeCity: Record<string, string> = {
      '0771': '450100',
      '0772': '450200',
      '0773': '450300',
      '0775': '450900',
      '0776': '451000',
      '0777': '450700',
    };
    for (const b of TRAINING_BASES) {
      expect(CITY_CODES, b.name).toContain(b.cityCode);
      const expected = areaCodeCity[b.phone.slice(0, 4)];
      if (expected) expect(b.cityCode, b.name).toBe(expected);
    }
  });

  it('copies sample entries verbatim from the notice', () => {
    expect(TRAINING_BASES.find((b) => b.name === '广西玉柴机器集团有限公司')).toMatchObject({
      phone: '13768981690',
      regionalBatch: '第七批',
      cityCode: '450900',
    });
    expect(TRAINING_BASES.find((b) => b.name === '柳州城市职业学院')).toMatchObject({
      phone: '0772-2756168',
      regionalBatch: '第十批',
    });
    expect(TRAINING_BASES.find((b) => b.name === '桂林旅游学院')).toMatchObject({
      regionalBatch: '第一批',
      dual: true,
    });
  });
});
