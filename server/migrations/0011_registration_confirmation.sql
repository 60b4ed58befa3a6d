-- 新注册: a professional who registered themselves, or moved themselves into a unit, is marked until
-- the unit confirms them (or removes them from the unit). Existing people are taken as confirmed.
ALTER TABLE accounts ADD COLUMN pending_confirmation boolean NOT NULL DEFAULT false;
