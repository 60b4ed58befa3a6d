import type { BaseRow } from '@ptce/contracts';

/** 有效期 as one line: both ends, one end, or 长期. */
export function validityText(b: Pick<BaseRow, 'validFrom' | 'validTo'>): string {
  if (b.validFrom && b.validTo) return `${b.validFrom} 至 ${b.validTo}`;
  if (b.validFrom) return `${b.validFrom} 起`;
  if (b.validTo) return `至 ${b.validTo}`;
  return '长期';
}
