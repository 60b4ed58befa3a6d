/**
 * The one source of "now". Deadlines (Dec 31, Mar 31) are Asia/Shanghai dates; every read of the
 * current time goes through here so tests can move it.
 */
export const TIME_ZONE = 'Asia/Shanghai';
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000; // China has no daylight saving time.

let offsetMs = 0;
let frozenAt: number | null = null;

export function now(): Date {
  return new Date(frozenAt ?? Date.now() + offsetMs);
}

/** Test hook: pin the clock to an instant (or move it with `freeze: false` so it keeps ticking). */
export function setNow(at: Date | string, opts: { freeze?: boolean } = {}): void {
  const t = new Date(at).getTime();
  if (Number.isNaN(t)) throw new Error(`setNow: invalid date ${String(at)}`);
  if (opts.freeze ?? true) {
    frozenAt = t;
  } else {
    frozenAt = null;
    offsetMs = t - Date.now();
  }
}

export function advance(ms: number): void {
  if (frozenAt !== null) frozenAt += ms;
  else offsetMs += ms;
}

export function resetClock(): void {
  offsetMs = 0;
  frozenAt = null;
}

/** The calendar date in Shanghai, YYYY-MM-DD. */
export function shanghaiDate(at: Date = now()): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

export function shanghaiYear(at: Date = now()): number {
  return Number(shanghaiDate(at).slice(0, 4));
}

/** The instant at which a Shanghai calendar day ends (i.e. 00:00 of the next day in Shanghai). */
export function endOfShanghaiDay(date: string): Date {
  const startUtc = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(startUtc)) throw new Error(`invalid date ${date}`);
  return new Date(startUtc - SHANGHAI_OFFSET_MS + 24 * 60 * 60 * 1000);
}

/** Shanghai local date-time text for display: 2024-05-06 14:03. */
export function formatShanghai(at: Date): string {
  const s = new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString();
  return `${s.slice(0, 10)} ${s.slice(11, 16)}`;
}
