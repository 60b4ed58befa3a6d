-- 统计分析: a person's approved hours by source and by month, kept beside stats_person_year, so that the every-minute
-- refresh moves a unit's source and month figures by the difference the changed people make (subtract their old rows,
-- add their new ones) instead of re-reading every record of their units.

CREATE TABLE stats_person_source (
  account_id integer NOT NULL,
  year integer NOT NULL,
  unit_id integer NOT NULL,
  source text NOT NULL,
  hours numeric(7,1) NOT NULL,
  records integer NOT NULL,
  PRIMARY KEY (account_id, year, source)
);
CREATE INDEX stats_person_source_unit_idx ON stats_person_source (year, unit_id);

CREATE TABLE stats_person_month (
  account_id integer NOT NULL,
  year integer NOT NULL,
  unit_id integer NOT NULL,
  -- 1–12 the year's months, 13–24 the next year's, as in stats_unit_month.
  month integer NOT NULL CHECK (month BETWEEN 1 AND 24),
  approvals integer NOT NULL,
  approved_hours numeric(7,1) NOT NULL,
  completions integer NOT NULL,
  PRIMARY KEY (account_id, year, month)
);
CREATE INDEX stats_person_month_unit_idx ON stats_person_month (year, unit_id);

-- The unit figures were computed without these rows: the next refresh of every year starts from scratch.
DELETE FROM stats_refresh;
