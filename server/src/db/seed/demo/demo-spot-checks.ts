import { sql } from 'drizzle-orm';
import { rolesOf, type Actor } from '../../../auth/actor';
import { shanghaiDate, shanghaiYear } from '../../../clock';
import type { Db } from '../../client';
import {
  answerCampaign,
  createCampaign,
  finishCampaign,
  getCampaign,
  recordFinding,
} from '../../../modules/spot-checks/index';

/** The inspectors of 南宁市人社局 (its staff, the pool the second random draws from). */
export const DEMO_INSPECTORS = [
  { username: 'nnrsj-jc01', name: '黄海波' },
  { username: 'nnrsj-jc02', name: '韦春梅' },
  { username: 'nnrsj-jc03', name: '蒙家豪' },
] as const;

async function actorOf(db: Db, where: ReturnType<typeof sql>): Promise<Actor> {
  const r = await db.execute(sql`SELECT a.id, a.kind, a.name, a.unit_id, a.department_id, a.authority_id,
      au.region_code, au.industry_code
    FROM accounts a LEFT JOIN authorities au ON au.id = a.authority_id WHERE ${where} ORDER BY a.id LIMIT 1`);
  const row = r.rows[0] as Record<string, unknown>;
  const kind = row.kind as Actor['kind'];
  return {
    id: Number(row.id),
    kind,
    name: String(row.name),
    ...rolesOf(kind, (row.department_id as number | null) ?? null),
    unitId: (row.unit_id as number | null) ?? null,
    departmentId: (row.department_id as number | null) ?? null,
    departmentScopeIds: null,
    authorityId: (row.authority_id as number | null) ?? null,
    baseId: null,
    regionCode: (row.region_code as string | null)?.trim() ?? null,
    industryCode: (row.industry_code as string | null) ?? null,
    mustChangePassword: false,
    profileComplete: true,
    sessionId: '',
    csrfToken: '',
  };
}

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * 抽查 demo, through the same commands the API uses: 南宁市人社局 ran a spot check of last year's hours that is
 * finished and public (一公开), and has one in progress whose sampled unit — 南宁市第一人民医院 — still has to
 * answer (its 待办 “待答复的抽查”). Fixed seeds, so the demo draws the same sample every time.
 */
export async function seedDemoSpotChecks(db: Db): Promise<void> {
  const chief = await actorOf(db, sql`a.username = 'nnrsj'`);
  const year = shanghaiYear() - 1;
  const today = shanghaiDate();
  const done = await createCampaign(
    { db, actor: chief },
    {
      title: `${year}年度专业科目学时抽查（第一批）`,
      year,
      sampleOf: 'records',
      unitSize: { mode: 'percent', value: 5 },
      itemSize: { mode: 'count', value: 4 },
      inspectorsPerUnit: 2,
      answerDue: today,
      seed: `nnrsj-${year}-01`,
    },
  );
  const finished = await getCampaign({ db, actor: chief }, done.id);
  for (const part of finished.parts) {
    const unit = await actorOf(db, sql`a.kind = 'unit_account' AND a.unit_id = ${part.unitId}`);
    await answerCampaign({ db, actor: unit }, done.id, '已按抽查通知上传培训通知、签到表和结业证明，请审核。');
    for (const [i, item] of part.items.entries()) {
      const inspector = await actorOf(db, sql`a.id = ${part.inspectors[i % part.inspectors.length]!.id}`);
      await recordFinding(
        { db, actor: inspector },
        item.id,
        i === part.items.length - 1
          ? { finding: 'incomplete', note: '签到表缺第二天下午的签到页，已要求单位补充存档。' }
          : { finding: 'true', note: '' },
      );
    }
  }
  await finishCampaign(
    { db, actor: chief },
    done.id,
    '抽查记录与培训通知、签到表、结业证明相符；一条记录签到材料不全，已责令单位补齐存档。',
  );

  await createCampaign(
    { db, actor: chief },
    {
      title: `${year}年度专业科目学时抽查（第二批）`,
      year,
      sampleOf: 'people',
      unitSize: { mode: 'percent', value: 5 },
      itemSize: { mode: 'count', value: 2 },
      inspectorsPerUnit: 2,
      answerDue: addDays(today, 14),
      seed: `nnrsj-${year}-02`,
    },
  );
}
