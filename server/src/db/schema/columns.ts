import { sql } from 'drizzle-orm';
import { numeric, timestamp, type AnyPgColumn } from 'drizzle-orm/pg-core';

/** Hours are numeric(6,1) in the database and plain numbers in code; converted here, once. */
export const hoursColumn = (name: string) => numeric(name, { precision: 6, scale: 1, mode: 'number' });

export const tstz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** `column IN ('a', 'b', …)`, for a check constraint over the values the code knows. */
export const oneOf = (column: AnyPgColumn, values: readonly string[]) =>
  sql`${column} IN (${sql.raw(values.map((v) => `'${v.replaceAll("'", "''")}'`).join(', '))})`;
