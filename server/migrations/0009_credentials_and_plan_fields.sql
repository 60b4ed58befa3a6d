-- Columns several areas build on at once.
--
-- accounts.password_expires_at: an initial or temporary password (a new unit account, a new admin, a
-- reset) stops working at this time if it has not been changed; NULL = a password the owner chose.
ALTER TABLE accounts ADD COLUMN password_expires_at timestamptz;

-- annual_plans: a plan is a draft until the operator publishes it (nobody else sees a draft);
-- activity_caps holds the per-activity-type cap of 申请学时 for the types that may be typed by hand
-- (桂人社规〔2019〕4号); reveal_key_after_pass decides whether an exam's answer key is shown once passed.
ALTER TABLE annual_plans ADD COLUMN status text NOT NULL DEFAULT 'published' CHECK (status IN ('draft', 'published'));
ALTER TABLE annual_plans ADD COLUMN published_at timestamptz;
ALTER TABLE annual_plans ADD COLUMN activity_caps jsonb NOT NULL DEFAULT '{}'::jsonb;
ALTER TABLE annual_plans ADD COLUMN reveal_key_after_pass boolean NOT NULL DEFAULT true;
