import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';

/** The next 备案号 of a year, 桂继教备〔2026〕0001号; the counter row serializes concurrent acceptances. */
export async function nextFilingNo(tx: Db, year: number): Promise<string> {
  const r = await tx.execute<{ last_no: number }>(sql`
    INSERT INTO training_filing_numbers (year, last_no) VALUES (${year}, 1)
    ON CONFLICT (year) DO UPDATE SET last_no = training_filing_numbers.last_no + 1
    RETURNING last_no`);
  return `桂继教备〔${year}〕${String(r.rows[0]!.last_no).padStart(4, '0')}号`;
}
