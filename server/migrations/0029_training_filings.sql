-- 继续教育基地 as managed data, and 培训备案 (filing a class).
--
-- Bases: the notice's directory (attachment 3) gains what the operator manages — a supervising
-- authority (which may review its filings besides the operator), the valid period of the
-- accreditation, a contact, and a status: a suspended (暂停) base cannot file. Level stays as the
-- notice gives it: national (国家级) when `national`, regional (自治区级) when it has a regional batch,
-- 双基地 when both.
ALTER TABLE training_bases
  ADD COLUMN status text NOT NULL DEFAULT 'active' CONSTRAINT training_bases_status_check
    CHECK (status IN ('active', 'suspended')),
  ADD COLUMN valid_from date,
  ADD COLUMN valid_to date,
  ADD COLUMN contact_name text,
  ADD COLUMN contact_phone text,
  ADD COLUMN address text,
  ADD COLUMN supervising_authority_id integer REFERENCES authorities(id),
  ADD COLUMN suspended_reason text,
  ADD COLUMN updated_at timestamptz,
  ADD CONSTRAINT training_bases_level_check CHECK (national OR regional_batch IS NOT NULL),
  ADD CONSTRAINT training_bases_dual_check CHECK (dual = (national AND regional_batch IS NOT NULL)),
  ADD CONSTRAINT training_bases_valid_period_check CHECK (valid_from IS NULL OR valid_to IS NULL OR valid_from <= valid_to);

-- 培训备案. 草稿 → 待审核 → 已备案 (备案号) | 退回 (reason; edited and submitted again).
-- A filed class changes only through training_filing_changes, reviewed again.
-- hours (项目学时) is computed from the sessions (课程安排): the plan's hours per half day.
CREATE TABLE training_filings (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  base_id integer NOT NULL REFERENCES training_bases(id),
  status text NOT NULL DEFAULT 'draft' CONSTRAINT training_filings_status_check
    CHECK (status IN ('draft', 'pending', 'returned', 'filed')),
  -- 备案号, given when the filing is accepted.
  filing_no text CONSTRAINT training_filings_filing_no_key UNIQUE,
  name text NOT NULL,
  -- 项目类目: the industry and the field within it.
  industry_code text NOT NULL REFERENCES industries(code),
  field text NOT NULL,
  -- 培训形式: 面授脱产 / 网络 / 混合
  form text NOT NULL CONSTRAINT training_filings_form_check CHECK (form IN ('onsite', 'online', 'blended')),
  start_date date NOT NULL,
  start_half text NOT NULL CONSTRAINT training_filings_start_half_check CHECK (start_half IN ('am', 'pm')),
  end_date date NOT NULL,
  end_half text NOT NULL CONSTRAINT training_filings_end_half_check CHECK (end_half IN ('am', 'pm')),
  place text NOT NULL,
  planned_trainees integer NOT NULL CONSTRAINT training_filings_planned_trainees_check CHECK (planned_trainees > 0),
  hours numeric(6,1) NOT NULL CONSTRAINT training_filings_hours_check CHECK (hours > 0),
  -- 主办单位 / 承办单位
  organiser text NOT NULL,
  co_organiser text NOT NULL DEFAULT '',
  -- 收费标准: yuan per trainee (0 = free) and what it covers.
  fee_per_person numeric(10,2) NOT NULL DEFAULT 0 CONSTRAINT training_filings_fee_check CHECK (fee_per_person >= 0),
  fee_note text NOT NULL DEFAULT '',
  -- 招生范围: 公开 (listed in 培训项目公示) / 内部
  enrolment text NOT NULL CONSTRAINT training_filings_enrolment_check CHECK (enrolment IN ('public', 'internal')),
  -- Whether the filing is reviewed before it is filed; without review it is filed on submission.
  needs_approval boolean NOT NULL DEFAULT true,
  -- Year of the class (start and end lie in one year), the year of its 备案号.
  year integer NOT NULL,
  created_by integer NOT NULL REFERENCES accounts(id),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  submitted_at timestamptz,
  submitted_by integer REFERENCES accounts(id),
  decided_at timestamptz,
  decided_by integer REFERENCES accounts(id),
  decided_by_name text,
  return_reason text,
  filed_at timestamptz,
  CONSTRAINT training_filings_span_check CHECK (
    start_date <= end_date AND extract(year FROM start_date) = extract(year FROM end_date) AND extract(year FROM start_date) = year
  ),
  CONSTRAINT training_filings_filed_check CHECK ((status = 'filed') = (filing_no IS NOT NULL AND filed_at IS NOT NULL)),
  CONSTRAINT training_filings_returned_check CHECK (status <> 'returned' OR return_reason IS NOT NULL),
  CONSTRAINT training_filings_submitted_check CHECK (status = 'draft' OR submitted_at IS NOT NULL)
);
CREATE INDEX training_filings_base_idx ON training_filings (base_id, status, id DESC);
CREATE INDEX training_filings_status_idx ON training_filings (status, submitted_at);
CREATE INDEX training_filings_public_idx ON training_filings (start_date DESC) WHERE status = 'filed' AND enrolment = 'public';

-- 课程安排: one session per half day; the filing's hours are their count × the plan's hours per half day.
CREATE TABLE training_filing_sessions (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  filing_id integer NOT NULL REFERENCES training_filings(id) ON DELETE CASCADE,
  date date NOT NULL,
  half text NOT NULL CONSTRAINT training_filing_sessions_half_check CHECK (half IN ('am', 'pm')),
  topic text NOT NULL,
  teacher text NOT NULL DEFAULT '',
  CONSTRAINT training_filing_sessions_slot_key UNIQUE (filing_id, date, half)
);

-- 师资: teachers and their titles.
CREATE TABLE training_filing_teachers (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  filing_id integer NOT NULL REFERENCES training_filings(id) ON DELETE CASCADE,
  position integer NOT NULL,
  name text NOT NULL,
  title text NOT NULL,
  employer text NOT NULL DEFAULT '',
  CONSTRAINT training_filing_teachers_position_key UNIQUE (filing_id, position)
);

-- 变更 of a filed class: the whole proposed content, reviewed like a filing; on approval it replaces the
-- filing's content (the 备案号 stays), and the audit entry keeps before → after.
CREATE TABLE training_filing_changes (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  filing_id integer NOT NULL REFERENCES training_filings(id) ON DELETE CASCADE,
  status text NOT NULL DEFAULT 'pending' CONSTRAINT training_filing_changes_status_check
    CHECK (status IN ('pending', 'approved', 'returned')),
  reason text NOT NULL,
  proposed jsonb NOT NULL,
  previous jsonb NOT NULL,
  submitted_at timestamptz NOT NULL,
  submitted_by integer NOT NULL REFERENCES accounts(id),
  decided_at timestamptz,
  decided_by integer REFERENCES accounts(id),
  decided_by_name text,
  return_reason text,
  CONSTRAINT training_filing_changes_decided_check CHECK (status = 'pending' OR (decided_at IS NOT NULL AND decided_by IS NOT NULL)),
  CONSTRAINT training_filing_changes_returned_check CHECK (status <> 'returned' OR return_reason IS NOT NULL)
);
CREATE UNIQUE INDEX training_filing_changes_one_open ON training_filing_changes (filing_id) WHERE status = 'pending';
CREATE INDEX training_filing_changes_status_idx ON training_filing_changes (status, submitted_at);

-- 备案号 sequence per year: 桂继教备〔2026〕0001号.
CREATE TABLE training_filing_numbers (
  year integer PRIMARY KEY,
  last_no integer NOT NULL
);
