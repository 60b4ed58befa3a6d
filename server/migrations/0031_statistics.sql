-- 统计分析: aggregates read by the dashboards instead of the records themselves (2 M people, 20 M records).
-- A person's year (stats_person_year) rolls up into their unit's year (stats_unit_year), hours by source
-- (stats_unit_source) and the monthly trend (stats_unit_month). Triggers mark the people whose hours changed
-- in stats_dirty; modules/stats recomputes those people and their units (every minute) and the whole year
-- once a day (the 30-day review backlog depends on the date). stats_refresh records when each year was computed.

CREATE TABLE stats_person_year (
  account_id integer NOT NULL,
  year integer NOT NULL,
  unit_id integer NOT NULL,
  compulsory numeric(7,1) NOT NULL,
  elective numeric(7,1) NOT NULL,
  professional numeric(7,1) NOT NULL,
  total numeric(7,1) NOT NULL,
  met boolean NOT NULL,
  compulsory_done boolean NOT NULL,
  pending integer NOT NULL,
  pending_old integer NOT NULL,
  PRIMARY KEY (account_id, year)
);
CREATE INDEX stats_person_year_unit_idx ON stats_person_year (year, unit_id);

CREATE TABLE stats_unit_year (
  year integer NOT NULL,
  unit_id integer NOT NULL,
  people integer NOT NULL,
  met integer NOT NULL,
  compulsory_done integer NOT NULL,
  professional numeric(14,1) NOT NULL,
  total numeric(14,1) NOT NULL,
  pending integer NOT NULL,
  pending_old integer NOT NULL,
  -- People by total hours as a share of the year's requirement: none, < 1/3, < 2/3, < 1 (just short), met.
  band_none integer NOT NULL,
  band_low integer NOT NULL,
  band_mid integer NOT NULL,
  band_short integer NOT NULL,
  band_full integer NOT NULL,
  PRIMARY KEY (year, unit_id)
);

CREATE TABLE stats_unit_source (
  year integer NOT NULL,
  unit_id integer NOT NULL,
  source text NOT NULL,
  hours numeric(14,1) NOT NULL,
  records integer NOT NULL,
  PRIMARY KEY (year, unit_id, source)
);

CREATE TABLE stats_unit_month (
  year integer NOT NULL,
  unit_id integer NOT NULL,
  -- 1–12 the year's months, 13–24 the next year's (professional hours are reviewed until a deadline in the next year).
  month integer NOT NULL CHECK (month BETWEEN 1 AND 24),
  approvals integer NOT NULL,
  approved_hours numeric(14,1) NOT NULL,
  completions integer NOT NULL,
  PRIMARY KEY (year, unit_id, month)
);

CREATE TABLE stats_dirty (
  account_id integer NOT NULL,
  year integer NOT NULL,
  PRIMARY KEY (account_id, year)
);

CREATE TABLE stats_refresh (
  year integer PRIMARY KEY,
  refreshed_at timestamptz NOT NULL,
  full_at timestamptz NOT NULL,
  took_ms integer NOT NULL
);

-- Marks the people and years whose hours changed (statement-level: one insert per statement, not per row).
CREATE FUNCTION stats_mark_hours() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO stats_dirty (account_id, year) SELECT DISTINCT account_id, year FROM stats_new ON CONFLICT DO NOTHING;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO stats_dirty (account_id, year) SELECT DISTINCT account_id, year FROM stats_old ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER hour_records_stats_insert AFTER INSERT ON hour_records
  REFERENCING NEW TABLE AS stats_new FOR EACH STATEMENT EXECUTE FUNCTION stats_mark_hours();
CREATE TRIGGER hour_records_stats_update AFTER UPDATE ON hour_records
  REFERENCING OLD TABLE AS stats_old NEW TABLE AS stats_new FOR EACH STATEMENT EXECUTE FUNCTION stats_mark_hours();
CREATE TRIGGER hour_records_stats_delete AFTER DELETE ON hour_records
  REFERENCING OLD TABLE AS stats_old FOR EACH STATEMENT EXECUTE FUNCTION stats_mark_hours();
CREATE TRIGGER public_credits_stats_insert AFTER INSERT ON public_credits
  REFERENCING NEW TABLE AS stats_new FOR EACH STATEMENT EXECUTE FUNCTION stats_mark_hours();
CREATE TRIGGER public_credits_stats_update AFTER UPDATE ON public_credits
  REFERENCING OLD TABLE AS stats_old NEW TABLE AS stats_new FOR EACH STATEMENT EXECUTE FUNCTION stats_mark_hours();
CREATE TRIGGER public_credits_stats_delete AFTER DELETE ON public_credits
  REFERENCING OLD TABLE AS stats_old FOR EACH STATEMENT EXECUTE FUNCTION stats_mark_hours();

-- A professional who joins, leaves or changes unit counts elsewhere in every computed year.
CREATE FUNCTION stats_mark_account() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO stats_dirty (account_id, year) SELECT NEW.id, r.year FROM stats_refresh r ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;

CREATE TRIGGER accounts_stats_insert AFTER INSERT ON accounts
  FOR EACH ROW WHEN (NEW.kind = 'professional') EXECUTE FUNCTION stats_mark_account();
CREATE TRIGGER accounts_stats_unit AFTER UPDATE OF unit_id, kind ON accounts
  FOR EACH ROW WHEN (OLD.unit_id IS DISTINCT FROM NEW.unit_id OR OLD.kind IS DISTINCT FROM NEW.kind)
  EXECUTE FUNCTION stats_mark_account();
