import { describe, expect, it } from 'vitest';
import { decodeParams, encodeParams, isIsoDate, param, patchParams } from './url-params';

const STATUSES = ['draft', 'pending', 'approved', 'rejected'] as const;

const LIST = {
  page: param.page(),
  pageSize: param.pageSize(),
  status: param.oneOf(STATUSES),
  year: param.int({ min: 2000, max: 2100 }),
  q: param.text({ max: 30 }),
  from: param.date(),
  fresh: param.bool(),
  sort: param.sort(['name', 'issuedAt'] as const),
};

const decode = (s: string) => decodeParams(LIST, new URLSearchParams(s));

describe('list URL parameters', () => {
  it('reads an empty URL as page 1 of 20 with no filter', () => {
    expect(decode('')).toEqual({
      page: 1,
      pageSize: 20,
      status: undefined,
      year: undefined,
      q: undefined,
      from: undefined,
      fresh: undefined,
      sort: undefined,
    });
  });

  it('round-trips every kind of value', () => {
    const values = {
      page: 3,
      pageSize: 50,
      status: 'approved' as const,
      year: 2024,
      q: '张三',
      from: '2024-02-29',
      fresh: false,
      sort: { field: 'issuedAt' as const, order: 'desc' as const },
    };
    const url = encodeParams(LIST, values);
    expect(url.toString()).toBe(
      'page=3&pageSize=50&status=approved&year=2024&q=%E5%BC%A0%E4%B8%89&from=2024-02-29&fresh=false&sort=-issuedAt',
    );
    expect(decodeParams(LIST, url)).toEqual(values);
  });

  it('leaves page 1 and the default page size out of the URL', () => {
    expect(encodeParams(LIST, { page: 1, pageSize: 20, year: 2025 }).toString()).toBe('year=2025');
  });

  it('ignores what a user may type into the URL', () => {
    expect(decode('page=0&pageSize=-5&status=deleted&year=1999&from=2024-02-30&fresh=yes&sort=password')).toEqual(
      decode(''),
    );
    expect(decode('page=abc&pageSize=1.5&year=20x4&from=24-1-1&sort=-').page).toBe(1);
    expect(decode('year=2101').year).toBeUndefined();
  });

  it('caps a huge page or page size instead of failing', () => {
    expect(decode('page=99999999&pageSize=100000')).toMatchObject({ page: 100000, pageSize: 200 });
  });

  it('trims the search text and cuts it to its length', () => {
    expect(decode('q=%20%20').q).toBeUndefined();
    expect(decode(`q=${'一'.repeat(40)}`).q).toBe('一'.repeat(30));
    expect(decode('q=%20王五%20').q).toBe('王五');
  });

  it('reads the sort direction from the leading minus', () => {
    expect(decode('sort=name').sort).toEqual({ field: 'name', order: 'asc' });
    expect(decode('sort=-name').sort).toEqual({ field: 'name', order: 'desc' });
  });

  it('uses the fallback of an enum with a default', () => {
    const schema = { status: param.oneOf(STATUSES, 'approved') };
    expect(decodeParams(schema, new URLSearchParams('status=nope')).status).toBe('approved');
    expect(decodeParams(schema, new URLSearchParams('status=draft')).status).toBe('draft');
  });
});

describe('changing the list state', () => {
  const patch = (url: string, p: Parameters<typeof patchParams<typeof LIST>>[2]) =>
    patchParams(LIST, new URLSearchParams(url), p).toString();

  it('goes back to page 1 when a filter changes', () => {
    expect(patch('page=4&year=2024', { status: 'pending' })).toBe('year=2024&status=pending');
    expect(patch('page=4&sort=name', { sort: { field: 'name', order: 'desc' } })).toBe('sort=-name');
  });

  it('keeps the page when the patch sets it', () => {
    expect(patch('year=2024', { page: 2, pageSize: 50 })).toBe('year=2024&page=2&pageSize=50');
    expect(patch('page=2&pageSize=50', { page: 1, pageSize: 20 })).toBe('');
  });

  it('removes a filter set to undefined and keeps parameters it does not know', () => {
    expect(patch('tab=details&status=draft&page=3', { status: undefined })).toBe('tab=details');
  });
});

describe('isIsoDate', () => {
  it('accepts real dates only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-13-01')).toBe(false);
    expect(isIsoDate('2024-1-01')).toBe(false);
  });
});

describe('the shared 年度 and paging parameters', () => {
  const SHORT = { ...param.paging(10, 50), year: param.year() };
  const read = (s: string) => decodeParams(SHORT, new URLSearchParams(s));

  it('reads a year inside 2000–2100 and drops one outside', () => {
    expect(read('year=2024').year).toBe(2024);
    expect(read('year=1999').year).toBeUndefined();
    expect(read('year=2101').year).toBeUndefined();
  });

  it('gives page and page size with the list’s own default and largest size', () => {
    expect(read('')).toEqual({ page: 1, pageSize: 10, year: undefined });
    expect(read('page=3&pageSize=500')).toEqual({ page: 3, pageSize: 50, year: undefined });
    expect(encodeParams(SHORT, { page: 1, pageSize: 10, year: 2024 }).toString()).toBe('year=2024');
  });
});
