import { describe, expect, it } from 'vitest';
import { SeenRows, type RecordTime } from './seen-rows';

const t = (startDate: string, startHalf: string, endDate: string, endHalf: string): RecordTime => ({
  startDate,
  startHalf,
  endDate,
  endHalf,
});

describe('SeenRows', () => {
  it('finds the first row of the same person and time, and nothing for any other person or time', () => {
    const seen = new SeenRows();
    const a = t('2024-05-06', 'am', '2024-05-07', 'pm');
    expect(seen.get(7, a)).toBeUndefined();
    seen.add(7, a, 2);
    expect(seen.get(7, { ...a })).toBe(2);
    // Each part of the time, and the person, tells rows apart.
    for (const other of [
      t('2024-05-06', 'pm', '2024-05-07', 'pm'),
      t('2024-05-06', 'am', '2024-05-07', 'am'),
      t('2024-05-05', 'am', '2024-05-07', 'pm'),
      t('2024-05-06', 'am', '2024-05-08', 'pm'),
      t('2025-05-06', 'am', '2025-05-07', 'pm'),
    ]) {
      expect(seen.get(7, other)).toBeUndefined();
    }
    expect(seen.get(8, a)).toBeUndefined();
  });

  it('keeps a person’s further rows, a row number beyond the packed range and dates outside it', () => {
    const seen = new SeenRows();
    const days = Array.from({ length: 50 }, (_, i) =>
      t(
        `2024-03-${String(1 + (i % 28)).padStart(2, '0')}`,
        i < 28 ? 'am' : 'pm',
        `2024-03-${String(1 + (i % 28)).padStart(2, '0')}`,
        'pm',
      ),
    );
    days.forEach((d, i) => seen.add(42, d, 100 + i));
    days.forEach((d, i) => expect(seen.get(42, d)).toBe(100 + i));
    const early = t('1969-12-31', 'am', '1969-12-31', 'pm');
    seen.add(43, early, 5);
    expect(seen.get(43, early)).toBe(5);
    const far = t('2024-01-02', 'am', '2024-01-02', 'am');
    seen.add(44, far, 3_000_000);
    expect(seen.get(44, far)).toBe(3_000_000);
    expect(seen.get(44, t('2024-01-02', 'am', '2024-01-02', 'pm'))).toBeUndefined();
  });
});
