import { describe, expect, it } from 'vitest';
import { maskSensitive } from './log-redaction';

describe('log redaction', () => {
  it('masks ID numbers inside URLs and text', () => {
    expect(maskSensitive('/api/staff?q=45010219900101123X&page=1')).toBe('/api/staff?q=450102********123X&page=1');
  });
  it('leaves other numbers alone', () => {
    expect(maskSensitive('/api/records/123456')).toBe('/api/records/123456');
  });
});
