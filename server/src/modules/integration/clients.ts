import type { IntegrationClientRequest, IntegrationClientRow, IntegrationSecret } from '@ptce/contracts';
import crypto from 'node:crypto';
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { now } from '../../clock';
import type { Db } from '../../db/client';
import { accounts, integrationClients, integrationKeys, units } from '../../db/schema/index';
import { invalid, notFound } from '../../errors';
import type { Caller } from '../auth/index';
import { writeAudit } from '../audit/index';
import { newKeyPair } from './signature';

async function checkUnits(db: Db, unitIds: number[]): Promise<void> {
  if (!unitIds.length) return;
  const found = await db.select({ id: units.id }).from(units).where(inArray(units.id, unitIds));
  if (found.length !== new Set(unitIds).size) throw invalid('unitIds', '所选单位不存在');
}

async function addKey(tx: Db, clientId: number): Promise<{ keyId: string; secret: string }> {
  const pair = newKeyPair();
  // The secret is stored encrypted (integrationKeys.secret is an AES-GCM column): an HMAC needs it back.
  await tx.insert(integrationKeys).values({ clientId, keyId: pair.keyId, secret: pair.secret, createdAt: now() });
  return pair;
}

/** 新增接口客户端: a machine account for the industry system, its scope and a first key (secret shown once). */
export async function registerClient(ctx: Caller, input: IntegrationClientRequest): Promise<IntegrationSecret> {
  await checkUnits(ctx.db, input.unitIds);
  return ctx.db.transaction(async (tx) => {
    const at = now();
    const [account] = await tx
      .insert(accounts)
      .values({
        kind: 'integration',
        realm: 'machine',
        username: `integration-${crypto.randomBytes(6).toString('hex')}`,
        passwordHash: '', // never logs in: the machine realm has no login, and every call is signed
        loginEnabled: false,
        name: input.name,
        createdAt: at,
        updatedAt: at,
      })
      .returning({ id: accounts.id });
    const [client] = await tx
      .insert(integrationClients)
      .values({
        accountId: account!.id,
        name: input.name,
        industryCodes: [...new Set(input.industryCodes)],
        unitIds: [...new Set(input.unitIds)],
        rateLimitPerMinute: input.rateLimitPerMinute ?? 120,
        createdAt: at,
        updatedAt: at,
      })
      .returning({ id: integrationClients.id });
    const key = await addKey(tx, client!.id);
    await writeAudit(tx, ctx, {
      action: 'integration.client.create',
      targetType: 'integration_client',
      targetId: client!.id,
      detail: { name: input.name, industryCodes: input.industryCodes, unitIds: input.unitIds, keyId: key.keyId },
    });
    return { clientId: client!.id, keyId: key.keyId, secret: key.secret, previousKeyExpiresAt: null };
  });
}

/** 修改: name, scope and rate limit. */
export async function updateClient(ctx: Caller, id: number, input: IntegrationClientRequest): Promise<void> {
  await checkUnits(ctx.db, input.unitIds);
  await ctx.db.transaction(async (tx) => {
    const updated = await tx
      .update(integrationClients)
      .set({
        name: input.name,
        industryCodes: [...new Set(input.industryCodes)],
        unitIds: [...new Set(input.unitIds)],
        ...(input.rateLimitPerMinute ? { rateLimitPerMinute: input.rateLimitPerMinute } : {}),
        updatedAt: now(),
      })
      .where(eq(integrationClients.id, id))
      .returning({ accountId: integrationClients.accountId });
    if (!updated.length) throw notFound('接口客户端');
    await tx.update(accounts).set({ name: input.name }).where(eq(accounts.id, updated[0]!.accountId));
    await writeAudit(tx, ctx, {
      action: 'integration.client.update',
      targetType: 'integration_client',
      targetId: id,
      detail: { name: input.name, industryCodes: input.industryCodes, unitIds: input.unitIds },
    });
  });
}

/**
 * 更换密钥: a new key (secret shown once); the current one keeps working for `overlapHours` so the
 * industry system can switch without a gap. Keys already expiring keep their earlier expiry.
 */
export async function rotateKey(ctx: Caller, id: number, overlapHours: number): Promise<IntegrationSecret> {
  return ctx.db.transaction(async (tx) => {
    const [client] = await tx
      .select({ id: integrationClients.id })
      .from(integrationClients)
      .where(eq(integrationClients.id, id))
      .for('update');
    if (!client) throw notFound('接口客户端');
    const expiresAt = new Date(now().getTime() + overlapHours * 3_600_000);
    await tx
      .update(integrationKeys)
      .set({ expiresAt })
      .where(and(eq(integrationKeys.clientId, id), isNull(integrationKeys.expiresAt)));
    const key = await addKey(tx, id);
    await writeAudit(tx, ctx, {
      action: 'integration.client.rotate',
      targetType: 'integration_client',
      targetId: id,
      detail: { keyId: key.keyId, previousKeyExpiresAt: expiresAt.toISOString(), overlapHours },
    });
    return { clientId: id, keyId: key.keyId, secret: key.secret, previousKeyExpiresAt: expiresAt.toISOString() };
  });
}

/** 停用 / 启用. A disabled client's signed calls are refused with CLIENT_DISABLED. */
export async function setClientEnabled(ctx: Caller, id: number, enabled: boolean): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const r = await tx
      .update(integrationClients)
      .set({ enabled, updatedAt: now() })
      .where(eq(integrationClients.id, id))
      .returning({ id: integrationClients.id });
    if (!r.length) throw notFound('接口客户端');
    await writeAudit(tx, ctx, {
      action: enabled ? 'integration.client.enable' : 'integration.client.disable',
      targetType: 'integration_client',
      targetId: id,
    });
  });
}

/** 行业接口管理: every client with its scope, keys (never their secrets) and last call. */
export async function listClients(db: Db): Promise<IntegrationClientRow[]> {
  const clients = await db.select().from(integrationClients).orderBy(asc(integrationClients.id));
  if (!clients.length) return [];
  const keys = await db
    .select({
      clientId: integrationKeys.clientId,
      keyId: integrationKeys.keyId,
      createdAt: integrationKeys.createdAt,
      expiresAt: integrationKeys.expiresAt,
    })
    .from(integrationKeys)
    .where(
      and(
        inArray(
          integrationKeys.clientId,
          clients.map((c) => c.id),
        ),
        sql`(${integrationKeys.expiresAt} IS NULL OR ${integrationKeys.expiresAt} > ${now()})`,
      ),
    )
    .orderBy(asc(integrationKeys.id));
  const unitIds = [...new Set(clients.flatMap((c) => c.unitIds))];
  const unitNames = new Map(
    unitIds.length
      ? (await db.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, unitIds))).map(
          (u) => [u.id, u.name] as const,
        )
      : [],
  );
  return clients.map((c) => ({
    id: c.id,
    name: c.name,
    industryCodes: c.industryCodes,
    unitIds: c.unitIds,
    unitNames: c.unitIds.map((u) => unitNames.get(u) ?? String(u)),
    rateLimitPerMinute: c.rateLimitPerMinute,
    enabled: c.enabled,
    keys: keys
      .filter((k) => k.clientId === c.id)
      .map((k) => ({
        keyId: k.keyId,
        createdAt: k.createdAt.toISOString(),
        expiresAt: k.expiresAt?.toISOString() ?? null,
      })),
    lastCallAt: c.lastCallAt?.toISOString() ?? null,
    lastCallEndpoint: c.lastCallEndpoint,
    createdAt: c.createdAt.toISOString(),
  }));
}

/** 404 unless the client exists. */
export async function clientExists(db: Db, id: number): Promise<void> {
  const [c] = await db
    .select({ id: integrationClients.id })
    .from(integrationClients)
    .where(eq(integrationClients.id, id));
  if (!c) throw notFound('接口客户端');
}
