import { afterEach, describe, expect, it } from 'vitest';
import { advance, endOfShanghaiDay, now, resetClock, setNow, shanghaiDate, shanghaiYear } from './clock';

afterEach(() => resetClock());

describe('clock', () => {
  it('reads Shanghai dates: 16:30 UTC on Dec 31 is already Jan 1 in Shanghai', () => {
    setNow('2024-12-31T16:30:00Z');
    expect(shanghaiDate()).toBe('2025-01-01');
    expect(shanghaiYear()).toBe(2025);
    setNow('2024-12-31T15:59:59Z');
    expect(shanghaiDate()).toBe('2024-12-31');
  });

  it('ends a Shanghai day at 16:00 UTC', () => {
    expect(endOfShanghaiDay('2025-03-31').toISOString()).toBe('2025-03-31T16:00:00.000Z');
  });

  it('can be frozen and advanced', () => {
    setNow('2024-06-01T00:00:00Z');
    advance(90_000);
    expect(now().toISOString()).toBe('2024-06-01T00:01:30.000Z');
  });
});
