import fs from 'node:fs';
import path from 'node:path';
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { defaultPlan } from '@ptce/rules';
import { now, shanghaiYear } from '../../../clock';
import { SEED_DIR } from '../../../paths';
import type { Db } from '../../client';
import { accounts, annualPlans, noticeAttachments, noticeReads, notices, units } from '../../schema/index';

/** The notices' texts: Markdown ('# <title>', a blank line, the body) and the 2024 notice's attachments as text. */
export const NOTICES_DIR = path.join(SEED_DIR, 'demo/notices');

const DAY = 24 * 3600 * 1000;

function readNotice(file: string, values: Record<string, string | number> = {}): { title: string; body: string } {
  const text = fs
    .readFileSync(path.join(NOTICES_DIR, file), 'utf8')
    .replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
  const match = /^# ([^\n]+)\n\n([\s\S]+?)\n*$/.exec(text);
  if (!match) throw new Error(`notice ${file}: expected '# <title>', a blank line and the body`);
  return { title: match[1]!, body: match[2]! };
}

/** A Shanghai date and time as an instant; a date as the notice writes it (2024年4月18日). */
const shanghai = (isoDate: string, time = '09:00') => new Date(`${isoDate}T${time}:00+08:00`);
const chineseDate = (isoDate: string) => {
  const [y, m, d] = isoDate.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

/**
 * 通知公告 of the demo: the Guangxi 2024 notice of the seed (public, pinned, with its three attachments as
 * text files), a reminder to unit admins of the year's review deadline (already read by two of the three demo
 * units, so 已读单位数 shows), a 南宁市-only training notice and a reminder for professionals.
 */
export async function seedDemoNotices(tx: Db): Promise<void> {
  const at = now();
  const year = shanghaiYear(at);
  const [operator] = await tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.kind, 'operator'));
  const [plan] = await tx
    .select()
    .from(annualPlans)
    .where(sql`${annualPlans.year} <= ${year}`)
    .orderBy(desc(annualPlans.year))
    .limit(1);
  const values = {
    year: plan?.year ?? year,
    deadline: chineseDate(plan?.professionalDeadline ?? defaultPlan(year).professionalDeadline),
    publicDeadline: chineseDate(plan?.publicDeadline ?? defaultPlan(year).publicDeadline),
    passScore: plan?.passScore ?? '',
    maxAttempts: plan?.maxAttempts ?? '',
  };
  const common = { createdBy: operator?.id ?? null, status: 'published' as const };

  const guangxi = readNotice('2024-guangxi-notice.md');
  const [first] = await tx
    .insert(notices)
    .values({
      ...guangxi,
      ...common,
      audience: 'everyone',
      pinned: true,
      publishedAt: shanghai('2024-04-18'),
      createdAt: shanghai('2024-04-18', '08:30'),
      updatedAt: shanghai('2024-04-18'),
    })
    .returning({ id: notices.id });
  const attachments: Array<[string, string]> = [
    ['附件1：专业技术人员公需科目培训考试操作流程.txt', 'attachment-1.txt'],
    ['附件2：专业科目学时登记及单位审核操作流程.txt', 'attachment-2.txt'],
    ['附件3：全区国家级和自治区级专业技术人员继续教育基地名单（截至2023年12月）.txt', 'attachment-3.txt'],
  ];
  await tx.insert(noticeAttachments).values(
    attachments.map(([fileName, file]) => {
      const content = fs.readFileSync(path.join(NOTICES_DIR, file), 'utf8');
      return {
        noticeId: first!.id,
        fileName,
        mimeType: 'text/plain; charset=utf-8',
        // The download adds a BOM (3 bytes) for older Windows Notepad.
        size: Buffer.byteLength(content) + 3,
        content,
        uploadedAt: shanghai('2024-04-18'),
      };
    }),
  );

  const dated = (daysAgo: number) => {
    const t = new Date(at.getTime() - daysAgo * DAY);
    return { publishedAt: t, createdAt: t, updatedAt: t };
  };
  const [review] = await tx
    .insert(notices)
    .values({ ...readNotice('annual-review-deadline.md', values), ...common, audience: 'unit_admins', ...dated(6) })
    .returning({ id: notices.id });
  await tx.insert(notices).values([
    {
      ...readNotice('nanning-class.md', values),
      ...common,
      audience: 'region',
      regionCode: '450100',
      ...dated(3),
    },
    { ...readNotice('makeup-reminder.md', values), ...common, audience: 'professionals', ...dated(1) },
  ]);

  // The total admins of the 柳州 and 桂林 units have read the reminder; the 南宁 unit (the demo login's) not yet.
  const readers = await tx
    .select({ id: accounts.id })
    .from(accounts)
    .innerJoin(units, eq(units.id, accounts.unitId))
    .where(
      and(
        eq(accounts.kind, 'unit_admin'),
        isNull(accounts.departmentId),
        inArray(units.name, ['柳州市城市建设设计研究院有限公司', '桂林市第十八中学']),
      ),
    );
  if (readers.length)
    await tx
      .insert(noticeReads)
      .values(readers.map((r, i) => ({ noticeId: review!.id, accountId: r.id, readAt: dated(5 - i).publishedAt })));
}
