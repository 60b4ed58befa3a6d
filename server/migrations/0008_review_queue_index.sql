-- Performance (issue 8, bench/RESULTS.md): one purely additive, partial index.
--
-- Every page of 专业科目学时审核 and of 审核结果 filtered by 待初审 also counts its total, and with a name
-- search that count visits every record 待初审 in scope and its person. At the province's size
-- (20,000,000 records, 2,000,000 people; the largest unit has ~13,500 records 待初审) the count took
-- ~110 ms for that unit and ~3.4 s for the operator's province-wide list. This index holds only the
-- records 待初审 (~10%: ~50 MB at that size), with the person, so the count reads the index instead of
-- the table: ~25 ms for the unit, ~0.9 s province-wide.
CREATE INDEX hour_records_pending_idx ON hour_records (unit_id, review_target, account_id) WHERE status = 'pending';
