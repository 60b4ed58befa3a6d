import type { Caller } from '../auth/index';
import { unbindWechatFor } from '../wechat/index';
import { helpdeskPerson } from './person-file';

/**
 * 解除微信绑定 for a person who lost their phone (or whose WeChat was taken over): once the caller proved
 * who they are on the phone, the binding goes and the person logs in with the password until they bind
 * again. Audited as the help desk's action.
 */
export async function unbindPersonWechat(ctx: Caller, id: number): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await helpdeskPerson(tx, ctx.actor, id);
    await unbindWechatFor({ ...ctx, db: tx }, id, 'helpdesk.wechat.unbind');
  });
}
