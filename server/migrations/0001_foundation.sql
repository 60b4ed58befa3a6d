-- Foundation: reference data, organizations, accounts, sessions, audit, annual plans.
-- Written for both PostgreSQL 15 (server) and PGlite (PostgreSQL 18).

CREATE TABLE app_settings (
  key text PRIMARY KEY,
  value text NOT NULL
);

-- GB/T 2260 administrative divisions (province, 14 cities, their counties/districts).
CREATE TABLE regions (
  code char(6) PRIMARY KEY,
  name text NOT NULL,
  parent_code char(6) REFERENCES regions(code),
  level text NOT NULL CHECK (level IN ('province', 'city', 'county'))
);
CREATE INDEX regions_parent_idx ON regions (parent_code);

-- GB/T 4754 sections.
CREATE TABLE industries (
  code text PRIMARY KEY,
  name text NOT NULL
);

-- 继续教育基地 (attachment 3 of the notice).
CREATE TABLE training_bases (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name text NOT NULL UNIQUE,
  phone text NOT NULL,
  national boolean NOT NULL,
  regional_batch text,
  dual boolean NOT NULL DEFAULT false,
  city_code char(6) NOT NULL REFERENCES regions(code)
);

-- 主管部门 / 行业主管部门 / 人社局.
CREATE TABLE authorities (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name text NOT NULL UNIQUE,
  kind text NOT NULL CHECK (kind IN ('industry', 'hr')),
  region_code char(6) NOT NULL REFERENCES regions(code),
  industry_code text REFERENCES industries(code),
  created_at timestamptz NOT NULL
);

-- 人事（劳动）关系所在单位.
CREATE TABLE units (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name text NOT NULL,
  credit_code char(18) NOT NULL UNIQUE,
  region_code char(6) NOT NULL REFERENCES regions(code),
  industry_code text REFERENCES industries(code),
  supervising_authority_id integer REFERENCES authorities(id),
  unit_type text NOT NULL DEFAULT 'enterprise',
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX units_name_idx ON units (name text_pattern_ops);
CREATE INDEX units_region_idx ON units (region_code);

-- 单位部门, two levels at most (enforced by the org service).
CREATE TABLE departments (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  unit_id integer NOT NULL REFERENCES units(id),
  parent_id integer REFERENCES departments(id),
  name text NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX departments_unique_name ON departments (unit_id, COALESCE(parent_id, 0), name);
CREATE INDEX departments_parent_idx ON departments (parent_id);

CREATE TABLE accounts (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('professional', 'unit_account', 'unit_admin', 'authority', 'hr_bureau', 'base', 'operator', 'integration')),
  -- The login tab an account belongs to: person / unit / authority. Usernames are unique per realm,
  -- so one person can be both a professional and a unit admin with the same ID number.
  realm text NOT NULL CHECK (realm IN ('person', 'unit', 'authority', 'machine')),
  username text NOT NULL,
  password_hash text NOT NULL,
  must_change_password boolean NOT NULL DEFAULT false,
  login_enabled boolean NOT NULL DEFAULT true,
  name text NOT NULL,
  id_number char(18),
  gender text CHECK (gender IN ('male', 'female')),
  birth_date date,
  phone text,
  email text,
  unit_id integer REFERENCES units(id),
  department_id integer REFERENCES departments(id),
  authority_id integer REFERENCES authorities(id),
  base_id integer REFERENCES training_bases(id),
  profile_completed_at timestamptz,
  password_changed_at timestamptz,
  last_login_at timestamptz,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CONSTRAINT accounts_realm_username UNIQUE (realm, username)
);
CREATE UNIQUE INDEX accounts_professional_id_number ON accounts (id_number) WHERE kind = 'professional';
CREATE INDEX accounts_unit_dept_idx ON accounts (unit_id, department_id);
CREATE INDEX accounts_name_idx ON accounts (name text_pattern_ops);

CREATE TABLE sessions (
  id text PRIMARY KEY, -- HMAC of the cookie token; the token itself is never stored
  account_id integer NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  ip text,
  user_agent text
);
CREATE INDEX sessions_account_idx ON sessions (account_id);
CREATE INDEX sessions_last_seen_idx ON sessions (last_seen_at);

-- Failed-login counters keyed by the typed username, whether or not such an account exists,
-- so a lockout reveals nothing about which usernames are real.
CREATE TABLE login_failures (
  username_key text PRIMARY KEY,
  failures integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  updated_at timestamptz NOT NULL
);

CREATE TABLE audit_log (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL,
  actor_account_id integer,
  actor_name text,
  actor_kind text,
  action text NOT NULL,
  target_type text,
  target_id text,
  result text NOT NULL CHECK (result IN ('ok', 'denied', 'failed')),
  ip text,
  detail jsonb
);
CREATE INDEX audit_log_at_idx ON audit_log (at DESC);
CREATE INDEX audit_log_action_idx ON audit_log (action, at DESC);
CREATE INDEX audit_log_actor_idx ON audit_log (actor_account_id, at DESC);
CREATE INDEX audit_log_target_idx ON audit_log (target_type, target_id);

-- 年度计划: every number of the year's rules, edited by the operator.
CREATE TABLE annual_plans (
  year integer PRIMARY KEY,
  total_hours numeric(6,1) NOT NULL,
  professional_ratio_num integer NOT NULL,
  professional_ratio_den integer NOT NULL,
  compulsory_hours numeric(6,1) NOT NULL,
  elective_hours numeric(6,1) NOT NULL,
  pass_score integer NOT NULL,
  max_attempts integer NOT NULL,
  hours_per_half_day numeric(6,1) NOT NULL,
  public_deadline date NOT NULL,
  professional_deadline date NOT NULL,
  exam_config jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CHECK (professional_ratio_num > 0 AND professional_ratio_den >= professional_ratio_num)
);
