import type { NoticeInput } from '@ptce/contracts';
import { eq } from 'drizzle-orm';
import { now } from '../../clock';
import type { Db } from '../../db/client';
import { industries, notices, regions } from '../../db/schema/index';
import { AppError, invalid } from '../../errors';
import type { Caller } from '../auth/index';
import { writeAudit } from '../audit/index';
import { lockNotice } from './notice-view';

/** The audience's columns, checked against the reference lists; the other audience's target is cleared. */
async function audienceColumns(db: Db, input: NoticeInput) {
  const regionCode = input.audience === 'region' ? input.regionCode! : null;
  const industryCode = input.audience === 'industry' ? input.industryCode! : null;
  if (regionCode) {
    const [r] = await db.select().from(regions).where(eq(regions.code, regionCode));
    if (!r) throw invalid('regionCode', '所选地区不存在');
  }
  if (industryCode) {
    const [i] = await db.select().from(industries).where(eq(industries.code, industryCode));
    if (!i) throw invalid('industryCode', '所选行业不存在');
  }
  return { audience: input.audience, regionCode, industryCode };
}

function cleanBody(body: string): string {
  return body.replace(/\r\n?/g, '\n').trim();
}

/** 新建通知: a draft (草稿), seen by nobody until it is published. */
export async function createNotice(ctx: Caller, input: NoticeInput): Promise<{ id: number }> {
  const target = await audienceColumns(ctx.db, input);
  return ctx.db.transaction(async (tx) => {
    const at = now();
    const [row] = await tx
      .insert(notices)
      .values({
        title: input.title,
        body: cleanBody(input.body),
        ...target,
        status: 'draft',
        createdBy: ctx.actor.id,
        createdAt: at,
        updatedAt: at,
      })
      .returning({ id: notices.id });
    await writeAudit(tx, ctx, {
      action: 'notices.create',
      targetType: 'notice',
      targetId: row!.id,
      detail: { title: input.title, ...target },
    });
    return { id: row!.id };
  });
}

/** 修改: a draft or a withdrawn notice; a published one is withdrawn first, so readers never see it change. */
export async function updateNotice(ctx: Caller, id: number, input: NoticeInput): Promise<{ id: number }> {
  const target = await audienceColumns(ctx.db, input);
  return ctx.db.transaction(async (tx) => {
    const n = await lockNotice(tx, id);
    if (n.status === 'published') throw new AppError('STATE_CHANGED', '已发布的通知不能修改，请先撤回');
    await tx
      .update(notices)
      .set({ title: input.title, body: cleanBody(input.body), ...target, updatedAt: now() })
      .where(eq(notices.id, id));
    await writeAudit(tx, ctx, {
      action: 'notices.update',
      targetType: 'notice',
      targetId: id,
      detail: { title: input.title, ...target },
    });
    return { id };
  });
}
