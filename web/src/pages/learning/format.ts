/** 2400 → "40分钟", 750 → "12分30秒", 30 → "30秒". */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = s % 60;
  if (h) return `${h}小时${m ? `${m}分钟` : ''}`;
  if (m) return r ? `${m}分${r}秒` : `${m}分钟`;
  return `${r}秒`;
}

export function percentOf(done: number, total: number): number {
  return total > 0 ? Math.min(100, Math.floor((done * 100) / total)) : 0;
}

/** Hours as the notice writes them: 15学时, 7.5学时. */
export function formatHours(h: number): string {
  return `${Number.isInteger(h) ? h : h.toFixed(1)}学时`;
}

/** The last Shanghai day of a window that ends at `until` (exclusive): the day before that instant. */
export function lastDayOf(until: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.parse(until) - 1));
}
