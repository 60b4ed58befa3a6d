-- Professional-subject hours (专业科目学时): records, their review history and evidence files.

ALTER TABLE annual_plans ADD COLUMN max_record_hours numeric(6,1) NOT NULL DEFAULT 90;

CREATE TABLE hour_records (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account_id integer NOT NULL REFERENCES accounts(id),
  year integer NOT NULL REFERENCES annual_plans(year),
  activity_type text NOT NULL CHECK (activity_type IN ('training', 'practice', 'distance', 'academic', 'other')),
  title text NOT NULL,
  organizer text NOT NULL,
  place text NOT NULL,
  start_date date NOT NULL,
  start_half text NOT NULL CHECK (start_half IN ('am', 'pm')),
  end_date date NOT NULL,
  end_half text NOT NULL CHECK (end_half IN ('am', 'pm')),
  hours numeric(6,1) NOT NULL CHECK (hours > 0),
  remarks text NOT NULL DEFAULT '',
  declared_at timestamptz NOT NULL, -- 本人承诺以上信息属实
  -- 待提交 / 待初审 / 通过认定 / 不予认定
  status text NOT NULL CHECK (status IN ('draft', 'pending', 'approved', 'rejected')),
  source text NOT NULL CHECK (source IN ('self', 'unit', 'import', 'base', 'integration')),
  -- The unit responsible for the record: the person's unit when registered, and the reviewing unit
  -- once submitted there. A later change of unit does not move records already submitted.
  unit_id integer REFERENCES units(id),
  review_target text CHECK (review_target IN ('unit', 'authority')),
  authority_id integer REFERENCES authorities(id),
  submitted_at timestamptz,
  submitted_by integer,
  decided_at timestamptz,
  decided_by integer,
  decided_by_name text,
  opinion text,
  created_by integer NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CHECK (start_date <= end_date AND extract(year FROM start_date) = extract(year FROM end_date)),
  CHECK (status <> 'rejected' OR opinion IS NOT NULL),
  CHECK (status NOT IN ('pending', 'approved', 'rejected') OR review_target IS NOT NULL)
);
CREATE INDEX hour_records_person_year_idx ON hour_records (account_id, year);
CREATE INDEX hour_records_unit_status_idx ON hour_records (unit_id, status, id DESC);
CREATE INDEX hour_records_authority_status_idx ON hour_records (authority_id, status, id DESC) WHERE authority_id IS NOT NULL;

-- The "+" of 培训登记详情: submitted to whom and when, decided by whom, with which opinion.
CREATE TABLE hour_record_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  record_id bigint NOT NULL REFERENCES hour_records(id) ON DELETE CASCADE,
  at timestamptz NOT NULL,
  action text NOT NULL CHECK (action IN ('create', 'update', 'submit', 'withdraw', 'approve', 'reject', 'delete')),
  actor_id integer,
  actor_name text,
  target_name text,
  opinion text
);
CREATE INDEX hour_record_events_record_idx ON hour_record_events (record_id, at);

CREATE TABLE hour_evidence (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  record_id bigint NOT NULL REFERENCES hour_records(id) ON DELETE CASCADE,
  file_key text NOT NULL,
  file_name text NOT NULL,
  mime text NOT NULL CHECK (mime IN ('application/pdf', 'image/jpeg', 'image/png')),
  size integer NOT NULL,
  sha256 char(64) NOT NULL,
  uploaded_by integer NOT NULL,
  uploaded_at timestamptz NOT NULL
);
CREATE INDEX hour_evidence_record_idx ON hour_evidence (record_id);

-- Durable record of domain events (e.g. approved hours deleted → certificate revoked), written in the
-- same transaction as the change that raised them.
CREATE TABLE domain_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL,
  type text NOT NULL,
  account_id integer,
  year integer,
  payload jsonb NOT NULL
);
CREATE INDEX domain_events_type_idx ON domain_events (type, at DESC);
CREATE INDEX domain_events_person_idx ON domain_events (account_id, year);
