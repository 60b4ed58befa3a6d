/**
 * 行政区划代码 (GB/T 2260): a province code ends in 0000, a city (地级市) code in 00.
 * 450000 → '45', 450100 → '4501', 450102 → '450102'.
 */
export function regionPrefix(code: string): string {
  if (code.endsWith('0000')) return code.slice(0, 2);
  if (code.endsWith('00')) return code.slice(0, 4);
  return code;
}

/** Whether the region `code` lies within `limit` (the region itself or one under it). */
export function regionCovers(limit: string, code: string): boolean {
  return code.startsWith(regionPrefix(limit));
}
