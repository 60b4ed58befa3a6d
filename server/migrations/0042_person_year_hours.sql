-- A person's year kept as it changes: public credits by kind and professional records by status, one row per
-- (account_id, year). Compliance, certificates, 学时查询, the unit's 达标情况 and the statistics read it instead of
-- summing every record of the people they show: a unit of 60,000 people summed 240,000 records for each page
-- (bench/RESULTS-certificates.md). Statement-level triggers on hour_records and public_credits add each statement's
-- change (its new rows, less its old ones) in the same transaction, so the row is never behind what a query of the
-- records would say. A row whose records and credits are all gone stays, with zeros and records = credits = 0; the
-- readers skip it.

CREATE TABLE person_year_hours (
  account_id integer NOT NULL,
  year integer NOT NULL,
  compulsory numeric(9,1) NOT NULL DEFAULT 0,
  elective numeric(9,1) NOT NULL DEFAULT 0,
  credits integer NOT NULL DEFAULT 0,
  professional numeric(9,1) NOT NULL DEFAULT 0,
  pending integer NOT NULL DEFAULT 0,
  pending_hours numeric(9,1) NOT NULL DEFAULT 0,
  drafts integer NOT NULL DEFAULT 0,
  records integer NOT NULL DEFAULT 0,
  PRIMARY KEY (account_id, year)
);

INSERT INTO person_year_hours
  (account_id, year, compulsory, elective, credits, professional, pending, pending_hours, drafts, records)
SELECT coalesce(prof.account_id, pub.account_id), coalesce(prof.year, pub.year),
       coalesce(pub.compulsory, 0), coalesce(pub.elective, 0), coalesce(pub.credits, 0),
       coalesce(prof.professional, 0), coalesce(prof.pending, 0), coalesce(prof.pending_hours, 0),
       coalesce(prof.drafts, 0), coalesce(prof.records, 0)
FROM (
  SELECT account_id, year,
         sum(hours) FILTER (WHERE status = 'approved') AS professional,
         count(*) FILTER (WHERE status = 'pending') AS pending,
         sum(hours) FILTER (WHERE status = 'pending') AS pending_hours,
         count(*) FILTER (WHERE status = 'draft') AS drafts,
         count(*) AS records
  FROM hour_records GROUP BY account_id, year) prof
FULL JOIN (
  SELECT account_id, year,
         sum(hours) FILTER (WHERE kind = 'compulsory') AS compulsory,
         sum(hours) FILTER (WHERE kind = 'elective') AS elective,
         count(*) AS credits
  FROM public_credits GROUP BY account_id, year) pub
  ON pub.account_id = prof.account_id AND pub.year = prof.year;

-- The statement's change by person and year: +1 for each new row, -1 for each old one. Groups whose change is nil
-- (an update of a record's title, remarks or evidence) are left alone, so such an update writes nothing here. Rows
-- are written in key order, so two statements over the same people wait for each other rather than deadlock.
CREATE FUNCTION person_year_hours_from_records() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  src text := CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT 1 AS s, account_id, year, hours, status FROM pyh_new'
    WHEN 'DELETE' THEN 'SELECT -1 AS s, account_id, year, hours, status FROM pyh_old'
    ELSE 'SELECT 1 AS s, account_id, year, hours, status FROM pyh_new
          UNION ALL SELECT -1, account_id, year, hours, status FROM pyh_old' END;
BEGIN
  EXECUTE 'INSERT INTO person_year_hours AS t (account_id, year, professional, pending, pending_hours, drafts, records)
    SELECT * FROM (
      SELECT account_id, year,
             coalesce(sum(s * hours) FILTER (WHERE status = ''approved''), 0) AS professional,
             coalesce(sum(s) FILTER (WHERE status = ''pending''), 0) AS pending,
             coalesce(sum(s * hours) FILTER (WHERE status = ''pending''), 0) AS pending_hours,
             coalesce(sum(s) FILTER (WHERE status = ''draft''), 0) AS drafts,
             sum(s) AS records
      FROM (' || src || ') d GROUP BY account_id, year) c
    WHERE professional <> 0 OR pending <> 0 OR pending_hours <> 0 OR drafts <> 0 OR records <> 0
    ORDER BY account_id, year
    ON CONFLICT (account_id, year) DO UPDATE SET
      professional = t.professional + EXCLUDED.professional, pending = t.pending + EXCLUDED.pending,
      pending_hours = t.pending_hours + EXCLUDED.pending_hours, drafts = t.drafts + EXCLUDED.drafts,
      records = t.records + EXCLUDED.records';
  RETURN NULL;
END $$;

CREATE FUNCTION person_year_hours_from_credits() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  src text := CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT 1 AS s, account_id, year, hours, kind FROM pyh_new'
    WHEN 'DELETE' THEN 'SELECT -1 AS s, account_id, year, hours, kind FROM pyh_old'
    ELSE 'SELECT 1 AS s, account_id, year, hours, kind FROM pyh_new
          UNION ALL SELECT -1, account_id, year, hours, kind FROM pyh_old' END;
BEGIN
  EXECUTE 'INSERT INTO person_year_hours AS t (account_id, year, compulsory, elective, credits)
    SELECT * FROM (
      SELECT account_id, year,
             coalesce(sum(s * hours) FILTER (WHERE kind = ''compulsory''), 0) AS compulsory,
             coalesce(sum(s * hours) FILTER (WHERE kind = ''elective''), 0) AS elective,
             sum(s) AS credits
      FROM (' || src || ') d GROUP BY account_id, year) c
    WHERE compulsory <> 0 OR elective <> 0 OR credits <> 0
    ORDER BY account_id, year
    ON CONFLICT (account_id, year) DO UPDATE SET
      compulsory = t.compulsory + EXCLUDED.compulsory, elective = t.elective + EXCLUDED.elective,
      credits = t.credits + EXCLUDED.credits';
  RETURN NULL;
END $$;

CREATE TRIGGER hour_records_person_year_insert AFTER INSERT ON hour_records
  REFERENCING NEW TABLE AS pyh_new FOR EACH STATEMENT EXECUTE FUNCTION person_year_hours_from_records();
CREATE TRIGGER hour_records_person_year_update AFTER UPDATE ON hour_records
  REFERENCING OLD TABLE AS pyh_old NEW TABLE AS pyh_new FOR EACH STATEMENT EXECUTE FUNCTION person_year_hours_from_records();
CREATE TRIGGER hour_records_person_year_delete AFTER DELETE ON hour_records
  REFERENCING OLD TABLE AS pyh_old FOR EACH STATEMENT EXECUTE FUNCTION person_year_hours_from_records();
CREATE TRIGGER public_credits_person_year_insert AFTER INSERT ON public_credits
  REFERENCING NEW TABLE AS pyh_new FOR EACH STATEMENT EXECUTE FUNCTION person_year_hours_from_credits();
CREATE TRIGGER public_credits_person_year_update AFTER UPDATE ON public_credits
  REFERENCING OLD TABLE AS pyh_old NEW TABLE AS pyh_new FOR EACH STATEMENT EXECUTE FUNCTION person_year_hours_from_credits();
CREATE TRIGGER public_credits_person_year_delete AFTER DELETE ON public_credits
  REFERENCING OLD TABLE AS pyh_old FOR EACH STATEMENT EXECUTE FUNCTION person_year_hours_from_credits();
