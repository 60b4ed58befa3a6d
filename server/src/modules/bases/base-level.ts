import type { BaseLevel } from '@ptce/contracts';

/** 国家级 / 自治区级 / 双基地 from the notice's columns: `national`, the regional batch, and `dual` when both. */
export function levelOf(b: { national: boolean; regionalBatch: string | null }): BaseLevel {
  if (b.national && b.regionalBatch) return 'dual';
  return b.national ? 'national' : 'regional';
}

/** The columns a level and batch are stored in. */
export function levelColumns(level: BaseLevel, batch: string | null) {
  const regionalBatch = level === 'national' ? null : batch;
  return { national: level !== 'regional', regionalBatch, dual: level === 'dual' };
}
