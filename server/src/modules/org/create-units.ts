import type { IssuedPassword, UnitInput } from '@ptce/contracts';
import { now } from '../../clock';
import { hashPassword } from '../../auth/passwords';
import type { Db } from '../../db/client';
import { accounts, units } from '../../db/schema/index';
import type { Caller } from '../auth/index';
import { writeAudit } from '../audit/index';
import { INITIAL_PASSWORD_TTL_MS, randomPassword } from './reset-password';

/** A unit ready to be written: checked (credit code valid and free, references exist, in the caller's region). */
export type NewUnit = Omit<UnitInput, 'unitType'> & { unitType: UnitInput['unitType'] };

export interface CreatedUnit {
  id: number;
  name: string;
  account: IssuedPassword;
}

// Hashes run on the thread pool; a few at a time keeps a large import from starving other requests.
const HASH_PARALLEL = 4;

/**
 * The one writer of units: each unit with its 单位账号 (username = credit code; a random initial password,
 * changed at first login and refused 7 days after creation if unused) and an audit entry, inside the
 * caller's transaction. 新增单位 writes one, 批量导入单位 many. The passwords are returned to be shown
 * once; only their hashes are stored.
 */
export async function insertUnits(
  tx: Db,
  ctx: Caller,
  rows: readonly NewUnit[],
  audit: { importJobId?: number } = {},
): Promise<CreatedUnit[]> {
  const created: CreatedUnit[] = [];
  for (let i = 0; i < rows.length; i += HASH_PARALLEL) {
    const chunk = rows.slice(i, i + HASH_PARALLEL);
    const passwords = chunk.map(() => randomPassword());
    const hashes = await Promise.all(passwords.map((p) => hashPassword(p)));
    for (let j = 0; j < chunk.length; j++) {
      const input = chunk[j]!;
      const at = now();
      const expires = new Date(at.getTime() + INITIAL_PASSWORD_TTL_MS);
      const [unit] = await tx
        .insert(units)
        .values({ ...input, createdAt: at, updatedAt: at })
        .returning({ id: units.id, name: units.name });
      const [account] = await tx
        .insert(accounts)
        .values({
          kind: 'unit_account',
          realm: 'unit',
          username: input.creditCode,
          passwordHash: hashes[j]!,
          mustChangePassword: true,
          passwordExpiresAt: expires,
          loginEnabled: true,
          name: unit!.name,
          unitId: unit!.id,
          passwordChangedAt: at,
          createdAt: at,
          updatedAt: at,
        })
        .returning({ id: accounts.id });
      await writeAudit(tx, ctx, {
        action: 'org.unit.create',
        targetType: 'unit',
        targetId: unit!.id,
        detail: {
          name: unit!.name,
          creditCode: input.creditCode,
          accountId: account!.id,
          passwordExpiresAt: expires.toISOString(),
          ...(audit.importJobId ? { importJobId: audit.importJobId } : {}),
        },
      });
      created.push({
        id: unit!.id,
        name: unit!.name,
        account: { username: input.creditCode, password: passwords[j]!, expiresAt: expires.toISOString() },
      });
    }
  }
  return created;
}
