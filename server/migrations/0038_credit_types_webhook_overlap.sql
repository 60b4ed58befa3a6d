-- 学分类型 (行业学时对接): the annual plan's conversions of an industry's credits to 学时, e.g.
-- [{"type": "学分 I类", "hoursPerCredit": 3}]; a pushed record keeps its credit type and credits beside the
-- converted hours.
ALTER TABLE annual_plans ADD COLUMN credit_conversions jsonb NOT NULL DEFAULT '[]'::jsonb;
ALTER TABLE hour_records ADD COLUMN credit_type text;
ALTER TABLE hour_records ADD COLUMN credits numeric(6, 1);
ALTER TABLE hour_records ADD CONSTRAINT hour_records_credits_check CHECK ((credit_type IS NULL) = (credits IS NULL));

-- 更换通知密钥 with an overlap: until previous_secret_until the worker signs with both secrets
-- (webhook-signature "v1,<new> v1,<old>"), so a receiver can switch without losing a message.
ALTER TABLE integration_webhooks ADD COLUMN previous_secret_enc text;
ALTER TABLE integration_webhooks ADD COLUMN previous_secret_until timestamptz;
