-- 培训班 and 导入学员学时: an organiser's classes (a training base's filed class, a unit's or an industry
-- authority's own) and their trainees. A passed trainee's hours are an approved professional-subject record
-- whose source is the class (hour_records.training_class_id, source 'class').

CREATE TABLE training_classes (
  id integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
  organiser_kind text NOT NULL CHECK (organiser_kind IN ('base', 'unit', 'authority')),
  base_id integer REFERENCES training_bases(id),
  unit_id integer REFERENCES units(id),
  authority_id integer REFERENCES authorities(id),
  organiser_name text NOT NULL,
  -- A base's class is of a filing 已备案; its 备案号 is copied so the records' source reads it.
  filing_id integer REFERENCES training_filings(id),
  filing_number text,
  title text NOT NULL,
  category text NOT NULL DEFAULT '',
  place text NOT NULL,
  start_date date NOT NULL,
  start_half text NOT NULL CHECK (start_half IN ('am', 'pm')),
  end_date date NOT NULL,
  end_half text NOT NULL CHECK (end_half IN ('am', 'pm')),
  year integer NOT NULL REFERENCES annual_plans(year),
  hours numeric(6,1) NOT NULL CHECK (hours > 0),
  created_by integer NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CONSTRAINT training_classes_organiser_check CHECK (
    (organiser_kind = 'base' AND base_id IS NOT NULL AND unit_id IS NULL AND authority_id IS NULL AND filing_id IS NOT NULL) OR
    (organiser_kind = 'unit' AND unit_id IS NOT NULL AND base_id IS NULL AND authority_id IS NULL) OR
    (organiser_kind = 'authority' AND authority_id IS NOT NULL AND base_id IS NULL AND unit_id IS NULL)),
  CONSTRAINT training_classes_span_check CHECK (start_date <= end_date AND extract(year FROM start_date) = extract(year FROM end_date))
);
CREATE UNIQUE INDEX training_classes_filing_idx ON training_classes (filing_id) WHERE filing_id IS NOT NULL;
CREATE INDEX training_classes_base_idx ON training_classes (base_id, year) WHERE base_id IS NOT NULL;
CREATE INDEX training_classes_unit_idx ON training_classes (unit_id, year) WHERE unit_id IS NOT NULL;
CREATE INDEX training_classes_authority_idx ON training_classes (authority_id, year) WHERE authority_id IS NOT NULL;

ALTER TABLE hour_records ADD COLUMN training_class_id integer REFERENCES training_classes(id);
ALTER TABLE hour_records DROP CONSTRAINT hour_records_source_check;
ALTER TABLE hour_records ADD CONSTRAINT hour_records_source_check
  CHECK (source IN ('self', 'unit', 'import', 'base', 'integration', 'class'));
ALTER TABLE hour_records ADD CONSTRAINT hour_records_check4 CHECK ((source = 'class') = (training_class_id IS NOT NULL));
CREATE INDEX hour_records_class_idx ON hour_records (training_class_id) WHERE training_class_id IS NOT NULL;

-- A trainee of a class: once per person (a person cannot hold the same class twice).
CREATE TABLE training_class_trainees (
  id bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
  class_id integer NOT NULL REFERENCES training_classes(id) ON DELETE CASCADE,
  account_id integer NOT NULL REFERENCES accounts(id),
  unit_name text NOT NULL,
  hours numeric(6,1) NOT NULL CHECK (hours > 0),
  result text NOT NULL CHECK (result IN ('passed', 'failed')),
  record_id bigint UNIQUE REFERENCES hour_records(id) ON DELETE SET NULL,
  overlapping boolean NOT NULL DEFAULT false,
  created_by integer NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CONSTRAINT training_class_trainees_class_id_account_id_key UNIQUE (class_id, account_id)
);
CREATE INDEX training_class_trainees_account_idx ON training_class_trainees (account_id);
