-- 微信扫码登录 (WeChat Open Platform website login, snsapi_login) and 绑定.
--
-- wechat_login_states: one row per 扫码登录 started. `state_hash` is the SHA-256 of the 128-bit state sent to
-- WeChat; `browser_hash` the SHA-256 of a random value kept in an HttpOnly cookie of the browser that started
-- it (a callback from another browser is refused). A state is good once (`used_at`) within 10 minutes. When the
-- scanned WeChat is not bound yet, the row keeps it (`wechat_id`) for the 绑定 page of the same browser until
-- `bind_expires_at`; `bound_at` closes it.
CREATE TABLE wechat_login_states (
  state_hash text PRIMARY KEY,
  browser_hash text NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  wechat_id text,
  wechat_id_kind text CHECK (wechat_id_kind IN ('unionid', 'openid')),
  nickname text,
  bind_expires_at timestamptz,
  bound_at timestamptz
);
CREATE INDEX wechat_login_states_browser_idx ON wechat_login_states (browser_hash, created_at);
CREATE INDEX wechat_login_states_expires_idx ON wechat_login_states (expires_at);

-- One WeChat ↔ one professional: unique both ways. `wechat_id` is the unionid, or the openid of the app
-- (`app_id`) when WeChat gives no unionid.
CREATE TABLE wechat_bindings (
  account_id integer PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
  wechat_id text NOT NULL UNIQUE,
  wechat_id_kind text NOT NULL CHECK (wechat_id_kind IN ('unionid', 'openid')),
  app_id text NOT NULL,
  nickname text,
  bound_at timestamptz NOT NULL
);
