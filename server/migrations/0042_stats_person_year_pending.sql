-- 达标情况 of a large unit reads each person's year from stats_person_year (kept every minute by modules/stats) and
-- sums the records live only for the people marked in stats_dirty since, instead of summing every record of every
-- person for each page (60,000 staff: 240,000 records a page, bench/RESULTS-certificates.md). The list also shows
-- 审核中 hours and 待提交 records, so the kept year carries them too. Nothing new is written by the statements that
-- change records: the marks in stats_dirty already exist (migration 0031).

ALTER TABLE stats_person_year ADD COLUMN pending_hours numeric(7,1) NOT NULL DEFAULT 0;
ALTER TABLE stats_person_year ADD COLUMN drafts integer NOT NULL DEFAULT 0;

-- The rows written before this migration have no pending_hours or drafts: every year is computed again from scratch
-- on the next refresh. Until then a year has no stats_refresh row and 达标情况 sums its records live, as before.
DELETE FROM stats_refresh;
