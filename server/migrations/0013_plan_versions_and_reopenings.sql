-- 年度计划管理: versions of a published plan, reopened deadlines, and a stamp that tells every
-- server process that its cached plans are stale.

-- A published plan's number; each versioned edit adds one.
ALTER TABLE annual_plans ADD COLUMN version integer NOT NULL DEFAULT 1;

-- One row per change of a published plan: which fields changed (from → to) and why.
CREATE TABLE plan_versions (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  year integer NOT NULL REFERENCES annual_plans(year) ON DELETE CASCADE,
  version integer NOT NULL,
  diff jsonb NOT NULL,
  reason text NOT NULL,
  actor_account_id integer,
  actor_name text,
  at timestamptz NOT NULL,
  UNIQUE (year, version)
);

-- A passed deadline opened again until a date, for the province, one unit or one person.
CREATE TABLE plan_reopenings (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  year integer NOT NULL REFERENCES annual_plans(year) ON DELETE CASCADE,
  scope text NOT NULL CHECK (scope IN ('province', 'unit', 'person')),
  unit_id integer REFERENCES units(id),
  person_id integer REFERENCES accounts(id),
  deadline text NOT NULL CHECK (deadline IN ('professional', 'public')),
  until date NOT NULL,
  reason text NOT NULL,
  actor_account_id integer,
  actor_name text,
  at timestamptz NOT NULL,
  CHECK ((scope = 'province' AND unit_id IS NULL AND person_id IS NULL)
      OR (scope = 'unit' AND unit_id IS NOT NULL AND person_id IS NULL)
      OR (scope = 'person' AND person_id IS NOT NULL AND unit_id IS NULL))
);
CREATE INDEX plan_reopenings_year_idx ON plan_reopenings (year);

-- One row: a new random stamp on every change of plans, their courses or reopenings.
CREATE TABLE plans_state (
  id integer PRIMARY KEY DEFAULT 1 CHECK (id = 1),
  stamp text NOT NULL
);
INSERT INTO plans_state (id, stamp) VALUES (1, gen_random_uuid()::text);

CREATE FUNCTION plans_state_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE plans_state SET stamp = gen_random_uuid()::text WHERE id = 1;
  RETURN NULL;
END $$;

CREATE TRIGGER annual_plans_bump AFTER INSERT OR UPDATE OR DELETE ON annual_plans FOR EACH STATEMENT EXECUTE FUNCTION plans_state_bump();
CREATE TRIGGER plan_courses_bump AFTER INSERT OR UPDATE OR DELETE ON plan_courses FOR EACH STATEMENT EXECUTE FUNCTION plans_state_bump();
CREATE TRIGGER plan_reopenings_bump AFTER INSERT OR UPDATE OR DELETE ON plan_reopenings FOR EACH STATEMENT EXECUTE FUNCTION plans_state_bump();
