import { describe, expect, it } from 'vitest';
import { choiceOptions } from './filters';

describe('choiceOptions', () => {
  const labels = { pending: '待审核', filed: '已备案', returned: '退回' } as const;

  it('lists a label map in its own order', () => {
    expect(choiceOptions(labels)).toEqual([
      { value: 'pending', label: '待审核' },
      { value: 'filed', label: '已备案' },
      { value: 'returned', label: '退回' },
    ]);
  });

  it('follows the order it is given, leaving out what it is not given', () => {
    expect(choiceOptions(labels, ['returned', 'pending'])).toEqual([
      { value: 'returned', label: '退回' },
      { value: 'pending', label: '待审核' },
    ]);
  });
});
