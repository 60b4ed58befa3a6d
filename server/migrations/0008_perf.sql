-- Performance (issue 8, bench/RESULTS.md): purely additive indexes.

-- 专业科目学时审核结果 filtered by status over a wide scope — an HR bureau's region, an authority's
-- industry, the operator's province — had no index on status alone: the page walked the primary key
-- backwards and the total counted by scanning every record (1,000,000 records / 200,000 people:
-- the province-wide "待初审 + name search" total fell from ~590 ms to ~45 ms with this index).
CREATE INDEX hour_records_status_id_idx ON hour_records (status, id DESC);
