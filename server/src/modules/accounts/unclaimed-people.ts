import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { encryptPii, idNumberHash } from '../../db/pii';

/** A person hours are recorded for before they have a login (an industry system's push, a class's trainee). */
export interface UnclaimedPerson {
  idNumber: string;
  name: string;
  unitId: number;
  gender: string;
  birthDate: string;
}

/**
 * Creates professionals without a password, in one statement: they cannot log in, and their 注册 with the
 * same ID number and name claims the account with its records (register-professional.ts). Returns each
 * new account by the keyed hash of its ID number. The caller has checked that none exists yet.
 */
export async function createUnclaimedPeople(
  tx: Db,
  people: readonly UnclaimedPerson[],
  at: Date,
): Promise<Map<string, { id: number; unitId: number }>> {
  const out = new Map<string, { id: number; unitId: number }>();
  if (!people.length) return out;
  const rows = people.map((p) => ({
    username: idNumberHash(p.idNumber),
    id_number_enc: encryptPii(p.idNumber),
    name: p.name,
    gender: p.gender,
    birth_date: p.birthDate,
    unit_id: p.unitId,
  }));
  const created = (
    await tx.execute(sql`
      INSERT INTO accounts (kind, realm, username, password_hash, must_change_password, login_enabled, name, id_number_enc,
                            id_number_hmac, gender, birth_date, unit_id, pending_confirmation, created_at, updated_at)
      SELECT 'professional', 'person', x.username, '', false, false, x.name, x.id_number_enc, x.username, x.gender,
             x.birth_date, x.unit_id, false, ${at}, ${at}
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
           AS x(username text, id_number_enc text, name text, gender text, birth_date date, unit_id integer)
      RETURNING id, id_number_hmac, unit_id`)
  ).rows as Array<{ id: number; id_number_hmac: string; unit_id: number }>;
  for (const c of created) out.set(c.id_number_hmac, { id: Number(c.id), unitId: Number(c.unit_id) });
  return out;
}
