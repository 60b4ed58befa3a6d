-- 单位管理: a unit's contact, its 停用 (disabled_at: its 单位账号 and admins cannot log in, it leaves the
-- unit pickers) and 合并 (merged_into_id: the unit it was merged into; a merged unit is disabled).
ALTER TABLE units ADD COLUMN contact_name text;
ALTER TABLE units ADD COLUMN contact_phone text;
ALTER TABLE units ADD COLUMN disabled_at timestamptz;
ALTER TABLE units ADD COLUMN merged_into_id integer REFERENCES units(id);
ALTER TABLE units ADD CONSTRAINT units_merged_disabled_check
  CHECK (merged_into_id IS NULL OR (disabled_at IS NOT NULL AND merged_into_id <> id));
CREATE INDEX units_merged_into_idx ON units (merged_into_id) WHERE merged_into_id IS NOT NULL;

-- 批量导入单位: the new unit accounts' initial passwords, encrypted (db/pii.ts), offered once to the
-- importer and emptied when downloaded or expired; only the passwords' hashes stay, in accounts.
ALTER TABLE import_jobs ADD COLUMN credentials jsonb;
ALTER TABLE import_jobs ADD COLUMN credentials_expire_at timestamptz;
ALTER TABLE import_jobs ADD COLUMN credentials_taken_at timestamptz;
