import { numeric, timestamp } from 'drizzle-orm/pg-core';

/** Hours are numeric(6,1) in the database and plain numbers in code; converted here, once. */
export const hoursColumn = (name: string) => numeric(name, { precision: 6, scale: 1, mode: 'number' });

export const tstz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
