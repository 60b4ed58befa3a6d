import { check, index, integer, pgTable, text, unique } from 'drizzle-orm/pg-core';
import { oneOf, tstz } from './columns';
import { accounts } from './accounts';

// 微信扫码登录 and 绑定. The SQL is server/migrations/0034_wechat_login.sql.

export const WECHAT_ID_KINDS = ['unionid', 'openid'] as const;

export const wechatLoginStates = pgTable(
  'wechat_login_states',
  {
    stateHash: text('state_hash').primaryKey(),
    browserHash: text('browser_hash').notNull(),
    createdAt: tstz('created_at').notNull(),
    expiresAt: tstz('expires_at').notNull(),
    usedAt: tstz('used_at'),
    wechatId: text('wechat_id'),
    wechatIdKind: text('wechat_id_kind', { enum: WECHAT_ID_KINDS }),
    nickname: text('nickname'),
    bindExpiresAt: tstz('bind_expires_at'),
    boundAt: tstz('bound_at'),
  },
  (t) => [
    check('wechat_login_states_wechat_id_kind_check', oneOf(t.wechatIdKind, WECHAT_ID_KINDS)),
    index('wechat_login_states_browser_idx').on(t.browserHash, t.createdAt),
    index('wechat_login_states_expires_idx').on(t.expiresAt),
  ],
);

export const wechatBindings = pgTable(
  'wechat_bindings',
  {
    accountId: integer('account_id')
      .primaryKey()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    wechatId: text('wechat_id').notNull(),
    wechatIdKind: text('wechat_id_kind', { enum: WECHAT_ID_KINDS }).notNull(),
    appId: text('app_id').notNull(),
    nickname: text('nickname'),
    boundAt: tstz('bound_at').notNull(),
  },
  (t) => [
    unique('wechat_bindings_wechat_id_key').on(t.wechatId),
    check('wechat_bindings_wechat_id_kind_check', oneOf(t.wechatIdKind, WECHAT_ID_KINDS)),
  ],
);
