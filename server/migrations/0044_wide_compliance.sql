-- 达标情况 over a province, region or industry (modules/compliance/wide-compliance.ts) walks the professionals in name
-- order and stops at the page. accounts_name_idx (text_pattern_ops, for 姓名 prefix searches) cannot give
-- that order: this one can, and only over professionals. (name, id) is the list's order and its keyset.
CREATE INDEX accounts_professional_name_idx ON accounts (name, id) WHERE kind = 'professional';

-- With a 已达标 / 未达标 or 公需必修 filter that few people pass, the list starts from the people whose kept year passes
-- it (stats_person_year) instead of walking everyone by name.
CREATE INDEX stats_person_year_met_idx ON stats_person_year (year, met);
CREATE INDEX stats_person_year_compulsory_idx ON stats_person_year (year, compulsory_done);

-- The version of the year's plan the kept years were computed under: 达标 depends on the plan's required hours, so a
-- new version of the plan makes the next refresh a full one (and the lists do not trust kept 达标 flags until then).
ALTER TABLE stats_refresh ADD COLUMN plan_version integer;
