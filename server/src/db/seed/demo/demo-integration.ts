import { eq, sql } from 'drizzle-orm';
import { now, shanghaiYear } from '../../../clock';
import type { Db } from '../../client';
import { decryptOrNull } from '../../pii';
import {
  accounts,
  annualPlans,
  integrationClients,
  integrationKeys,
  integrationWebhookAttempts,
  integrationWebhookMessages,
  integrationWebhooks,
} from '../../schema/index';
import {
  newIntegrationKeyPair,
  newMessageId,
  newWebhookSecret,
  upsertRecords,
} from '../../../modules/integration/index';

export interface DemoIntegrationClient {
  name: string;
  keyId: string;
  secret: string;
}

const NAME = '广西卫生健康委继续医学教育学分系统';

/**
 * 行业学时对接 demo: the health industry's CME system as an API client (scope: industry Q 卫生和社会工作), with a
 * fresh key whose secret is printed at start and written to data/demo-logins.json, and a few records it pushed
 * for staff of the demo's hospitals — through the same command the signed API uses; one of them in 学分 (the year's
 * plan converts 学分 I类 and II类 to hours). Its 事件通知 address is registered, with three messages in the delivery
 * log (one delivered at once, one after two failed attempts, one sent again by hand).
 */
export async function seedDemoIntegration(db: Db): Promise<DemoIntegrationClient[]> {
  const at = now();
  const [account] = await db
    .insert(accounts)
    .values({
      kind: 'integration',
      realm: 'machine',
      username: 'integration-gxwjw-cme',
      passwordHash: '',
      loginEnabled: false,
      name: NAME,
      createdAt: at,
      updatedAt: at,
    })
    .returning({ id: accounts.id });
  const [client] = await db
    .insert(integrationClients)
    .values({ accountId: account!.id, name: NAME, industryCodes: ['Q'], createdAt: at, updatedAt: at })
    .returning();
  const key = newIntegrationKeyPair();
  await db.insert(integrationKeys).values({ clientId: client!.id, ...key, createdAt: at });

  const staff = (
    await db.execute(sql`
      SELECT a.name, a.id_number_enc FROM accounts a JOIN units u ON u.id = a.unit_id
      WHERE a.kind = 'professional' AND u.industry_code = 'Q' AND a.id_number_enc IS NOT NULL
      ORDER BY a.id LIMIT 3`)
  ).rows as Array<{ name: string; id_number_enc: string }>;
  const year = shanghaiYear();
  const courses = [
    ['急危重症护理新进展培训班', '广西医学会', '南宁市', `${year}-03-04`, `${year}-03-05`],
    ['基层常见病合理用药研修班', '广西药学会', '柳州市', `${year}-04-08`, `${year}-04-09`],
  ] as const;
  // The year's plan converts the CME system's credits (学分折算学时 on 年度计划管理).
  await db
    .update(annualPlans)
    .set({
      creditConversions: [
        { type: '学分 I类', hoursPerCredit: 3 },
        { type: '学分 II类', hoursPerCredit: 2 },
      ],
    })
    .where(eq(annualPlans.year, year));
  const items: Array<Record<string, unknown>> = staff.flatMap((p, i) =>
    courses.map(([title, organizer, place, startDate, endDate], j) => ({
      externalId: `GXCME-${year}-${String(i * 10 + j + 1).padStart(6, '0')}`,
      idNumber: decryptOrNull(p.id_number_enc),
      name: p.name,
      year,
      startDate,
      endDate,
      title,
      hours: 16,
      category: 'training',
      organizer,
      place,
    })),
  );
  if (staff[0])
    items.push({
      externalId: `GXCME-${year}-000101`,
      idNumber: decryptOrNull(staff[0].id_number_enc),
      name: staff[0].name,
      year,
      startDate: `${year}-03-06`,
      endDate: `${year}-03-06`,
      title: '广西心血管病学术年会',
      category: 'academic',
      creditType: '学分 I类',
      credits: 2,
      organizer: '广西医学会',
      place: '南宁市',
    });
  if (items.length) {
    await upsertRecords(
      db,
      {
        id: client!.id,
        accountId: account!.id,
        name: NAME,
        industryCodes: ['Q'],
        unitIds: [],
        keyId: key.keyId,
      },
      items,
      undefined,
    );
  }
  await seedDemoWebhook(db, client!.id, staff, year);
  return [{ name: NAME, ...key }];
}

/** The CME system's 事件通知 address and a short delivery log (nothing left pending: the worker has nothing to send). */
async function seedDemoWebhook(
  db: Db,
  clientId: number,
  staff: Array<{ name: string; id_number_enc: string }>,
  year: number,
) {
  const at = now();
  const url = 'https://cme.example.gx.cn/ptce/webhook';
  const ago = (minutes: number) => new Date(at.getTime() - minutes * 60_000);
  await db.insert(integrationWebhooks).values({
    clientId,
    url,
    eventTypes: ['certificate.issued', 'certificate.revoked', 'record.deleted'],
    secret: newWebhookSecret(),
    createdAt: ago(3 * 24 * 60),
    updatedAt: ago(3 * 24 * 60),
  });
  const log: Array<{ type: string; person: number; minutes: number; attempts: Array<[number, boolean]> }> = [
    { type: 'certificate.issued', person: 0, minutes: 2 * 24 * 60, attempts: [[204, false]] },
    {
      type: 'certificate.issued',
      person: 1,
      minutes: 26 * 60,
      attempts: [
        [502, false],
        [503, false],
        [200, false],
      ],
    },
    {
      type: 'certificate.revoked',
      person: 2,
      minutes: 5 * 60,
      attempts: [
        [204, false],
        [204, true],
      ],
    },
  ];
  for (const [i, m] of log.entries()) {
    const p = staff[m.person];
    if (!p) continue;
    const created = ago(m.minutes);
    const serial = `${year - 1}JX${String(900001 + i).padStart(8, '0')}`;
    const data =
      m.type === 'certificate.revoked'
        ? {
            idNumber: decryptOrNull(p.id_number_enc),
            name: p.name,
            year: year - 1,
            certificateSerial: serial,
            reason: '学时记录被删除',
          }
        : { idNumber: decryptOrNull(p.id_number_enc), name: p.name, year: year - 1, certificateSerial: serial };
    const last = m.attempts.at(-1)!;
    const [msg] = await db
      .insert(integrationWebhookMessages)
      .values({
        messageId: newMessageId(),
        clientId,
        type: m.type,
        body: JSON.stringify({ type: m.type, timestamp: created.toISOString(), data }),
        createdAt: created,
        state: 'delivered',
        attempts: m.attempts.length,
        deliveredAt: new Date(created.getTime() + (m.attempts.length - 1) * 60_000 + 1000),
        lastStatus: last[0],
      })
      .returning({ id: integrationWebhookMessages.id });
    await db.insert(integrationWebhookAttempts).values(
      m.attempts.map(([status, manual], n) => ({
        messageId: msg!.id,
        at: new Date(created.getTime() + n * 60_000 + 1000),
        url,
        status,
        error: status >= 300 ? `接收方返回 HTTP ${status}` : null,
        durationMs: 80 + n * 15,
        manual,
      })),
    );
  }
}
