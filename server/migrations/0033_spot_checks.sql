-- 抽查 (双随机、一公开): a campaign of an HR bureau, an industry authority or the operator draws units of its
-- scope at random, then records (or people) within them, and inspectors from its own staff (at least two per
-- unit); the seed, the algorithm and the lists drawn from are stored so anyone can reproduce the draw. The
-- sampled unit answers with materials, the inspectors record a finding per record, and a finished campaign's
-- outcomes are public.
CREATE TABLE spot_check_campaigns (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  title text NOT NULL,
  year integer NOT NULL,
  -- Whose campaign: an authority (人社局 or 行业主管部门) or the operator (owner_authority_id NULL).
  owner_authority_id integer REFERENCES authorities(id),
  owner_name text NOT NULL,
  scope_label text NOT NULL,
  sample_of text NOT NULL CHECK (sample_of IN ('records', 'people')),
  unit_size_mode text NOT NULL CHECK (unit_size_mode IN ('percent', 'count')),
  unit_size_value integer NOT NULL CHECK (unit_size_value > 0),
  item_size_mode text NOT NULL CHECK (item_size_mode IN ('percent', 'count')),
  item_size_value integer NOT NULL CHECK (item_size_value > 0),
  inspectors_per_unit integer NOT NULL CHECK (inspectors_per_unit >= 2),
  seed text NOT NULL,
  algorithm text NOT NULL,
  -- The lists drawn from, in the order the algorithm reads them: {"units": [...], "pool": [...], "items": {"<unitId>": [...]}}.
  population jsonb NOT NULL,
  answer_due date NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'finished')),
  conclusion text,
  created_by integer NOT NULL REFERENCES accounts(id),
  created_at timestamptz NOT NULL,
  finished_by integer REFERENCES accounts(id),
  finished_at timestamptz,
  CONSTRAINT spot_check_campaigns_finished CHECK (status = 'open' OR finished_at IS NOT NULL)
);
CREATE INDEX spot_check_campaigns_owner_idx ON spot_check_campaigns (owner_authority_id, created_at DESC);
CREATE INDEX spot_check_campaigns_public_idx ON spot_check_campaigns (finished_at DESC) WHERE status = 'finished';

CREATE TABLE spot_check_units (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  campaign_id integer NOT NULL REFERENCES spot_check_campaigns(id),
  unit_id integer NOT NULL REFERENCES units(id),
  unit_name text NOT NULL,
  draw_order integer NOT NULL,
  answer_note text,
  answered_at timestamptz,
  answered_by integer REFERENCES accounts(id),
  CONSTRAINT spot_check_units_once UNIQUE (campaign_id, unit_id)
);
CREATE INDEX spot_check_units_unit_idx ON spot_check_units (unit_id) WHERE answered_at IS NULL;

CREATE TABLE spot_check_inspectors (
  campaign_unit_id integer NOT NULL REFERENCES spot_check_units(id),
  account_id integer NOT NULL REFERENCES accounts(id),
  name text NOT NULL,
  draw_order integer NOT NULL,
  PRIMARY KEY (campaign_unit_id, account_id)
);
CREATE INDEX spot_check_inspectors_account_idx ON spot_check_inspectors (account_id);

-- One sampled record, with what it said when drawn: a record found 不属实 is deleted from hour_records.
CREATE TABLE spot_check_items (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  campaign_unit_id integer NOT NULL REFERENCES spot_check_units(id),
  record_id bigint NOT NULL,
  account_id integer NOT NULL REFERENCES accounts(id),
  person_name text NOT NULL,
  title text NOT NULL,
  organizer text NOT NULL,
  start_date date NOT NULL,
  end_date date NOT NULL,
  hours numeric(6,1) NOT NULL,
  finding text CHECK (finding IN ('true', 'false', 'incomplete')),
  finding_note text,
  found_by integer REFERENCES accounts(id),
  found_by_name text,
  found_at timestamptz,
  hours_removed_at timestamptz,
  -- When the person and the unit saw a 不属实 finding (their 待办 until then).
  person_seen_at timestamptz,
  unit_seen_at timestamptz,
  CONSTRAINT spot_check_items_found CHECK (finding IS NULL OR (found_by IS NOT NULL AND found_at IS NOT NULL)),
  CONSTRAINT spot_check_items_once UNIQUE (campaign_unit_id, record_id)
);
CREATE INDEX spot_check_items_person_idx ON spot_check_items (account_id) WHERE finding = 'false';

CREATE TABLE spot_check_files (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  item_id integer NOT NULL REFERENCES spot_check_items(id),
  -- answer: the unit's materials; finding: the inspector's.
  kind text NOT NULL CHECK (kind IN ('answer', 'finding')),
  file_key text NOT NULL,
  file_name text NOT NULL,
  mime text NOT NULL,
  size integer NOT NULL,
  sha256 text NOT NULL,
  uploaded_by integer NOT NULL REFERENCES accounts(id),
  uploaded_at timestamptz NOT NULL
);
CREATE INDEX spot_check_files_item_idx ON spot_check_files (item_id);
