import type { HalfDay } from './hours';

// Apart from the schemas in hours.ts, so a page that only prints a date range does not load zod for it.
export const HALF_DAY_LABEL: Record<HalfDay, string> = { am: '上午', pm: '下午' };
